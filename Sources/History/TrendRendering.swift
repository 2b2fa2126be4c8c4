import Foundation

/// A trend as text for a terminal, CSV for a spreadsheet, or JSON for other programs.
/// Deterministic: the same history gives the same bytes.
public enum TrendRendering {
    /// A table: one line a group with its open findings and days late at the first and last
    /// run of the window, a sparkline of open findings, and why it is flagged.
    public static func text(_ report: TrendReport) -> String {
        guard let first = report.runs.first, let last = report.runs.last else {
            return "No runs in the history yet: record one with 'casecheck run --history'.\n"
        }
        var out = "Open findings by \(report.dimension.rawValue), \(report.runs.count) run\(report.runs.count == 1 ? "" : "s") "
            + "from \(first.asOf) to \(last.asOf)\n\n"
        if report.groups.isEmpty { return out + "No open findings in these runs.\n" }
        let width = min(40, max(report.dimension.rawValue.count, report.groups.map(\.key.count).max() ?? 0))
        out += pad(report.dimension.rawValue, width) + "  " + pad("open", 12) + "  " + pad("trend", min(report.runs.count, 30))
            + "  " + pad("days late", 16) + "  flag\n"
        for group in report.groups {
            let open = "\(group.open.first ?? 0) → \(group.open.last ?? 0)"
            let late = "\(group.overdueDays.first ?? 0) → \(group.overdueDays.last ?? 0)"
            let flag = group.isDeteriorating
                ? "DETERIORATING: " + group.deterioration.map(\.description).joined(separator: "; ") : ""
            var line = pad(String(group.key.prefix(width)), width) + "  " + pad(open, 12) + "  "
                + pad(sparkline(Array(group.open.suffix(30))), min(report.runs.count, 30)) + "  " + pad(late, 16)
            line += flag.isEmpty ? "" : "  " + flag
            if let waived = group.waived.last, waived > 0 { line += "  (\(waived) waived)" }
            out += line.trimmingTrailingSpaces() + "\n"
        }
        let flagged = report.groups.filter(\.isDeteriorating).count
        out += "\n\(flagged) of \(report.groups.count) group\(report.groups.count == 1 ? "" : "s") deteriorating"
            + " (rising over \(report.rule.risingRuns) run\(report.rule.risingRuns == 1 ? "" : "s")"
        if report.rule.minimumRise > 1 { out += " by at least \(report.rule.minimumRise)" }
        if let open = report.rule.openAbove { out += ", or above \(open) open findings" }
        if let days = report.rule.overdueDaysAbove { out += ", or above \(days) days late" }
        return out + ")\n"
    }

    /// One row a group and run: `dimension,group,run,as_of,open,waived,overdue_days,deteriorating`.
    /// Cells that a spreadsheet would take for a formula are prefixed with `'`.
    public static func csv(_ report: TrendReport) -> String {
        var out = "dimension,group,run,as_of,open,waived,overdue_days,deteriorating\n"
        for group in report.groups {
            for (index, run) in report.runs.enumerated() {
                out += [report.dimension.rawValue, cell(group.key), String(run.id), run.asOf.isoString,
                        String(group.open[index]), String(group.waived[index]), String(group.overdueDays[index]),
                        group.isDeteriorating ? "yes" : "no"].joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// The report as JSON, keys sorted.
    public static func json(_ report: TrendReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    static func cell(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func sparkline(_ values: [Int]) -> String {
        let bars = Array("▁▂▃▄▅▆▇█")
        guard let low = values.min(), let high = values.max(), high > low else {
            return String(repeating: values.isEmpty || values[0] == 0 ? " " : "▄", count: values.count)
        }
        return String(values.map { bars[($0 - low) * (bars.count - 1) / (high - low)] })
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
