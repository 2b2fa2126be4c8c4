import Engine
import FindingStore
import Foundation
import Rules

/// The `--format json` report, exactly as DESIGN.md describes it: `{"as_of": ..., "findings":
/// [...], "history": {...}, "summary": {...}, "tool": {...}}`, keys sorted, pretty-printed,
/// findings in report order, so the same input gives byte-identical output. No timestamps:
/// the only date is the health-check date. Findings are written as they arrive; the small
/// sections after them are encoded whole.
public final class JSONReportWriter: StreamingReportWriter {
    private var context: ReportContext?
    private var written = 0
    private var text = ""

    public init() {}

    public func begin(_ context: ReportContext, tally: FindingTally?, into sink: ReportSink) throws {
        self.context = context
        try sink.write("{\n  \"as_of\" : \"\(context.asOf.isoString)\",\n  \"findings\" : [")
    }

    public func write(_ finding: Finding, into sink: ReportSink) throws {
        text.removeAll(keepingCapacity: true)
        text.append(written == 0 ? "\n    " : ",\n    ")
        JSONFindingText.append(finding, indent: 4, into: &text)
        written += 1
        try sink.write(text)
    }

    public func end(into sink: ReportSink) throws {
        guard let context else { return }
        // The encoder's way with an empty list: a blank line between the brackets.
        try sink.write(written == 0 ? "\n\n  ],\n" : "\n  ],\n")
        if let history = context.history {
            try sink.write("  \"history\" : " + Self.encoded(history.json) + ",\n")
        }
        try sink.write("  \"summary\" : " + Self.encoded(JSONSummary(context.summary)) + ",\n")
        let tool = JSONTool(version: context.tool.version, ruleFiles: context.ruleFiles)
        try sink.write("  \"tool\" : " + Self.encoded(tool) + "\n}\n")
    }

    /// A section as the encoder prints it one level in.
    private static func encoded(_ value: any Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let text = String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
        // Strings never hold a raw line break, so indenting every line after the first is exact.
        return text.replacingOccurrences(of: "\n", with: "\n  ")
    }

    struct JSONTool: Encodable {
        let name = "casecheck"
        let version: String
        let ruleFiles: [String]

        enum CodingKeys: String, CodingKey {
            case name, version
            case ruleFiles = "rule_files"
        }
    }

    struct JSONSummary: Encodable {
        let files, recordsRead, recordsSkipped, recordsChecked, rules, findings: Int
        let bySeverity: [String: Int]
        let byStatus: [String: Int]
        let inputErrors, inputWarnings: Int

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
}
