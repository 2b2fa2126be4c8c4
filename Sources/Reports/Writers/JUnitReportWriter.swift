import FindingStore
import Rules

/// JUnit XML for CI dashboards: a `<testsuite>` per rule, and in it a `<testcase>` per
/// finding (one rule, child and item) carrying one `<failure>` (an `<error>` when the rule
/// could not be evaluated, `<skipped>` when a waiver covers it). A rule with no findings is
/// one passing test case. Counts are of test cases, so `tests = failures + errors + skipped +
/// passed` in every suite and in the whole. Every element carries `time="0"`, which stricter
/// readers (Ant's schema) require; a real duration would make output differ run to run.
///
/// Findings arrive by rule, then in report order, so each suite is written as its findings
/// pass; the counts in each suite's opening tag come from the tally.
public final class JUnitReportWriter: StreamingReportWriter {
    private let elements = JUnitRenderer()
    private var context: ReportContext?
    private var tally = FindingTally()
    private var rules: [RuleInfo] = []
    /// The next rule to write a suite for, and whether its suite is open.
    private var next = 0
    private var suiteOpen = false

    public init() {}

    public var needsTally: Bool { true }

    public func order(for context: ReportContext) -> FindingSequenceOrder { Self.byRule }

    private static let byRule = FindingSequenceOrder(name: "junit") { a, b in
        a.rule != b.rule ? a.rule < b.rule : FindingOrder.precedes(a, b)
    }

    public func begin(_ context: ReportContext, tally: FindingTally?, into sink: ReportSink) throws {
        self.context = context
        self.tally = tally ?? FindingTally()
        rules = context.rules.sorted { $0.id < $1.id }
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        for rule in rules {
            let c = counts(rule.id)
            totals.tests += c.tests
            totals.failures += c.failures
            totals.errors += c.errors
            totals.skipped += c.skipped
        }
        let rootName = "\(context.tool.name) health check as of \(context.asOf.isoString)"
        let root = [("name", rootName), ("tests", String(totals.tests)), ("failures", String(totals.failures)),
                    ("errors", String(totals.errors)), ("skipped", String(totals.skipped)), ("time", "0")]
        try sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites\(elements.attributeText(root))>\n")
    }

    public func write(_ finding: Finding, into sink: ReportSink) throws {
        var out = ""
        while next < rules.count, rules[next].id != finding.rule { out += finishSuite() }
        guard next < rules.count else { return }
        if !suiteOpen { out += suiteHeader(rules[next]) }
        out += testCase(finding, rule: rules[next])
        try sink.write(out)
    }

    public func end(into sink: ReportSink) throws {
        var out = ""
        while next < rules.count { out += finishSuite() }
        try sink.write(out + "</testsuites>\n")
    }

    /// Test cases and their outcomes for a rule: one a finding, or one passing case.
    private func counts(_ rule: String) -> (tests: Int, failures: Int, errors: Int, skipped: Int) {
        let findings = tally.byRule[rule] ?? 0
        let errors = tally.errorsByRule[rule] ?? 0, skipped = tally.waivedByRule[rule] ?? 0
        return (max(1, findings), max(0, findings - errors - skipped), errors, skipped)
    }

    /// Closes the open suite, or writes the suite of a rule with no findings, and moves on.
    private func finishSuite() -> String {
        var out = ""
        if suiteOpen {
            out = "  </testsuite>\n"
        } else {
            let rule = rules[next]
            out = suiteHeader(rule)
            out += "    <testcase\(elements.attributeText(caseAttributes(rule, name: "every child meets the rule")))/>\n"
            out += "  </testsuite>\n"
        }
        suiteOpen = false
        next += 1
        return out
    }

    private func suiteHeader(_ rule: RuleInfo) -> String {
        suiteOpen = true
        let c = counts(rule.id)
        let attributes = [("name", "\(rule.id): \(rule.title)"), ("tests", String(c.tests)), ("failures", String(c.failures)),
                          ("errors", String(c.errors)), ("skipped", String(c.skipped)), ("time", "0")]
            + (context?.generatedAt.map { [("timestamp", $0)] } ?? [])
        return "  <testsuite\(elements.attributeText(attributes))>\n"
    }

    private func testCase(_ finding: Finding, rule: RuleInfo) -> String {
        let subject = finding.caseID.map { "child \($0)" } ?? finding.group.map { "group \($0)" } ?? "run"
        var name = subject + (finding.item.map { " \($0)" } ?? "")
        if let due = finding.due { name += " (due \(due.isoString))" }
        var out = "    <testcase\(elements.attributeText(caseAttributes(rule, name: name)))>\n"
        let mark = context?.history?.mark(finding)
        if let mark, mark.isWaived {
            out += "      <skipped\(elements.attributeText([("message", mark.waiver?.explanation ?? "waived")]))/>\n"
        } else {
            out += elements.failure(finding, mark: mark)
        }
        return out + "    </testcase>\n"
    }

    private func caseAttributes(_ rule: RuleInfo, name: String) -> [(String, String)] {
        // CI dashboards group test cases by class name: casecheck.<area>.<rule>.
        [("classname", "casecheck.\(rule.areaName).\(rule.id)"), ("name", name), ("time", "0")]
    }
}
