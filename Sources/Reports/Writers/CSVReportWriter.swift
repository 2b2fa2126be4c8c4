import FindingStore
import Rules

/// One row per finding, with the columns a data officer filters on in Excel, the run's date,
/// and what the history says (new or persisting since, waived until, by whom and why) when
/// the run was recorded. RFC 4180:
/// comma-separated, CRLF line ends, fields quoted when needed. Every text value from case
/// data or rule files is neutralised against formula injection.
public final class CSVReportWriter: StreamingReportWriter {
    /// Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8 correctly.
    public let byteOrderMark: Bool
    private var context: ReportContext?
    private var text = ""

    /// The header row, in column order.
    public static let columns = ["case", "rule", "title", "area", "severity", "status", "item", "group", "team",
                                 "worker", "due", "days_late", "message", "file", "line", "rule_file", "rule_line",
                                 "fingerprint", "as_of", "history", "first_seen", "runs", "waiver", "waived_by", "waived_until",
                                 "waiver_reason"]

    public init(byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
    }

    public func begin(_ context: ReportContext, tally: FindingTally?, into sink: ReportSink) throws {
        self.context = context
        if byteOrderMark { try sink.write(bytes: [0xEF, 0xBB, 0xBF]) }
        try sink.write(Self.columns.joined(separator: ",") + "\r\n")
    }

    public func write(_ finding: Finding, into sink: ReportSink) throws {
        let rule = context?.rule(finding.rule) ?? RuleInfo(id: finding.rule, title: finding.rule, severity: finding.severity)
        let fields: [String] = [
            CSVField.text(finding.caseID ?? ""),
            CSVField.text(finding.rule),
            CSVField.text(rule.title),
            CSVField.text(rule.area ?? ""),
            finding.severity.rawValue,
            finding.status.rawValue,
            CSVField.text(finding.item ?? ""),
            CSVField.text(finding.group ?? ""),
            CSVField.text(finding.team ?? ""),
            CSVField.text(finding.worker ?? ""),
            finding.due?.isoString ?? "",
            CSVField.number(finding.daysLate),
            CSVField.text(finding.message),
            CSVField.text(finding.location?.file ?? ""),
            CSVField.number(finding.location.flatMap { $0.line > 0 ? $0.line : nil }),
            CSVField.text(finding.ruleLocation.file),
            CSVField.number(finding.ruleLocation.line > 0 ? finding.ruleLocation.line : nil),
            CSVField.text(finding.fingerprint),
            context?.asOf.isoString ?? "",
        ] + historyFields(context?.history?.mark(finding))
        text.removeAll(keepingCapacity: true)
        for (n, field) in fields.enumerated() {
            if n > 0 { text.append(",") }
            text.append(field)
        }
        text.append("\r\n")
        try sink.write(text)
    }

    public func end(into sink: ReportSink) throws {}

    /// The history columns: empty when the run has no history.
    private func historyFields(_ mark: FindingMark?) -> [String] {
        guard let mark else { return Array(repeating: "", count: 7) }
        let waiver = mark.waiver
        return [mark.noveltyName, mark.firstSeen?.isoString ?? "", String(mark.runs), waiver?.state ?? "",
                CSVField.text(waiver?.by ?? ""), waiver?.until.isoString ?? "", CSVField.text(waiver?.reason ?? "")]
    }
}
