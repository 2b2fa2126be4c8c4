@testable import History
import CaseModel
import GRDB
import Rules
import XCTest

final class RecordingTests: XCTestCase {
    func testNewPersistingAndResolvedAcrossThreeRuns() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        let a = finding("VISITS", "C1"), b = finding("CP-REVIEW", "C2", item: "cp_plans[0]"), c = finding("ASSESS", "C3")

        let first = try store.record(runInput("2024-06-01", [a, b]))
        XCTAssertEqual(first.findings.map(\.novelty), [.new, .new])
        XCTAssertTrue(first.resolved.isEmpty)
        XCTAssertNil(first.previous)
        XCTAssertEqual(first.run.new, 2)

        let second = try store.record(runInput("2024-06-02", [a, c]))
        XCTAssertEqual(second.findings.map(\.novelty), [.persisting(firstSeen: day("2024-06-01"), runs: 2), .new])
        XCTAssertEqual(second.resolved.map(\.fingerprint), [b.fingerprint])
        XCTAssertEqual(second.resolved.first?.lastSeen, day("2024-06-01"))
        XCTAssertEqual(second.run.resolved, 1)
        XCTAssertEqual(second.previous, PreviousRun(id: first.run.id, asOf: day("2024-06-01"), rulePackHash: "pack"))

        // b comes back: new again, since it was not open at the previous run.
        let third = try store.record(runInput("2024-06-03", [a, b]))
        XCTAssertEqual(third.findings.map(\.novelty), [.persisting(firstSeen: day("2024-06-01"), runs: 3), .new])
        XCTAssertEqual(third.resolved.map(\.fingerprint), [c.fingerprint])

        let history = try store.history()
        XCTAssertEqual(history.map(\.asOf), [day("2024-06-03"), day("2024-06-02"), day("2024-06-01")])
        XCTAssertEqual(history.map(\.new), [1, 1, 2])
        XCTAssertEqual(history.map(\.resolved), [1, 1, 0])
        XCTAssertEqual(history.map(\.bySeverity.high), [2, 2, 2])
        XCTAssertEqual(history.first?.inputs, [InputFile(path: "cases.yaml", hash: "h")])
        XCTAssertEqual(history.first?.records, RecordCounts(read: 10, checked: 10, skipped: 0))
    }

    func testAChangeOfStateKeepsTheFindingPersisting() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        _ = try store.record(runInput("2024-06-01", [finding("R", "C1", status: .dueSoon, due: "2024-06-05", daysLate: -4)]))
        let later = try store.record(runInput("2024-06-10", [finding("R", "C1", status: .overdue, due: "2024-06-05", daysLate: 5)]))
        XCTAssertEqual(later.findings.first?.novelty, .persisting(firstSeen: day("2024-06-01"), runs: 2))
        let spans = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM finding_span")! }
        XCTAssertEqual(spans, 2, "a new state is a new span")
    }

    func testAnOverdueFindingGrowingDayByDayIsOneSpan() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        for n in 0..<5 {
            _ = try store.record(runInput("2024-06-0\(n + 1)", [finding("R", "C1", due: "2024-05-20", daysLate: 12 + n),
                                                          finding("B", "C1", status: .breach, daysLate: 7)]))
        }
        let spans = try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM finding_span")! }
        XCTAssertEqual(spans, 2)
        let trend = try store.trend(by: .rule, last: 5)
        XCTAssertEqual(trend.groups.first { $0.key == "R" }?.overdueDays, [12, 13, 14, 15, 16])
        XCTAssertEqual(trend.groups.first { $0.key == "B" }?.overdueDays, [7, 7, 7, 7, 7])
    }

    func testIrregularDaysLateStillReportedExactly() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        let lates = [3, 4, 9, 9, 2]
        for (n, late) in lates.enumerated() {
            _ = try store.record(runInput("2024-06-0\(n + 1)", [finding("R", "C1", daysLate: late)]))
        }
        XCTAssertEqual(try store.trend(by: .rule, last: 5).groups.first?.overdueDays, lates)
    }

    func testARepeatedFingerprintIsClassifiedLikeItsFirstOccurrence() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        let f = finding("R", "C1")
        let recorded = try store.record(runInput("2024-06-01", [f, f]))
        XCTAssertEqual(recorded.findings.map(\.novelty), [.new, .new])
        XCTAssertEqual(recorded.run.findings, 2)
        let next = try store.record(runInput("2024-06-02", [f]))
        XCTAssertEqual(next.findings.map(\.novelty), [.persisting(firstSeen: day("2024-06-01"), runs: 2)])
    }

    func testAnAbortedRecordingLeavesThePreviousState() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        _ = try store.record(runInput("2024-06-01", [finding("R", "C1")]))
        struct Killed: Error {}
        // The whole recording runs, then the transaction is abandoned as a killed process would leave it.
        XCTAssertThrowsError(try store.writeTransaction { db in
            _ = try RunStore.record(runInput("2024-06-02", [finding("R", "C2")]), in: db)
            throw Killed()
        })
        XCTAssertEqual(try store.history().map(\.asOf), [day("2024-06-01")])
        // The next run is still classified against the first.
        let next = try store.record(runInput("2024-06-03", [finding("R", "C1")]))
        XCTAssertEqual(next.findings.first?.novelty, .persisting(firstSeen: day("2024-06-01"), runs: 2))
        XCTAssertTrue(next.resolved.isEmpty)
    }

    func testAnEmptyHistoryListsNothing() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        XCTAssertEqual(try store.history(), [])
        XCTAssertEqual(try store.trend(by: .team).groups, [])
    }
}
