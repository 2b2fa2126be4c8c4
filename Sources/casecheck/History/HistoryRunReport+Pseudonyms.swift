import CaseModel
import History
import Reports
import Rules

extension HistoryRunReport {
    /// The history's marks as the run's report shows them: with `--pseudonymise`, children's
    /// ids (and workers' names) replaced and fingerprints keyed the same way as in the report,
    /// so that neither the marks nor the resolved list let a real id through. The database
    /// itself keeps the real run.
    func pseudonymised(by pseudonymiser: Pseudonymiser?, pack: RulePack) -> HistoryRunReport {
        guard let pseudonymiser else { return self }
        let resolved = recorded.resolved.map { r in
            Finding(rule: r.rule, severity: r.severity, status: r.status, caseID: r.caseID, item: r.item, group: r.group,
                    message: r.message, due: nil, daysLate: nil, worker: r.worker, team: r.team, location: nil,
                    ruleLocation: SourceLocation(file: "", line: 0), fingerprint: r.fingerprint)
        }
        // One batch, so that worker names are recognised across findings as in the report.
        let replaced = pseudonymiser.apply(to: recorded.findings.map(\.finding) + resolved, rules: pack.rules.map(RuleInfo.init))
        var copy = recorded
        for index in copy.findings.indices { copy.findings[index].finding = replaced[index] }
        for index in copy.resolved.indices {
            let shown = replaced[recorded.findings.count + index]
            copy.resolved[index].fingerprint = shown.fingerprint
            copy.resolved[index].caseID = shown.caseID
            copy.resolved[index].group = shown.group
            copy.resolved[index].worker = shown.worker
            copy.resolved[index].message = shown.message
        }
        return HistoryRunReport(recorded: copy, database: database)
    }
}
