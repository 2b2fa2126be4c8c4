import CaseModel
import GRDB

/// Which runs to remove from the history.
public enum PruneRule: Hashable, Sendable {
    /// Keep the newest N runs (N at least 1).
    case keep(Int)
    /// Remove runs whose as-of date is before this date.
    case before(CalendarDate)
}

/// What a prune removed.
public struct PruneResult: Hashable, Sendable {
    public var runsRemoved: Int
    public var runsKept: Int
    /// Finding spans that ended before the oldest run kept.
    public var findingSpansRemoved: Int
}

extension RunStore {
    /// Removes old runs and the findings seen only in them, in one transaction. The newest
    /// run is always kept, since the next run is classified against it. Findings still open
    /// keep their first-seen date and run count.
    /// - Throws: ``RunStoreError/invalidRequest(_:)`` for `keep` below 1.
    @discardableResult
    public func prune(_ rule: PruneRule) throws -> PruneResult {
        if case .keep(let n) = rule, n < 1 {
            throw RunStoreError.invalidRequest("--keep must be at least 1 (the last run is needed to tell new findings from persisting ones)")
        }
        return try writeTransaction { db in
            guard let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM run") else {
                return PruneResult(runsRemoved: 0, runsKept: 0, findingSpansRemoved: 0)
            }
            let oldestKept: Int64
            switch rule {
            case .keep(let n):
                oldestKept = try Int64.fetchOne(db, sql: "SELECT id FROM run ORDER BY id DESC LIMIT 1 OFFSET ?",
                                                arguments: [n - 1]) ?? 0
            case .before(let date):
                let first = try Int64.fetchOne(db, sql: "SELECT min(id) FROM run WHERE as_of >= ?", arguments: [date.dayNumber])
                oldestKept = min(first ?? newest, newest)
            }
            try db.execute(sql: "DELETE FROM run WHERE id < ?", arguments: [oldestKept])
            let runsRemoved = db.changesCount
            try db.execute(sql: "DELETE FROM finding_span WHERE last_run < ?", arguments: [oldestKept])
            let spansRemoved = db.changesCount
            let kept = try Int.fetchOne(db, sql: "SELECT count(*) FROM run")!
            return PruneResult(runsRemoved: runsRemoved, runsKept: kept, findingSpansRemoved: spansRemoved)
        }
    }
}
