import FindingStore
import Rules

/// A summary and one table of findings per team, for pasting into a report or an issue.
/// Every value from case data is escaped, so it shows as written and adds no markup. Findings
/// arrive by team, most days late first; the summary tables come from the tally.
public final class MarkdownReportWriter: StreamingReportWriter {
    private var tally = FindingTally()
    private var team: String?
    private var text = ""
    private var history: ReportHistory?

    public init() {}

    public var needsTally: Bool { true }

    public func order(for context: ReportContext) -> FindingSequenceOrder { Self.byTeamThenLateness }

    private static let byTeamThenLateness = FindingSequenceOrder(name: "markdown") { a, b in
        let x = a.team ?? ReportFigures.noTeam, y = b.team ?? ReportFigures.noTeam
        if x != y { return x < y }
        return ReportOrder.byLateness(a, b)
    }

    public func begin(_ context: ReportContext, tally: FindingTally?, into sink: ReportSink) throws {
        self.tally = tally ?? FindingTally()
        history = context.history
        let figures = ReportFigures(self.tally)
        var lines: [String] = []
        lines.append("# Health check as of \(context.asOf.isoString)")
        lines.append("")
        if let generatedAt = context.generatedAt {
            lines.append("Generated \(MarkdownText.escape(generatedAt)) by \(MarkdownText.escape(context.tool.name)) \(MarkdownText.escape(context.tool.version)).")
            lines.append("")
        }
        lines.append("## Summary")
        lines.append("")
        lines.append("| Figure | Value |")
        lines.append("| --- | ---: |")
        lines.append("| Children checked | \(context.counts.childrenChecked) |")
        lines.append("| Records read | \(context.counts.recordsRead) |")
        lines.append("| Records that could not be read | \(context.counts.recordsSkipped) |")
        lines.append("| Rules checked | \(context.rules.count) |")
        lines.append("| Findings | \(figures.totalFindings) |")
        lines.append("| Children with high or critical findings | \(figures.childrenWithHighSeverity) |")
        lines.append("| Overdue items | \(figures.overdueItems) |")
        if let history = context.history {
            lines.append("| New since the previous run | \(self.tally.new) |")
            lines.append("| Resolved since the previous run | \(history.resolved.count) |")
            lines.append("| Waived (not counted for --fail-on) | \(self.tally.waived) |")
        }
        if let oldest = figures.oldestOverdue {
            let who = oldest.caseID.map { " (child \(MarkdownText.escape($0)), \(MarkdownText.escape(oldest.rule)))" } ?? ""
            lines.append("| Oldest overdue item | \(oldest.daysLate ?? 0) days late\(who) |")
        }
        lines.append("")
        lines.append("## Findings by severity")
        lines.append("")
        lines.append("| Severity | Findings |")
        lines.append("| --- | ---: |")
        for (severity, count) in figures.bySeverity { lines.append("| \(severity.rawValue) | \(count) |") }
        lines.append("")
        lines.append("## Findings by rule")
        lines.append("")
        lines.append("| Rule | Title | Area | Severity | Findings |")
        lines.append("| --- | --- | --- | --- | ---: |")
        for rule in context.rules {
            lines.append("| \(MarkdownText.escape(rule.id)) | \(MarkdownText.escape(rule.title)) | "
                + "\(MarkdownText.escape(rule.areaName)) | \(rule.severity.rawValue) | \(self.tally.byRule[rule.id] ?? 0) |")
        }
        lines.append("")
        try sink.write(lines.joined(separator: "\n") + "\n")
    }

    public func write(_ f: Finding, into sink: ReportSink) throws {
        text.removeAll(keepingCapacity: true)
        let label = f.team ?? ReportFigures.noTeam
        if label != team {
            if team != nil { text += "\n" }
            team = label
            let count = tally.byTeam[label] ?? 0
            text += "## Team: \(MarkdownText.escape(label)) (\(count) \(count == 1 ? "finding" : "findings"))\n\n"
            if history == nil {
                text += "| Child | Rule | Severity | Status | Due | Days late | Worker | Message |\n"
                text += "| --- | --- | --- | --- | --- | ---: | --- | --- |\n"
            } else {
                text += "| Child | Rule | Severity | Status | Due | Days late | Worker | Message | History |\n"
                text += "| --- | --- | --- | --- | --- | ---: | --- | --- | --- |\n"
            }
        }
        let child = f.caseID ?? f.group.map { "group: " + $0 } ?? ""
        var cells = [MarkdownText.escape(child), MarkdownText.escape(f.rule), f.severity.rawValue,
                     f.status.rawValue, f.due?.isoString ?? "", f.daysLate.map(String.init) ?? "",
                     MarkdownText.escape(f.worker ?? ""), MarkdownText.escape(f.message)]
        if let history { cells.append(MarkdownText.escape(history.mark(f)?.text ?? "")) }
        text += "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
        try sink.write(text)
    }

    public func end(into sink: ReportSink) throws {
        var out = team == nil ? "No findings.\n" : "\n"
        if let resolved = history?.resolved, !resolved.isEmpty {
            out += "\n## Resolved since the previous run (\(resolved.count))\n\n"
            out += "| Child | Rule | Item | Open | Message |\n| --- | --- | --- | --- | --- |\n"
            for r in resolved {
                let child = r.caseID ?? r.group.map { "group: " + $0 } ?? ""
                let cells = [MarkdownText.escape(child), MarkdownText.escape(r.rule), MarkdownText.escape(r.item ?? ""),
                             "\(r.firstSeen.isoString) to \(r.lastSeen.isoString)", MarkdownText.escape(r.message)]
                out += "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
            }
        }
        try sink.write(out)
    }
}
