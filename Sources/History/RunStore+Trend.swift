import CaseModel
import GRDB

extension RunStore {
    /// Open findings and days late per rule, area, team or worker over the last `last` runs,
    /// flagging groups that deteriorate under `rule`.
    /// - Throws: ``RunStoreError/invalidRequest(_:)`` when `last` is below 1.
    public func trend(by dimension: TrendDimension, last: Int = 10,
                      rule: DeteriorationRule = DeteriorationRule()) throws -> TrendReport {
        guard last >= 1 else { throw RunStoreError.invalidRequest("--last must be at least 1") }
        return try read { db in
            let runs = try Row.fetchAll(db, sql: "SELECT id, as_of FROM run ORDER BY id DESC LIMIT ?", arguments: [last])
                .reversed()
                .map { TrendRun(id: $0["id"], asOf: CalendarDate(dayNumber: $0["as_of"])) }
            guard let first = runs.first, let final = runs.last else {
                return TrendReport(dimension: dimension, runs: [], groups: [], rule: rule)
            }
            var spans: [TrendCalculator.SpanSlice] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT \(dimension.column) AS grp_key, first_run, last_run, late_base, late_as_of, late_grows, waived
                FROM finding_span WHERE last_run >= ? AND first_run <= ?
                """, arguments: [first.id, final.id])
            while let row = try cursor.next() {
                spans.append(TrendCalculator.SpanSlice(
                    key: row[0], firstRun: row[1], lastRun: row[2], lateBase: row[3],
                    lateAsOf: CalendarDate(dayNumber: row[4]), lateGrows: row[5], waived: row[6]))
            }
            return TrendCalculator(dimension: dimension, rule: rule).report(runs: runs, spans: spans)
        }
    }
}
