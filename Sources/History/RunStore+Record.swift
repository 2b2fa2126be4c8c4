import CaseModel
import Foundation
import GRDB
import Rules

extension RunStore {
    /// Records a run and classifies its findings against the previous run (the last one
    /// recorded): each is `new` or `persisting`; findings of the previous run that are absent
    /// now are `resolved`. Waivers are applied and bound. All in one transaction: on any
    /// error nothing is recorded.
    /// - Throws: ``RunStoreError``.
    public func record(_ input: RunInput) throws -> RecordedRun {
        try writeTransaction { db in try Self.record(input, in: db) }
    }

    static func record(_ input: RunInput, in db: Database) throws -> RecordedRun {
        let previous = try Row.fetchOne(db, sql: "SELECT id, as_of, rule_pack_hash FROM run ORDER BY id DESC LIMIT 1")
        let started = ISO8601DateFormatter().string(from: input.started)
        try db.execute(sql: """
            INSERT INTO run (as_of, started, rule_pack_hash, records_read, records_checked, records_skipped,
                findings, info, low, medium, high, critical, new_findings, resolved, waived)
            VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            """, arguments: [input.asOf.dayNumber, started, input.rulePackHash,
                             input.counts.read, input.counts.checked, input.counts.skipped])
        let runID = db.lastInsertedRowID
        for file in input.inputs {
            try db.execute(sql: "INSERT INTO run_input (run_id, path, hash) VALUES (?, ?, ?)",
                           arguments: [runID, file.path, file.hash])
        }

        var open: [String: FindingSpan] = [:]
        if let previousID: Int64 = previous?["id"] {
            for row in try Row.fetchAll(db, sql: "SELECT * FROM finding_span WHERE last_run = ?", arguments: [previousID]) {
                let span = try FindingSpan(row: row)
                open[span.fingerprint] = span
            }
        }
        let waivers = try StoredWaiver.newestByFingerprint(db)

        var classified: [ClassifiedFinding] = []
        classified.reserveCapacity(input.findings.count)
        var firstOccurrence: [String: Int] = [:]
        var severities = SeverityCounts()
        var newCount = 0, waivedCount = 0
        let extend = try db.cachedStatement(sql: "UPDATE finding_span SET last_run = ?, message = ?, location = ?, late_grows = ? WHERE id = ?")

        for finding in input.findings {
            severities[finding.severity] += 1
            if let earlier = firstOccurrence[finding.fingerprint] {
                var repeated = classified[earlier]
                repeated.finding = finding
                classified.append(repeated)
                if repeated.waiver?.isWaived == true { waivedCount += 1 }
                if repeated.novelty == .new { newCount += 1 }
                continue
            }
            firstOccurrence[finding.fingerprint] = classified.count

            var effect: WaiverEffect?
            if let stored = waivers[finding.fingerprint] {
                effect = WaiverEffect.of(stored.waiver, on: finding, asOf: input.asOf)
                if effect?.isWaived == true, stored.waiver.status == nil {
                    // First sighting since the waiver was made: bind it to the state it now covers.
                    try stored.bind(to: finding, in: db)
                    var bound = stored.waiver
                    bound.status = finding.status
                    bound.due = finding.due
                    effect = .waived(bound)
                }
            }
            let waived = effect?.isWaived ?? false
            if waived { waivedCount += 1 }
            let area = input.ruleAreas[finding.rule]

            let novelty: Novelty
            if let span = open.removeValue(forKey: finding.fingerprint) {
                novelty = .persisting(firstSeen: span.seenSinceAsOf, runs: Int(runID - span.seenSinceRun) + 1)
                switch span.continuation(with: finding, area: area, waived: waived, asOf: input.asOf) {
                case .continues(let grows):
                    try extend.execute(arguments: [runID, finding.message, finding.location?.description, grows, span.id])
                case .breaks:
                    _ = try FindingSpan(finding, area: area, waived: waived, runID: runID, asOf: input.asOf,
                                        seenSinceRun: span.seenSinceRun, seenSinceAsOf: span.seenSinceAsOf).insert(db)
                }
            } else {
                novelty = .new
                newCount += 1
                _ = try FindingSpan(finding, area: area, waived: waived, runID: runID, asOf: input.asOf,
                                    seenSinceRun: runID, seenSinceAsOf: input.asOf).insert(db)
            }
            classified.append(ClassifiedFinding(finding: finding, novelty: novelty, waiver: effect))
        }

        let previousAsOf = CalendarDate(dayNumber: previous?["as_of"] ?? input.asOf.dayNumber)
        let resolved = open.values
            .map { span in
                ResolvedFinding(fingerprint: span.fingerprint, rule: span.rule, severity: span.severity, status: span.status,
                                caseID: span.caseID, item: span.item, group: span.group, message: span.message,
                                worker: span.worker, team: span.team, firstSeen: span.seenSinceAsOf, lastSeen: previousAsOf)
            }
            .sorted { ($0.caseID ?? "", $0.rule, $0.item ?? "", $0.group ?? "") < ($1.caseID ?? "", $1.rule, $1.item ?? "", $1.group ?? "") }

        try db.execute(sql: """
            UPDATE run SET findings = ?, info = ?, low = ?, medium = ?, high = ?, critical = ?,
                new_findings = ?, resolved = ?, waived = ? WHERE id = ?
            """, arguments: [input.findings.count, severities.info, severities.low, severities.medium, severities.high,
                             severities.critical, newCount, resolved.count, waivedCount, runID])

        let summary = HistoryRun(id: runID, asOf: input.asOf, started: started, rulePackHash: input.rulePackHash,
                                 records: input.counts, findings: input.findings.count, bySeverity: severities,
                                 new: newCount, resolved: resolved.count, waived: waivedCount, inputs: input.inputs)
        let previousRun = previous.map {
            PreviousRun(id: $0["id"], asOf: CalendarDate(dayNumber: $0["as_of"]), rulePackHash: $0["rule_pack_hash"])
        }
        return RecordedRun(run: summary, findings: classified, resolved: resolved, previous: previousRun)
    }
}
