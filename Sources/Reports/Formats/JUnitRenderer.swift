import Foundation
import Rules

/// JUnit XML for CI dashboards: a test suite per area, a test case per rule, and a
/// `<failure>` per finding (an `<error>` for findings whose rule could not be evaluated).
/// A rule with no findings is a passing test case.
///
/// Counts follow the common reading of the format: `tests` counts test cases (rules);
/// `errors` counts rules with at least one evaluation error, `failures` the other rules
/// with findings, so `failures + errors <= tests`. Every element carries `time="0"`, which
/// stricter readers (Ant's schema) require; a real duration would make output differ run to run.
public struct JUnitRenderer: ReportRenderer {
    public init() {}

    public func render(_ input: ReportInput) -> Data {
        var findingsByRule: [String: [Finding]] = [:]
        for finding in input.findings { findingsByRule[finding.rule, default: []].append(finding) }
        var rulesByArea: [String: [RuleInfo]] = [:]
        for rule in input.rules { rulesByArea[rule.areaName, default: []].append(rule) }

        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0)
        for area in rulesByArea.keys.sorted() {
            var cases: [String] = []
            var counts = (tests: 0, failures: 0, errors: 0)
            for rule in rulesByArea[area]! {
                let findings = findingsByRule[rule.id] ?? []
                counts.tests += 1
                if findings.contains(where: { $0.status == .error }) {
                    counts.errors += 1
                } else if !findings.isEmpty {
                    counts.failures += 1
                }
                cases.append(testCase(rule, area: area, findings: findings))
            }
            totals.tests += counts.tests
            totals.failures += counts.failures
            totals.errors += counts.errors
            let attributes = [("name", area), ("tests", String(counts.tests)), ("failures", String(counts.failures)),
                              ("errors", String(counts.errors)), ("skipped", "0"), ("time", "0")]
                + (input.generatedAt.map { [("timestamp", $0)] } ?? [])
            suites.append("  <testsuite\(attributeText(attributes))>\n" + cases.joined() + "  </testsuite>\n")
        }
        let rootName = "\(input.tool.name) health check as of \(input.asOf.isoString)"
        let root = [("name", rootName), ("tests", String(totals.tests)), ("failures", String(totals.failures)),
                    ("errors", String(totals.errors)), ("time", "0")]
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites\(attributeText(root))>\n" + suites.joined() + "</testsuites>\n"
        return Data(xml.utf8)
    }

    private func testCase(_ rule: RuleInfo, area: String, findings: [Finding]) -> String {
        // CI dashboards group test cases by class name: casecheck.<area>.
        let attributes = [("classname", "casecheck.\(area)"), ("name", "\(rule.id): \(rule.title)"), ("time", "0")]
        guard !findings.isEmpty else { return "    <testcase\(attributeText(attributes))/>\n" }
        var text = "    <testcase\(attributeText(attributes))>\n"
        for finding in findings {
            let element = finding.status == .error ? "error" : "failure"
            let subject = finding.caseID.map { "child \($0)" } ?? finding.group.map { "group \($0)" } ?? "run"
            let message = "\(subject)\(finding.item.map { " \($0)" } ?? ""): \(finding.message)"
            let failure = [("message", message), ("type", "\(finding.severity.rawValue) \(finding.status.rawValue)")]
            text += "      <\(element)\(attributeText(failure))>" + XMLText.escape(details(finding)) + "</\(element)>\n"
        }
        return text + "    </testcase>\n"
    }

    /// The finding's fields, one a line, as the failure's body.
    private func details(_ finding: Finding) -> String {
        var lines: [String] = []
        if let caseID = finding.caseID { lines.append("child: \(caseID)") }
        if let item = finding.item { lines.append("item: \(item)") }
        if let group = finding.group { lines.append("group: \(group)") }
        lines.append("severity: \(finding.severity.rawValue)")
        lines.append("status: \(finding.status.rawValue)")
        if let due = finding.due { lines.append("due: \(due.isoString)") }
        if let daysLate = finding.daysLate { lines.append("days late: \(daysLate)") }
        if let worker = finding.worker { lines.append("worker: \(worker)") }
        if let team = finding.team { lines.append("team: \(team)") }
        if let location = finding.location { lines.append("record: \(location)") }
        lines.append("rule: \(finding.ruleLocation)")
        lines.append("message: \(finding.message)")
        return lines.joined(separator: "\n")
    }

    private func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(XMLText.escape($0.1, inAttribute: true))\"" }.joined()
    }
}
