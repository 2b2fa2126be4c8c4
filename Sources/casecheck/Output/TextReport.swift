import CaseModel
import Engine
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
struct TextReport {
    let result: RunResult
    let asOf: CalendarDate
    let colour: Colour
    /// A note under a finding's message, by fingerprint (history marks: new, persisting, waived).
    var notes: [String: String] = [:]

    func render() -> String {
        var out = ""
        var index = 0
        let findings = result.findings
        while index < findings.count, let child = findings[index].caseID {
            var end = index
            while end < findings.count, findings[end].caseID == child { end += 1 }
            out += childBlock(child, Array(findings[index..<end]))
            index = end
        }
        let groups = findings[index...]
        if !groups.isEmpty {
            out += colour.bold("Groups") + "\n"
            for f in groups.sorted(by: moreSerious) { out += line(f, subject: f.group ?? "(none)") }
            out += "\n"
        }
        if findings.isEmpty { out += colour.green("No findings.") + "\n\n" }
        out += summaryLine() + "\n"
        return out
    }

    private func childBlock(_ child: String, _ findings: [Finding]) -> String {
        var header = colour.bold(child)
        let who = [findings[0].worker.map { "worker \($0)" }, findings[0].team.map { "team \($0)" }].compactMap { $0 }
        if !who.isEmpty { header += "  " + who.joined(separator: " · ") }
        var out = header + "\n"
        // Stable sort: within a severity the report order (rule, item) is kept.
        for f in findings.enumerated().sorted(by: { moreSerious($0.element, $1.element) || (!moreSerious($1.element, $0.element) && $0.offset < $1.offset) }).map(\.element) {
            out += line(f, subject: f.item ?? "")
        }
        return out + "\n"
    }

    private func moreSerious(_ a: Finding, _ b: Finding) -> Bool { a.severity > b.severity }

    private func line(_ f: Finding, subject: String) -> String {
        let severity = pad(f.severity.rawValue.uppercased(), 9)
        let status = pad(f.status.rawValue, 9)
        var first = "  \(paint(severity, f.severity)) \(status) \(colour.bold(f.rule))"
        if !subject.isEmpty { first += "  \(subject)" }
        if let location = f.location { first += "  " + colour.dim("(\(location.file):\(location.line))") }
        var text = first + "\n" + String(repeating: " ", count: 12) + f.message + "\n"
        if let note = notes[f.fingerprint] { text += String(repeating: " ", count: 12) + colour.dim(note) + "\n" }
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

    func summaryLine() -> String {
        let s = result.summary
        let bySeverity = Severity.allCases.reversed().map { "\(s.findingsBySeverity[$0] ?? 0) \($0.rawValue)" }
        var line = "\(s.recordsRead) record\(s.recordsRead == 1 ? "" : "s") read, \(s.recordsSkipped) skipped, "
            + "\(s.recordsChecked) checked against \(s.rules) rule\(s.rules == 1 ? "" : "s") as of \(asOf.isoString) · "
            + "\(s.findings) finding\(s.findings == 1 ? "" : "s"): \(bySeverity.joined(separator: ", "))"
        if s.inputErrors > 0 {
            line += " · " + colour.red("\(s.inputErrors) input error\(s.inputErrors == 1 ? "" : "s") (see above)")
        }
        return line
    }
}
