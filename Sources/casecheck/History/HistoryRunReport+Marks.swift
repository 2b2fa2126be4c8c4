import History
import Reports

extension HistoryRunReport {
    /// The history as every report format shows it: a mark a finding and the resolved list.
    var reportHistory: ReportHistory {
        var marks: [String: FindingMark] = [:]
        for classified in recorded.findings {
            var mark = FindingMark(novelty: .new)
            if case let .persisting(firstSeen, runs) = classified.novelty { mark.novelty = .persisting(since: firstSeen, runs: runs) }
            if let effect = classified.waiver {
                let state: String
                switch effect {
                case .waived: state = "waived"
                case .expired: state = "expired"
                case .changed: state = "changed"
                }
                mark.waiver = FindingMark.Waiver(state: state, by: effect.waiver.by, reason: effect.waiver.reason,
                                                 until: effect.waiver.until, explanation: effect.explanation)
            }
            marks[classified.finding.fingerprint] = mark
        }
        let resolved = recorded.resolved.map {
            ResolvedMark(rule: $0.rule, caseID: $0.caseID, item: $0.item, group: $0.group, message: $0.message, team: $0.team,
                         worker: $0.worker, firstSeen: $0.firstSeen, lastSeen: $0.lastSeen, fingerprint: $0.fingerprint)
        }
        return ReportHistory(marks: marks, resolved: resolved, previousAsOf: recorded.previous?.asOf, notes: notes, text: text(),
                             json: json)
    }
}
