import CEL
import CaseModel
import Foundation
import Rules

/// Everything a run needs before it reads a case: the case schema, the working-day calendar
/// and the compiled rule pack, loaded from a rules folder the way `casecheck` finds them.
///
/// Defaults follow the pack's layout: the schema is `schema.yaml` and the calendar
/// `calendars/england-and-wales.yaml` in the pack folder (see ``packFolder(for:)``). A
/// calendar file that is absent by default is a warning and only weekends are skipped; a schema that cannot be read is an error, since rules are
/// type-checked against it and records typed by it.
public struct CheckSetup: Sendable {
    public var schema: CaseSchema
    public var calendar: WorkingDayCalendar
    public var pack: RulePack

    public init(schema: CaseSchema, calendar: WorkingDayCalendar, pack: RulePack) {
        self.schema = schema
        self.calendar = calendar
        self.pack = pack
    }

    /// The default calendar file's name inside a pack's `calendars/` folder.
    public static let defaultCalendarName = "england-and-wales.yaml"

    /// The folder that holds the pack's `schema.yaml` and `calendars/`: the first rules folder
    /// given (or the first rule file's folder) or the nearest folder above it with a
    /// `schema.yaml`, as tools find their configuration, so that `rules/cin-census/` uses the
    /// repository's schema.
    public static func packFolder(for rulePaths: [String]) -> String {
        guard let first = rulePaths.first else { return "rules" }
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let start: String
        if fm.fileExists(atPath: first, isDirectory: &isDirectory), isDirectory.boolValue {
            start = first
        } else {
            let folder = (first as NSString).deletingLastPathComponent
            start = folder.isEmpty ? "." : folder
        }
        let startURL = URL(fileURLWithPath: start).standardizedFileURL
        var candidate = startURL
        while true {
            if fm.fileExists(atPath: candidate.appendingPathComponent("schema.yaml").path) {
                // The folder as the user wrote it when it is the pack, so messages name it so.
                return candidate == startURL ? start : candidate.path
            }
            let parent = candidate.deletingLastPathComponent()
            if parent.path == candidate.path { break }
            candidate = parent
        }
        return start
    }

    /// Loads the schema, the calendar and the rules. Returns nil when the schema or the
    /// calendar could not be loaded; rule-file problems leave the bad rules out of the pack
    /// and are among the diagnostics (a caller refusing to run on errors checks for them).
    public static func load(rulePaths: [String], schemaPath: String? = nil, calendarPath: String? = nil)
        -> (CheckSetup?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let folder = packFolder(for: rulePaths)
        let schemaFile = schemaPath ?? join(folder, "schema.yaml")
        let schemaResult = CaseSchema.load(path: schemaFile)
        if schemaPath == nil && !FileManager.default.fileExists(atPath: schemaFile) {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: schemaFile, line: 0),
                                          "no case schema found beside the rules or in a folder above them",
                                          hint: "name one with --schema, e.g. --schema rules/schema.yaml"))
        } else {
            diagnostics += schemaResult.diagnostics
        }
        if schemaResult.value == nil && schemaResult.diagnostics.isEmpty {
            diagnostics.append(Diagnostic(.error, at: SourceLocation(file: schemaFile, line: 0),
                                          "the case schema could not be read"))
        }

        var calendar: WorkingDayCalendar?
        let calendarFile = calendarPath ?? join(join(folder, "calendars"), defaultCalendarName)
        if calendarPath == nil && !FileManager.default.fileExists(atPath: calendarFile) {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: calendarFile, line: 0),
                                          "no bank-holiday calendar found; working days skip weekends only",
                                          hint: "add the calendar file or name one with --calendar"))
            calendar = .weekendsOnly
        } else {
            let result = WorkingDayCalendar.load(path: calendarFile)
            diagnostics += result.diagnostics
            calendar = result.value
        }

        guard let schema = schemaResult.value, !schemaResult.hasErrors, let calendar else { return (nil, diagnostics) }
        var functions = FunctionRegistry.standard
        functions.merge(DateFunctions.registry(calendar: calendar))
        let (pack, ruleDiagnostics) = RulePack.load(paths: rulePaths.isEmpty ? [folder] : rulePaths,
                                                    schema: schema.root, calendar: calendar, functions: functions)
        diagnostics += ruleDiagnostics
        return (CheckSetup(schema: schema, calendar: calendar, pack: pack), diagnostics)
    }

    private static func join(_ folder: String, _ name: String) -> String {
        folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }
}
