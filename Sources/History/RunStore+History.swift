import CaseModel
import GRDB

extension RunStore {
    /// The runs recorded, newest first, each with its counts by severity, new, resolved and
    /// waived (kept in the run's row when recorded, so listing is a read of `last` rows).
    /// - Parameter last: how many runs at most; nil for all.
    public func history(last: Int? = nil) throws -> [HistoryRun] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM run ORDER BY id DESC LIMIT ?", arguments: [last ?? -1])
            var inputs: [Int64: [InputFile]] = [:]
            if let oldest: Int64 = rows.last?["id"] {
                for row in try Row.fetchAll(db, sql: "SELECT run_id, path, hash FROM run_input WHERE run_id >= ? ORDER BY rowid",
                                            arguments: [oldest]) {
                    inputs[row["run_id"], default: []].append(InputFile(path: row["path"], hash: row["hash"]))
                }
            }
            return rows.map { row in
                var severities = SeverityCounts()
                severities.info = row["info"]
                severities.low = row["low"]
                severities.medium = row["medium"]
                severities.high = row["high"]
                severities.critical = row["critical"]
                let id: Int64 = row["id"]
                return HistoryRun(id: id, asOf: CalendarDate(dayNumber: row["as_of"]), started: row["started"],
                                  rulePackHash: row["rule_pack_hash"],
                                  records: RecordCounts(read: row["records_read"], checked: row["records_checked"],
                                                        skipped: row["records_skipped"]),
                                  findings: row["findings"], bySeverity: severities, new: row["new_findings"],
                                  resolved: row["resolved"], waived: row["waived"], inputs: inputs[id] ?? [])
            }
        }
    }
}

extension RunStore {
    /// How many finding spans the database holds (for the benchmark's size figures).
    public func spanCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM finding_span")! }
    }
}
