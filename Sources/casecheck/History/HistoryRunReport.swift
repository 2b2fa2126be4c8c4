import CaseModel
import History
import Rules

/// What the history adds to a run's report: each finding marked new or persisting (or
/// waived), the findings resolved since the previous run, and the waived findings apart.
struct HistoryRunReport {
    let recorded: RecordedRun
    let database: String

    /// A note a finding, by fingerprint, for the text report's finding lines.
    var notes: [String: String] {
        var notes: [String: String] = [:]
        for classified in recorded.findings {
            var note: String
            switch classified.novelty {
            case .new: note = "new"
            case let .persisting(firstSeen, runs): note = "persisting since \(firstSeen) (\(runs) runs)"
            }
            if let effect = classified.waiver { note += " · " + effect.explanation }
            note += " · \(classified.finding.fingerprint)"
            notes[classified.finding.fingerprint] = note
        }
        return notes
    }

    /// The section appended to the text report.
    func text() -> String {
        let run = recorded.run
        let persisting = recorded.findings.count - run.new
        let since = recorded.previous.map { "since the run of \($0.asOf)" } ?? "(first run)"
        var out = "History (\(database), run \(run.id)): \(run.new) new, \(persisting) persisting, "
            + "\(run.resolved) resolved \(since), \(run.waived) waived\n"
        if let previous = recorded.previous, previous.rulePackHash != run.rulePackHash {
            out += "The rules changed since that run: findings of changed or removed rules may show as new or resolved.\n"
        }
        if !recorded.resolved.isEmpty {
            out += "\nResolved since the previous run:\n"
            for r in recorded.resolved {
                let subject = [r.caseID ?? r.group ?? "", r.rule, r.item ?? ""].filter { !$0.isEmpty }.joined(separator: "  ")
                out += "  \(subject)  (open \(r.firstSeen) to \(r.lastSeen))\n            \(r.message)\n"
            }
        }
        let waived = recorded.waived
        if !waived.isEmpty {
            out += "\nWaived (still reported, not counted for --fail-on):\n"
            for w in waived {
                let f = w.finding
                let subject = [f.caseID ?? f.group ?? "", f.rule, f.item ?? ""].filter { !$0.isEmpty }.joined(separator: "  ")
                out += "  \(subject)  \(w.waiver?.explanation ?? "")\n"
            }
        }
        return out
    }

    /// The `history` object of the JSON report.
    var json: JSONSection {
        var marks: [String: JSONSection.Mark] = [:]
        for classified in recorded.findings {
            var mark = JSONSection.Mark(novelty: "new", firstSeen: nil, runs: nil, waiver: nil)
            if case let .persisting(firstSeen, runs) = classified.novelty {
                mark = JSONSection.Mark(novelty: "persisting", firstSeen: firstSeen.isoString, runs: runs, waiver: nil)
            }
            if let effect = classified.waiver {
                let state: String
                switch effect {
                case .waived: state = "waived"
                case .expired: state = "expired"
                case .changed: state = "changed"
                }
                mark.waiver = JSONSection.WaiverMark(state: state, by: effect.waiver.by, reason: effect.waiver.reason,
                                                      until: effect.waiver.until.isoString, explanation: effect.explanation)
            }
            marks[classified.finding.fingerprint] = mark
        }
        let resolved = recorded.resolved.map {
            JSONSection.Resolved(fingerprint: $0.fingerprint, rule: $0.rule, severity: $0.severity.rawValue, status: $0.status.rawValue,
                                 caseID: $0.caseID, item: $0.item, group: $0.group, message: $0.message,
                                 firstSeen: $0.firstSeen.isoString, lastSeen: $0.lastSeen.isoString)
        }
        return JSONSection(run: recorded.run.id, previousRun: recorded.previous?.id,
                           rulesChanged: recorded.previous.map { $0.rulePackHash != recorded.run.rulePackHash } ?? false,
                           new: recorded.run.new, persisting: recorded.findings.count - recorded.run.new,
                           waived: recorded.run.waived, findings: marks, resolved: resolved)
    }

    /// `"history": {...}` in `--format json`: marks keyed by fingerprint, then the resolved findings.
    struct JSONSection: Encodable {
        struct Mark: Encodable {
            var novelty: String
            var firstSeen: String?
            var runs: Int?
            var waiver: WaiverMark?

            enum CodingKeys: String, CodingKey {
                case novelty, runs, waiver
                case firstSeen = "first_seen"
            }
        }

        struct WaiverMark: Encodable {
            var state: String
            var by: String
            var reason: String
            var until: String
            var explanation: String
        }

        struct Resolved: Encodable {
            var fingerprint, rule, severity, status: String
            var caseID, item, group: String?
            var message: String
            var firstSeen, lastSeen: String

            enum CodingKeys: String, CodingKey {
                case fingerprint, rule, severity, status, item, group, message
                case caseID = "case"
                case firstSeen = "first_seen"
                case lastSeen = "last_seen"
            }
        }

        var run: Int64
        var previousRun: Int64?
        var rulesChanged: Bool
        var new: Int
        var persisting: Int
        var waived: Int
        var findings: [String: Mark]
        var resolved: [Resolved]

        enum CodingKeys: String, CodingKey {
            case run, new, persisting, waived, findings, resolved
            case previousRun = "previous_run"
            case rulesChanged = "rules_changed"
        }
    }
}
