import Foundation
import History

/// The runs of `casecheck history` as a text table or JSON.
enum HistoryListing {
    static func text(_ runs: [HistoryRun]) -> String {
        guard !runs.isEmpty else { return "No runs recorded yet.\n" }
        let header = ["run", "as of", "records", "findings", "critical", "high", "medium", "low", "info", "new", "resolved", "waived", "started"]
        var rows = [header]
        for r in runs {
            rows.append([String(r.id), r.asOf.isoString, String(r.records.checked), String(r.findings),
                         String(r.bySeverity.critical), String(r.bySeverity.high), String(r.bySeverity.medium),
                         String(r.bySeverity.low), String(r.bySeverity.info), String(r.new), String(r.resolved),
                         String(r.waived), r.started])
        }
        let widths = header.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                // Numbers right-aligned, text left-aligned.
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 1 || column == 12 ? cell + padding : padding + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }

    static func json(_ runs: [HistoryRun]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(["runs": runs]), as: UTF8.self) + "\n"
    }
}
