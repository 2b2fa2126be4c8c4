import CEL
import Foundation
import Yams

/// Loading a working-day calendar from YAML (`rules/calendars/england-and-wales.yaml`):
///
/// ```yaml
/// name: England and Wales
/// source: https://www.gov.uk/bank-holidays     # optional
/// projected_from: 2029                         # optional: first year not yet published
/// bank_holidays:
///   2024:
///     2024-01-01: New Year's Day
///     2024-03-29: Good Friday
/// ```
///
/// The covered years run from the first to the last year listed. Every problem (a bad date,
/// a date filed under the wrong year, a holiday on a weekend, an unknown key) is reported with
/// its line and column; valid entries still load.
extension WorkingDayCalendar {
    /// Reads and parses a calendar file.
    public static func load(path: String) -> LoadResult<WorkingDayCalendar> {
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return parse(yaml: text, file: path)
        } catch {
            return LoadResult(value: nil, diagnostics: [
                Diagnostic(.error, at: SourceLocation(file: path, line: 0), "cannot read the calendar file: \(error.localizedDescription)")])
        }
    }

    /// Parses calendar YAML; `file` is used in diagnostics.
    public static func parse(yaml text: String, file: String) -> LoadResult<WorkingDayCalendar> {
        var reader = CalendarFileReader(file: file)
        // Years, dates and names are all read as text, so no YAML typing is needed.
        let (root, yamlDiagnostics) = YAMLDocument.compose(text, file: file, resolver: .basic)
        reader.diagnostics = yamlDiagnostics
        guard let root else {
            if yamlDiagnostics.isEmpty { reader.error(nil, "the calendar file is empty; it needs a name and bank_holidays") }
            return LoadResult(value: nil, diagnostics: reader.diagnostics)
        }
        let calendar = reader.read(root)
        return LoadResult(value: reader.diagnostics.contains { $0.severity == .error } ? nil : calendar,
                          diagnostics: reader.diagnostics)
    }

    /// Convenience: the parsed calendar, or a ``DiagnosticsError`` listing every problem.
    public init(yaml text: String, file: String) throws {
        self = try WorkingDayCalendar.parse(yaml: text, file: file).get()
    }
}

/// Walks the node tree of a calendar file, collecting diagnostics.
private struct CalendarFileReader {
    let file: String
    var diagnostics: [Diagnostic] = []

    private static let topLevelKeys = ["name", "source", "projected_from", "bank_holidays"]

    mutating func error(_ node: Node?, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: YAMLDocument.location(file, node?.mark), message, hint: hint))
    }

    mutating func warning(_ node: Node?, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, at: YAMLDocument.location(file, node?.mark), message, hint: hint))
    }

    mutating func read(_ root: Node) -> WorkingDayCalendar? {
        guard case .mapping(let top) = root else {
            error(root, "a calendar file must be a mapping with 'name' and 'bank_holidays'")
            return nil
        }
        var name: String?
        var holidays: [CalendarDate: String] = [:]
        var years: [Int] = []
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "name":
                if case .scalar(let s) = value, !s.string.isEmpty { name = s.string }
                else { error(value, "'name' must be a text such as 'England and Wales'") }
            case "source":
                if case .scalar = value {} else { error(value, "'source' must be a text (a web address)") }
            case "projected_from":
                if case .scalar(let s) = value, Int(s.string) != nil {} else { error(value, "'projected_from' must be a year such as 2029") }
            case "bank_holidays":
                readYears(value, into: &holidays, years: &years)
            default:
                error(keyNode, "unknown key '\(key)' in a calendar file",
                      hint: Suggestion.hint(for: key, among: CalendarFileReader.topLevelKeys))
            }
        }
        if name == nil && top["name"] == nil { error(root, "the calendar has no 'name'") }
        if top["bank_holidays"] == nil { error(root, "the calendar has no 'bank_holidays'") }
        guard let first = years.min(), let last = years.max() else { return nil }
        for y in first...last where !years.contains(y) {
            warning(top["bank_holidays"], "no bank holidays are listed for \(y); only weekends will count as non-working days that year")
        }
        return WorkingDayCalendar(name: name ?? "unnamed", holidays: holidays, coveredYears: first...last)
    }

    private mutating func readYears(_ node: Node, into holidays: inout [CalendarDate: String], years: inout [Int]) {
        guard case .mapping(let byYear) = node else {
            error(node, "'bank_holidays' must list years, each with its dates, such as\n  2024:\n    2024-01-01: New Year's Day")
            return
        }
        for (yearNode, list) in byYear {
            guard let yearText = yearNode.string, yearText.count == 4, let year = Int(yearText), year >= 1 else {
                error(yearNode, "'\(yearNode.string ?? "")' is not a year; list bank holidays under years such as 2024")
                continue
            }
            years.append(year)
            guard case .mapping(let dates) = list else {
                if case .scalar(let s) = list, s.string.isEmpty { continue }   // a year with nothing listed yet
                error(list, "the bank holidays of \(year) must be written 'YYYY-MM-DD: name', one a line")
                continue
            }
            for (dateNode, nameNode) in dates {
                let dateText = dateNode.string ?? ""
                let date: CalendarDate
                do { date = try CalendarDate(validatingISO: dateText) } catch let e as CalendarDateParseError {
                    error(dateNode, e.message)
                    continue
                } catch { continue }
                guard date.year == year else {
                    error(dateNode, "\(dateText) is listed under \(year)", hint: "move it under \(date.year) or correct the year")
                    continue
                }
                if date.isWeekend {
                    error(dateNode, "\(dateText) is a \(date.dayOfWeek == 6 ? "Saturday" : "Sunday"); bank holidays at weekends move to a weekday, list the substitute day instead")
                    continue
                }
                guard case .scalar(let nameScalar) = nameNode, !nameScalar.string.isEmpty else {
                    error(nameNode.mark == nil ? dateNode : nameNode, "bank holiday \(dateText) needs a name, such as 'Good Friday'")
                    continue
                }
                holidays[date] = nameScalar.string
            }
        }
    }
}
