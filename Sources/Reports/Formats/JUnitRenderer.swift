import Foundation
import Rules

/// The JUnit report of a run held in memory; see ``JUnitReportWriter`` for the layout.
public struct JUnitRenderer: ReportRenderer {
    public init() {}

    public func render(_ input: ReportInput) -> Data { ReportStreaming.render(input, with: JUnitReportWriter()) }

    /// One finding as a `<failure>` (or, when the rule could not be evaluated, an `<error>`).
    func failure(_ finding: Finding, mark: FindingMark?) -> String {
        let element = finding.status == .error ? "error" : "failure"
        let subject = finding.caseID.map { "child \($0)" } ?? finding.group.map { "group \($0)" } ?? "run"
        let message = "\(subject)\(finding.item.map { " \($0)" } ?? ""): \(finding.message)"
        let failure = [("message", message), ("type", "\(finding.severity.rawValue) \(finding.status.rawValue)")]
        return "      <\(element)\(attributeText(failure))>" + XMLText.escape(details(finding, mark: mark)) + "</\(element)>\n"
    }

    /// The finding's fields, one a line, as the failure's body.
    private func details(_ finding: Finding, mark: FindingMark?) -> String {
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
        if let mark { lines.append("history: \(mark.text)") }
        lines.append("message: \(finding.message)")
        return lines.joined(separator: "\n")
    }

    func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(XMLText.escape($0.1, inAttribute: true))\"" }.joined()
    }
}
