import CaseModel
import Engine
import Rules

/// `casecheck lint`'s text output: one line a finding, as compilers print diagnostics, in
/// file and line order so that editors and CI logs can jump to each:
///
/// ```
/// census.xml:57: error CIN-8925: Child Protection Plan End Date earlier than Start Date (child DfEX0000001)
/// census.xml:80: warning CIN-8770Q: Please check ... (child DfEX0000002)
/// ```
///
/// High and critical findings are errors, medium warnings, low and info notes (in the
/// census pack: DfE errors are high, DfE queries medium).
struct LintTextReport {
    let findings: [Finding]
    let colour: Colour

    func render() -> String {
        // Positions are sorted, not findings: a finding is a large value, and moving it
        // about (with its dozen reference counts) cost more than comparing. The sort is
        // stable either way, so the order is the same.
        let noPlace = SourceLocation(file: "", line: 0)
        let order = findings.indices.sorted { i, j in
            let la = findings[i].location ?? noPlace, lb = findings[j].location ?? noPlace
            if la.file != lb.file { return la.file.utf8.lexicographicallyPrecedes(lb.file.utf8) }
            if la.line != lb.line { return la.line < lb.line }
            return FindingOrder.precedes(findings[i], findings[j])
        }
        var out = ""
        for i in order {
            let f = findings[i]
            let place = f.location.map { $0.line > 0 ? "\($0.file):\($0.line)" : $0.file } ?? f.ruleLocation.file
            let label: String
            switch f.severity {
            case .critical, .high: label = colour.red(colour.bold("error"))
            case .medium: label = colour.yellow(colour.bold("warning"))
            case .low, .info: label = colour.cyan("note")
            }
            var line = "\(colour.bold(place + ":")) \(label) \(f.rule): \(f.message)"
            if let id = f.caseID { line += " (child \(id))" } else if let group = f.group { line += " (\(group))" }
            out += line + "\n"
        }
        return out
    }

    /// `3 errors, 1 warning, 0 notes in 12 children from 2 files (1 skipped)`.
    static func summaryLine(_ s: RunSummary) -> String {
        func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        let errors = (s.findingsBySeverity[.critical] ?? 0) + (s.findingsBySeverity[.high] ?? 0)
        let warnings = s.findingsBySeverity[.medium] ?? 0
        let notes = (s.findingsBySeverity[.low] ?? 0) + (s.findingsBySeverity[.info] ?? 0)
        var line = "\(n(errors, "error")), \(n(warnings, "warning")), \(n(notes, "note")) in \(n(s.recordsChecked, "record"))"
            + " from \(n(s.files, "file"))"
        if s.recordsSkipped > 0 { line += " (\(s.recordsSkipped) skipped)" }
        if s.inputErrors > 0 { line += "; \(n(s.inputErrors, "input error"))" }
        return line
    }
}
