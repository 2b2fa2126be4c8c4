import Foundation
import Rules

/// One row per finding, with the columns a data officer filters on in Excel. RFC 4180:
/// comma-separated, CRLF line ends, fields quoted when needed. Every text value from case
/// data or rule files is neutralised against formula injection.
public struct CSVRenderer: ReportRenderer {
    /// Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8 correctly.
    public var byteOrderMark: Bool

    public init(byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
    }

    /// The header row, in column order.
    public static let columns = ["case", "rule", "title", "area", "severity", "status", "item", "group", "team",
                                 "worker", "due", "days_late", "message", "file", "line", "rule_file", "rule_line",
                                 "fingerprint"]

    public func render(_ input: ReportInput) -> Data {
        var text = Self.columns.joined(separator: ",") + "\r\n"
        for finding in input.findings {
            let rule = input.rule(finding.rule)
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
            ]
            text += fields.joined(separator: ",") + "\r\n"
        }
        var data = Data(byteOrderMark ? [0xEF, 0xBB, 0xBF] : [])
        data.append(contentsOf: Array(text.utf8))
        return data
    }
}
