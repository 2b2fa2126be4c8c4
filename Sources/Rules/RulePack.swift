import CEL
import CaseModel
import Foundation

/// A loaded and compiled set of rules: every rule file of a directory (or the files given).
///
/// Loading never stops at the first problem and never skips one silently: each mistake is a
/// ``Diagnostic`` and a bad rule is left out while the other rules load. Compiled rules are
/// immutable values, safe to use from several threads at once.
public struct RulePack: Sendable {
    /// The compiled rules, in file order then position in the file.
    public var rules: [CompiledRule]
    /// The rule files read, in the order read.
    public var files: [String]

    public init(rules: [CompiledRule], files: [String]) {
        self.rules = rules
        self.files = files
    }

    /// The rule with this id.
    public func rule(id: String) -> CompiledRule? { rules.first { $0.id == id } }

    /// Rules that check one record at a time (every kind but `aggregate`).
    public var recordRules: [CompiledRule] { rules.filter { !$0.isAggregate } }
    /// Rules that run across records (`aggregate`): use ``CompiledRule/tally(record:asOf:)``
    /// on each record, ``AggregateTally/merge(_:)``, then ``CompiledRule/finish(_:asOf:)``.
    public var aggregateRules: [CompiledRule] { rules.filter { $0.isAggregate } }

    /// Runs every rule's `examples:` (what `casecheck rules test` reports), in pack order.
    public func runExamples() -> [(rule: CompiledRule, results: [ExampleResult])] {
        rules.map { ($0, $0.runExamples()) }
    }

    /// Loads rules from files and directories, with the case schema and the bank-holiday
    /// calendar: the form the CLI uses. Expressions can call the standard library and the
    /// date functions (`date()`, `addWorkingDays()`...), counting working days in `calendar`.
    public static func load(paths: [String], schema: CaseSchema? = nil,
                            calendar: WorkingDayCalendar = .weekendsOnly) -> (RulePack, [Diagnostic]) {
        load(paths: paths, schema: schema?.root, calendar: calendar, functions: functions(for: calendar))
    }

    /// Loads rules from texts in memory, with the case schema and the bank-holiday calendar.
    public static func load(sources: [RuleSource], schema: CaseSchema? = nil,
                            calendar: WorkingDayCalendar = .weekendsOnly) -> (RulePack, [Diagnostic]) {
        load(sources: sources, schema: schema?.root, calendar: calendar, functions: functions(for: calendar))
    }

    /// The standard library and the date functions counting working days in `calendar`.
    public static func functions(for calendar: WorkingDayCalendar) -> FunctionRegistry {
        var functions = FunctionRegistry.standard
        functions.merge(DateFunctions.registry(calendar: calendar))
        return functions
    }

    /// Loads rules from files and directories. A directory contributes every `.yaml`/`.yml`
    /// file in it and below it, sorted, except `schema.yaml` and anything under `calendars/`.
    /// - Parameters:
    ///   - schema: the case schema's child object; when given, every expression is type-checked
    ///     against it (`plan.end_dat` is an error with a did-you-mean) and absent fields read as null.
    ///   - calendar: the calendar due dates are computed in.
    ///   - functions: the CEL functions rules may call; include the date functions
    ///     (``functions(for:)``) for `date()`, `addWorkingDays()` and the like.
    public static func load(paths: [String], schema: ObjectSchema? = nil, calendar: any RuleCalendar,
                            functions: FunctionRegistry = .standard) -> (RulePack, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var sources: [RuleSource] = []
        for file in RuleFileFinder.ruleFiles(in: paths, diagnostics: &diagnostics) {
            guard let data = FileManager.default.contents(atPath: file) else {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                                              "cannot read this rule file"))
                continue
            }
            guard let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                                              "this rule file is not UTF-8 text"))
                continue
            }
            sources.append(RuleSource(name: file, text: text))
        }
        let (pack, more) = load(sources: sources, schema: schema, calendar: calendar, functions: functions)
        return (pack, diagnostics + more)
    }

    /// Loads rules from texts already in memory (`name` is used in diagnostics and locations).
    public static func load(sources: [RuleSource], schema: ObjectSchema? = nil, calendar: any RuleCalendar,
                            functions: FunctionRegistry = .standard) -> (RulePack, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var definitions: [RuleDefinition] = []
        // Files are parsed, and rules compiled, on all cores: a pack of a hundred rules
        // otherwise takes longer to load than a thousand records take to check. Results
        // and diagnostics keep file and rule order.
        for (rules, problems) in sources.orderedConcurrentMap({ RuleFileParser.parse($0, schema: schema) }) {
            definitions += rules
            diagnostics += problems
        }
        definitions = UniqueIDs.keepFirst(of: definitions, diagnostics: &diagnostics)
        let compiler = RuleCompiler(schema: schema, calendar: calendar, functions: functions)
        var rules: [CompiledRule] = []
        for (rule, problems) in definitions.orderedConcurrentMap({ compiler.compile($0) }) {
            diagnostics += problems
            if let rule { rules.append(rule) }
        }
        return (RulePack(rules: rules, files: sources.map(\.name)), diagnostics)
    }
}

/// A rule file's text and the name to report it by.
public struct RuleSource: Sendable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
