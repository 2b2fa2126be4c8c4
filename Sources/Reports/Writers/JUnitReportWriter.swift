import FindingStore
import Rules

/// JUnit XML for CI dashboards: a test suite per area, a test case per rule, and a
/// `<failure>` per finding (an `<error>` for findings whose rule could not be evaluated);
/// a rule with no findings is a passing test case. Findings arrive by area, then rule, so
/// each test case is written whole as its findings pass; the counts in each suite's opening
/// tag come from the tally.
public final class JUnitReportWriter: StreamingReportWriter {
    private let elements = JUnitRenderer()
    private var context: ReportContext?
    /// Areas in name order, each with its rules in id order.
    private var areas: [(name: String, rules: [RuleInfo])] = []
    private var counts: [String: (tests: Int, failures: Int, errors: Int)] = [:]
    /// The next rule to write a test case for, as (area, rule) positions.
    private var position = (area: 0, rule: 0)
    /// Whether the test case at `position` has been opened by a finding.
    private var open = false
    private var suiteOpen = false

    public init() {}

    public var needsTally: Bool { true }

    /// Findings by their rule's area, then rule id, then report order: the order test cases
    /// are written in.
    public func order(for context: ReportContext) -> FindingSequenceOrder {
        let areas = Dictionary(context.rules.map { ($0.id, $0.areaName) }, uniquingKeysWith: { first, _ in first })
        return FindingSequenceOrder(name: "junit") { a, b in
            if a.rule != b.rule {
                let x = areas[a.rule] ?? "other", y = areas[b.rule] ?? "other"
                if x != y { return x < y }
                return a.rule < b.rule
            }
            return FindingOrder.precedes(a, b)
        }
    }

    public func begin(_ context: ReportContext, tally: FindingTally?, into sink: ReportSink) throws {
        self.context = context
        var byArea: [String: [RuleInfo]] = [:]
        for rule in context.rules { byArea[rule.areaName, default: []].append(rule) }
        areas = byArea.keys.sorted().map { ($0, byArea[$0]!) }
        var totals = (tests: 0, failures: 0, errors: 0)
        for (area, rules) in areas {
            var c = (tests: 0, failures: 0, errors: 0)
            for rule in rules {
                c.tests += 1
                if tally?.rulesWithErrors.contains(rule.id) == true {
                    c.errors += 1
                } else if (tally?.byRule[rule.id] ?? 0) > 0 {
                    c.failures += 1
                }
            }
            counts[area] = c
            totals.tests += c.tests
            totals.failures += c.failures
            totals.errors += c.errors
        }
        let rootName = "\(context.tool.name) health check as of \(context.asOf.isoString)"
        let root = [("name", rootName), ("tests", String(totals.tests)), ("failures", String(totals.failures)),
                    ("errors", String(totals.errors)), ("time", "0")]
        try sink.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites\(elements.attributeText(root))>\n")
    }

    public func write(_ finding: Finding, into sink: ReportSink) throws {
        var out = ""
        // Pass every rule before this finding's: they have no findings.
        while position.area < areas.count {
            let rule = areas[position.area].rules[position.rule]
            if rule.id == finding.rule { break }
            out += advance()
        }
        guard position.area < areas.count else { return }
        if !suiteOpen { out += suiteHeader(position.area) }
        if !open {
            out += "    <testcase\(elements.attributeText(caseAttributes(areas[position.area].rules[position.rule], area: areas[position.area].name)))>\n"
            open = true
        }
        out += elements.failure(finding)
        try sink.write(out)
    }

    public func end(into sink: ReportSink) throws {
        var out = ""
        while position.area < areas.count { out += advance() }
        try sink.write(out + "</testsuites>\n")
    }

    /// Closes (or writes, when it had no findings) the test case at `position` and moves on.
    private func advance() -> String {
        let area = areas[position.area]
        var out = suiteOpen ? "" : suiteHeader(position.area)
        if open {
            out += "    </testcase>\n"
        } else {
            out += "    <testcase\(elements.attributeText(caseAttributes(area.rules[position.rule], area: area.name)))/>\n"
        }
        open = false
        position.rule += 1
        if position.rule == area.rules.count {
            out += "  </testsuite>\n"
            suiteOpen = false
            position = (position.area + 1, 0)
        }
        return out
    }

    private func suiteHeader(_ index: Int) -> String {
        suiteOpen = true
        let name = areas[index].name
        let c = counts[name] ?? (0, 0, 0)
        let attributes = [("name", name), ("tests", String(c.tests)), ("failures", String(c.failures)),
                          ("errors", String(c.errors)), ("skipped", "0"), ("time", "0")]
            + (context?.generatedAt.map { [("timestamp", $0)] } ?? [])
        return "  <testsuite\(elements.attributeText(attributes))>\n"
    }

    private func caseAttributes(_ rule: RuleInfo, area: String) -> [(String, String)] {
        // CI dashboards group test cases by class name: casecheck.<area>.
        [("classname", "casecheck.\(area)"), ("name", "\(rule.id): \(rule.title)"), ("time", "0")]
    }
}
