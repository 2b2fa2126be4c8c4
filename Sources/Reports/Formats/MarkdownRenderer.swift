import Foundation
import Rules

/// A summary and one table of findings per team, for pasting into a report or an issue.
/// Every value from case data is escaped, so it shows as written and adds no markup.
public struct MarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ input: ReportInput) -> Data {
        let figures = ReportFigures(input)
        var lines: [String] = []
        lines.append("# Health check as of \(input.asOf.isoString)")
        lines.append("")
        if let generatedAt = input.generatedAt {
            lines.append("Generated \(MarkdownText.escape(generatedAt)) by \(MarkdownText.escape(input.tool.name)) \(MarkdownText.escape(input.tool.version)).")
            lines.append("")
        }
        lines.append("## Summary")
        lines.append("")
        lines.append("| Figure | Value |")
        lines.append("| --- | ---: |")
        lines.append("| Children checked | \(input.counts.childrenChecked) |")
        lines.append("| Records read | \(input.counts.recordsRead) |")
        lines.append("| Records that could not be read | \(input.counts.recordsSkipped) |")
        lines.append("| Rules checked | \(input.rules.count) |")
        lines.append("| Findings | \(figures.totalFindings) |")
        lines.append("| Children with high or critical findings | \(figures.childrenWithHighSeverity) |")
        lines.append("| Overdue items | \(figures.overdueItems) |")
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
        var perRule: [String: Int] = [:]
        for finding in input.findings { perRule[finding.rule, default: 0] += 1 }
        for rule in input.rules {
            lines.append("| \(MarkdownText.escape(rule.id)) | \(MarkdownText.escape(rule.title)) | "
                + "\(MarkdownText.escape(rule.areaName)) | \(rule.severity.rawValue) | \(perRule[rule.id] ?? 0) |")
        }
        lines.append("")
        lines += teamSections(input, figures: figures)
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    private func teamSections(_ input: ReportInput, figures: ReportFigures) -> [String] {
        guard !input.findings.isEmpty else { return ["No findings."] }
        var byTeam: [String: [Finding]] = [:]
        for finding in input.findings { byTeam[finding.team ?? ReportFigures.noTeam, default: []].append(finding) }
        var lines: [String] = []
        for team in byTeam.keys.sorted() {
            let findings = byTeam[team]!.sorted(by: ReportOrder.byLateness)
            let noun = findings.count == 1 ? "finding" : "findings"
            lines.append("## Team: \(MarkdownText.escape(team)) (\(findings.count) \(noun))")
            lines.append("")
            lines.append("| Child | Rule | Severity | Status | Due | Days late | Worker | Message |")
            lines.append("| --- | --- | --- | --- | --- | ---: | --- | --- |")
            for f in findings {
                let child = f.caseID ?? f.group.map { "group: " + $0 } ?? ""
                let cells = [MarkdownText.escape(child), MarkdownText.escape(f.rule), f.severity.rawValue,
                             f.status.rawValue, f.due?.isoString ?? "", f.daysLate.map(String.init) ?? "",
                             MarkdownText.escape(f.worker ?? ""), MarkdownText.escape(f.message)]
                lines.append("| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |")
            }
            lines.append("")
        }
        return lines
    }
}
