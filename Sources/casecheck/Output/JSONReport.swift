import CaseModel
import Engine
import Foundation
import Rules

/// The `--format json` report, exactly as DESIGN.md describes it:
/// `{"tool": {...}, "as_of": "YYYY-MM-DD", "summary": {...}, "findings": [...]}`, keys
/// sorted and findings in report order, so that the same input gives byte-identical output.
/// No timestamps: the only date is the health-check date.
struct JSONReport: Encodable {
    struct Tool: Encodable {
        let name = "casecheck"
        let version: String
        let ruleFiles: [String]

        enum CodingKeys: String, CodingKey {
            case name, version
            case ruleFiles = "rule_files"
        }
    }

    struct Summary: Encodable {
        let files: Int
        let recordsRead: Int
        let recordsSkipped: Int
        let recordsChecked: Int
        let rules: Int
        let findings: Int
        let bySeverity: [String: Int]
        let byStatus: [String: Int]
        let inputErrors: Int
        let inputWarnings: Int

        init(_ s: RunSummary) {
            files = s.files
            recordsRead = s.recordsRead
            recordsSkipped = s.recordsSkipped
            recordsChecked = s.recordsChecked
            rules = s.rules
            findings = s.findings
            bySeverity = Dictionary(uniqueKeysWithValues: s.findingsBySeverity.map { ($0.key.rawValue, $0.value) })
            byStatus = Dictionary(uniqueKeysWithValues: s.findingsByStatus.map { ($0.key.rawValue, $0.value) })
            inputErrors = s.inputErrors
            inputWarnings = s.inputWarnings
        }

        enum CodingKeys: String, CodingKey {
            case files, rules, findings
            case recordsRead = "records_read"
            case recordsSkipped = "records_skipped"
            case recordsChecked = "records_checked"
            case bySeverity = "by_severity"
            case byStatus = "by_status"
            case inputErrors = "input_errors"
            case inputWarnings = "input_warnings"
        }
    }

    let tool: Tool
    let asOf: String
    let summary: Summary
    let findings: [Finding]
    /// With `--history`: each finding marked new or persisting, and the findings resolved.
    var history: HistoryRunReport.JSONSection?

    enum CodingKeys: String, CodingKey {
        case tool, summary, findings, history
        case asOf = "as_of"
    }

    init(result: RunResult, asOf: CalendarDate, ruleFiles: [String]) {
        tool = Tool(version: CaseCheck.version, ruleFiles: ruleFiles)
        self.asOf = asOf.isoString
        summary = Summary(result.summary)
        findings = result.findings
    }

    func render() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
