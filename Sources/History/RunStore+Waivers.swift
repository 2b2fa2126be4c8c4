import CEL
import CaseModel
import GRDB
import Rules

extension RunStore {
    /// Waives the finding with `fingerprint`, as open at the last run: the waiver covers it in
    /// that state (status and due date) until `until`, inclusive.
    /// - Throws: ``RunStoreError/invalidRequest(_:)`` when the reason or name is empty, `until`
    ///   is before `today`, or no finding of the last run has that fingerprint (with the
    ///   nearest fingerprints as a hint).
    @discardableResult
    public func waive(fingerprint: String, reason: String, by: String, until: CalendarDate,
                      today: CalendarDate) throws -> Waiver {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let by = by.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw RunStoreError.invalidRequest("a waiver needs a reason (--reason): say why the finding is accepted") }
        guard !by.isEmpty else { throw RunStoreError.invalidRequest("a waiver needs the name of who accepts it (--by)") }
        guard until >= today else {
            throw RunStoreError.invalidRequest("the waiver would end on \(until), which is before today (\(today)); give a later --until date")
        }
        return try writeTransaction { db in
            guard let lastRun = try Int64.fetchOne(db, sql: "SELECT max(id) FROM run") else {
                throw RunStoreError.invalidRequest("the history has no runs yet: record a run with 'casecheck run --history' before waiving its findings")
            }
            let wanted = fingerprint.lowercased()
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM finding_span WHERE last_run = ? AND fingerprint = ?",
                                             arguments: [lastRun, wanted]) else {
                let open = try String.fetchAll(db, sql: "SELECT fingerprint FROM finding_span WHERE last_run = ?", arguments: [lastRun])
                var message = "no finding of the last run has the fingerprint '\(fingerprint)'"
                let prefixed = open.filter { $0.hasPrefix(wanted) }
                if prefixed.count == 1 {
                    message += "; did you mean '\(prefixed[0])'?"
                } else if let near = Suggestion.closest(to: wanted, among: open) {
                    message += "; did you mean '\(near)'?"
                }
                throw RunStoreError.invalidRequest(message)
            }
            let span = try FindingSpan(row: row)
            let waiver = Waiver(fingerprint: wanted, reason: reason, by: by, until: until, created: today,
                                status: span.status, due: span.due, source: Waiver.commandLine)
            try StoredWaiver.insert(waiver, in: db)
            return waiver
        }
    }

    /// Records waivers read from a reviewed file (``WaiverFile``). A waiver whose terms are
    /// already recorded is skipped, so importing the same file at every run adds nothing; a
    /// changed entry is recorded anew and, being newest, is the one in force.
    /// A waiver without a state is bound to its finding's state at the last run, when open there.
    @discardableResult
    public func importWaivers(_ waivers: [Waiver]) throws -> WaiverImport {
        try writeTransaction { db in
            let existing = try StoredWaiver.all(db).map(\.waiver)
            var result = WaiverImport(added: 0, unchanged: 0)
            for var waiver in waivers {
                waiver.fingerprint = waiver.fingerprint.lowercased()
                // A file entry that names no state matches the recorded waiver it was bound
                // from, whatever the state bound: rebinding it to a changed finding would
                // silently re-waive what the waiver no longer covers.
                let recorded = existing.contains { old in
                    old.fingerprint == waiver.fingerprint && old.reason == waiver.reason && old.by == waiver.by
                        && old.until == waiver.until && (waiver.status == nil || (old.status == waiver.status && old.due == waiver.due))
                }
                if recorded {
                    result.unchanged += 1
                    continue
                }
                if waiver.status == nil, let lastRun = try Row.fetchOne(db, sql: "SELECT id, as_of FROM run ORDER BY id DESC LIMIT 1"),
                   CalendarDate(dayNumber: lastRun["as_of"]) <= waiver.until,
                   let row = try Row.fetchOne(db, sql: "SELECT * FROM finding_span WHERE last_run = ? AND fingerprint = ?",
                                              arguments: [lastRun["id"] as Int64, waiver.fingerprint]) {
                    let span = try FindingSpan(row: row)
                    waiver.status = span.status
                    waiver.due = span.due
                }
                try StoredWaiver.insert(waiver, in: db)
                result.added += 1
            }
            return result
        }
    }

    /// Every waiver recorded, oldest first, whatever its source.
    public func waivers() throws -> [Waiver] {
        try read { db in try StoredWaiver.all(db).map(\.waiver) }
    }
}
