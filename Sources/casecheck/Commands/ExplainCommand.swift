import ArgumentParser
import CEL
import CaseModel
import CaseSources
import Engine
import Foundation
import Rules

/// `casecheck explain`: how one rule reached its verdict for one child, step by step.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show how a rule reached its verdict for one child.",
        discussion: """
        For a disputed finding: the items the rule looked at, whether its 'when' held, \
        each expression's value and the values of its parts, the due dates computed \
        (with the weekends and bank holidays skipped), and the findings the rule gives. \
        The verdict is the rule's own, as 'casecheck run' would report it. Exit 2 when \
        the rule or the child is not found.

        Examples:
          casecheck explain CP-REVIEW --case C0016
          casecheck explain VISIT-CP --case C0012 cases/ --as-of 2026-11-23
        """)

    @Argument(help: ArgumentHelp("The rule's id, such as CP-REVIEW.", valueName: "rule-id"))
    var ruleID: String

    @Option(name: .customLong("case"), help: ArgumentHelp("The child's id.", valueName: "child-id"))
    var caseID: String

    @Argument(help: ArgumentHelp("Case files or folders to find the child in (default: cases).", valueName: "case-paths"))
    var casePaths: [String] = []

    @OptionGroup var pack: PackOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The health-check date, YYYY-MM-DD (default: today).",
                                                          valueName: "date"))
    var asOf: String?

    func run() throws {
        let date = try AsOfDate.parse(asOf)
        let setup = try PackLoading.load(rulePaths: pack.rulePaths, schema: pack.schema, calendar: pack.calendar)
        guard let rule = setup.pack.rule(id: ruleID) else {
            let ids = setup.pack.rules.map(\.id)
            let hint = Suggestion.closest(to: ruleID, among: ids).map { "did you mean '\($0)'?" }
                ?? "'casecheck rules doc' lists every rule"
            fail("there is no rule '\(ruleID)' in the \(ids.count) rules loaded", hint: hint)
        }
        let paths = casePaths.isEmpty ? ["cases"] : casePaths
        let reader = CaseReader(paths: paths, schema: setup.schema.root)
        var found: CaseRecord?
        var ids: [String] = []
        var problems: [Diagnostic] = []
        while found == nil, let batch = reader.nextBatch() {
            problems += batch.diagnostics.filter { $0.severity == .error }
            for record in batch.records {
                if record.id == caseID { found = record; break }
                if let id = record.id { ids.append(id) }
            }
        }
        guard let record = found else {
            var printer = DiagnosticPrinter(colour: Colour.forStream(STDERR_FILENO), showSource: false)
            StandardError.write(problems.map { printer.render($0) }.joined())
            let hint = Suggestion.closest(to: caseID, among: ids).map { "did you mean '\($0)'?" }
                ?? "give the case files that hold the child after the rule id"
            fail("no child with id '\(caseID)' among the \(ids.count) records read from \(paths.joined(separator: ", "))",
                 hint: hint)
        }
        let explanation = rule.explain(record: record, asOf: date)
        let group = rule.isAggregate ? groupVerdict(rule, record: record, paths: paths, schema: setup.schema, asOf: date) : nil
        let text = RuleExplanationText.render(explanation, rule: rule.definition, caseID: caseID, record: record.location,
                                              group: group)
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// The child's group of an aggregate rule, tallied over every record of the case files.
    private func groupVerdict(_ rule: CompiledRule, record: CaseRecord, paths: [String], schema: CaseSchema,
                              asOf: CalendarDate) -> RuleExplanationText.GroupVerdict? {
        guard let name = rule.tally(record: record, asOf: asOf).figures.keys.first else { return nil }
        var tally = AggregateTally()
        var count = 0
        let reader = CaseReader(paths: paths, schema: schema.root)
        while let batch = reader.nextBatch() {
            for r in batch.records {
                count += 1
                tally.merge(rule.tally(record: r, asOf: asOf))
            }
        }
        let findings = rule.finish(tally, asOf: asOf).filter { $0.group == name && $0.status != .error }
        return RuleExplanationText.GroupVerdict(name: name, figure: tally.figures[name] ?? 0, recordCount: count,
                                                findings: findings)
    }

    private func fail(_ message: String, hint: String) -> Never {
        let colour = Colour.forStream(STDERR_FILENO)
        StandardError.write("casecheck: \(colour.red(colour.bold("error:"))) \(message)\n  \(colour.cyan("hint:")) \(hint)\n")
        Foundation.exit(ExitStatus.usageOrInputError)
    }
}
