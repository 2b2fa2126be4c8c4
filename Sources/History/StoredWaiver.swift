import CaseModel
import GRDB
import Rules

/// A waiver row with its id.
struct StoredWaiver {
    var id: Int64
    var waiver: Waiver

    init(row: Row) {
        id = row["id"]
        let statusText: String? = row["waived_status"]
        waiver = Waiver(fingerprint: row["fingerprint"], reason: row["reason"], by: row["waived_by"],
                        until: CalendarDate(dayNumber: row["until"]), created: CalendarDate(dayNumber: row["created"]),
                        status: statusText.flatMap(FindingStatus.init(rawValue:)),
                        due: (row["waived_due"] as Int32?).map(CalendarDate.init(dayNumber:)),
                        source: row["source"])
    }

    /// Every waiver, oldest first (by day made, then by order recorded).
    static func all(_ db: Database) throws -> [StoredWaiver] {
        try Row.fetchAll(db, sql: "SELECT * FROM waiver ORDER BY created, id").map(StoredWaiver.init(row:))
    }

    /// The waiver in force for each fingerprint: the newest made. A later waiver replaces an
    /// earlier one whichever way each was given (command line or file).
    static func newestByFingerprint(_ db: Database) throws -> [String: StoredWaiver] {
        var newest: [String: StoredWaiver] = [:]
        for stored in try all(db) { newest[stored.waiver.fingerprint] = stored }
        return newest
    }

    static func insert(_ waiver: Waiver, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO waiver (fingerprint, reason, waived_by, until, created, waived_status, waived_due, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [waiver.fingerprint, waiver.reason, waiver.by, waiver.until.dayNumber, waiver.created.dayNumber,
                             waiver.status?.rawValue, waiver.due?.dayNumber, waiver.source])
    }

    /// Records the state the waiver covers, the first time its finding is seen.
    func bind(to finding: Finding, in db: Database) throws {
        try db.execute(sql: "UPDATE waiver SET waived_status = ?, waived_due = ? WHERE id = ?",
                       arguments: [finding.status.rawValue, finding.due?.dayNumber, id])
    }
}
