import CaseModel
import Engine
import FindingStore
import Rules

/// The `--format text` report: findings grouped by child, most serious first within a
/// child, then findings about groups (caseloads), then a summary line.
///
/// ```
/// C-1001  worker Sam Patel · team North
///   HIGH      overdue   CP-REVIEW  cp_plans[0]  (cases/north.yaml:7)
///             Review conference overdue since 2024-04-10 (52 days late)
///
/// 3 records read, 0 skipped, 3 checked as of 2024-06-01 · 1 finding: 0 critical, 1 high, 0 medium, 0 low, 0 info
/// ```
///
/// Findings arrive in report order, so a child's findings come together: only the current
/// child's are held (to put the most serious first), and the groups' until the end.
public final class TextReportWriter: StreamingReportWriter {
    public let colour: Colour
    private var context: ReportContext?
    private var child: [Finding] = []
    private var groups: [Finding] = []
    private var any = false

    public init(colour: Colour) {
        self.colour = colour
    }

    public func begin(_ context: ReportContext, tally: FindingTally?, into sink: ReportSink) throws {
        self.context = context
    }

    public func write(_ finding: Finding, into sink: ReportSink) throws {
        any = true
        guard finding.caseID != nil else {
            groups.append(finding)
            return
        }
        if let current = child.first, current.caseID != finding.caseID { try flushChild(into: sink) }
        child.append(finding)
    }

    public func end(into sink: ReportSink) throws {
        try flushChild(into: sink)
        if !groups.isEmpty {
            var out = colour.bold("Groups") + "\n"
            for f in Self.mostSeriousFirst(groups) { out += line(f, subject: f.group ?? "(none)") }
            try sink.write(out + "\n")
        }
        if !any { try sink.write(colour.green("No findings.") + "\n\n") }
        guard let context else { return }
        var tail = Self.summaryLine(context.summary, asOf: context.asOf, colour: colour) + "\n"
        if let history = context.history { tail += "\n" + history.text }
        try sink.write(tail)
    }

    /// The last line of the report, also printed on standard error when the report goes elsewhere.
    public static func summaryLine(_ s: RunSummary, asOf: CalendarDate, colour: Colour) -> String {
        let bySeverity = Severity.allCases.reversed().map { "\(s.findingsBySeverity[$0] ?? 0) \($0.rawValue)" }
        var line = "\(s.recordsRead) record\(s.recordsRead == 1 ? "" : "s") read, \(s.recordsSkipped) skipped, "
            + "\(s.recordsChecked) checked against \(s.rules) rule\(s.rules == 1 ? "" : "s") as of \(asOf.isoString) · "
            + "\(s.findings) finding\(s.findings == 1 ? "" : "s"): \(bySeverity.joined(separator: ", "))"
        if s.inputErrors > 0 {
            line += " · " + colour.red("\(s.inputErrors) input error\(s.inputErrors == 1 ? "" : "s") (see above)")
        }
        return line
    }

    private func flushChild(into sink: ReportSink) throws {
        guard let first = child.first, let id = first.caseID else { return }
        var header = colour.bold(id)
        let who = [first.worker.map { "worker \($0)" }, first.team.map { "team \($0)" }].compactMap { $0 }
        if !who.isEmpty { header += "  " + who.joined(separator: " · ") }
        var out = header + "\n"
        for f in Self.mostSeriousFirst(child) { out += line(f, subject: f.item ?? "") }
        child.removeAll(keepingCapacity: true)
        try sink.write(out + "\n")
    }

    /// Most serious first; within a severity the report order (rule, item) is kept.
    private static func mostSeriousFirst(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
    }

    private func line(_ f: Finding, subject: String) -> String {
        let severity = pad(f.severity.rawValue.uppercased(), 9)
        let status = pad(f.status.rawValue, 9)
        var first = "  \(paint(severity, f.severity)) \(status) \(colour.bold(f.rule))"
        if !subject.isEmpty { first += "  \(subject)" }
        if let location = f.location { first += "  " + colour.dim("(\(location.file):\(location.line))") }
        var text = first + "\n" + String(repeating: " ", count: 12) + f.message + "\n"
        if let note = context?.history?.notes[f.fingerprint] { text += String(repeating: " ", count: 12) + colour.dim(note) + "\n" }
        return text
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        switch severity {
        case .critical: return colour.magenta(colour.bold(text))
        case .high: return colour.red(text)
        case .medium: return colour.yellow(text)
        case .low, .info: return colour.dim(text)
        }
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
