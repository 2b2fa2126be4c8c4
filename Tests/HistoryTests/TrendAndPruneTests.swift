import CaseModel
import History
import Rules
import XCTest

final class TrendAndPruneTests: XCTestCase {
    /// Team North gains an open finding every run; team South holds steady.
    private func recordDrift(_ store: RunStore, runs: Int) throws {
        for n in 0..<runs {
            var findings = (0...n).map { finding("VISITS", "N\($0)", daysLate: 10, team: "North") }
            findings += [finding("ASSESS", "S1", daysLate: 5, team: "South"), finding("ASSESS", "S2", team: "South")]
            _ = try store.record(runInput("2024-06-\(String(format: "%02d", n + 1))", findings,
                                          areas: ["VISITS": "visits", "ASSESS": "assessment"]))
        }
    }

    func testAGroupWhoseOpenFindingsRiseIsFlagged() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        try recordDrift(store, runs: 5)
        let trend = try store.trend(by: .team, last: 4, rule: DeteriorationRule(risingRuns: 3))
        XCTAssertEqual(trend.runs.map(\.asOf), ["2024-06-02", "2024-06-03", "2024-06-04", "2024-06-05"].map(day))
        XCTAssertEqual(trend.groups.map(\.key), ["North", "South"])
        let north = trend.groups[0], south = trend.groups[1]
        XCTAssertEqual(north.open, [2, 3, 4, 5])
        XCTAssertEqual(north.overdueDays, [20, 30, 40, 50])
        XCTAssertEqual(north.deterioration.map(\.kind), [.rising, .rising])
        XCTAssertEqual(north.deterioration.first?.description, "open findings rose over the last 3 runs (2 → 5)")
        XCTAssertEqual(south.open, [2, 2, 2, 2])
        XCTAssertFalse(south.isDeteriorating)
    }

    func testOverdueFindingsMerelyAgeingAreNotDeterioration() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        for n in 0..<4 {
            // Team North: the same two overdue findings, a day later each night.
            var findings = [finding("R", "N1", daysLate: 5 + n, team: "North"), finding("R", "N2", daysLate: 9 + n, team: "North")]
            // Team South: the same, plus one more overdue finding each night from the second on.
            findings += [finding("R", "S1", daysLate: 5 + n, team: "South")]
            findings += (0..<n).map { finding("R", "S-new-\($0)", daysLate: 3 + n - $0, team: "South") }
            _ = try store.record(runInput("2024-06-0\(n + 1)", findings))
        }
        let trend = try store.trend(by: .team, last: 4, rule: DeteriorationRule(risingRuns: 3))
        let north = try XCTUnwrap(trend.groups.first { $0.key == "North" })
        XCTAssertEqual(north.overdueDays, [14, 16, 18, 20])
        XCTAssertFalse(north.isDeteriorating, "\(north.deterioration)")
        let south = try XCTUnwrap(trend.groups.first { $0.key == "South" })
        XCTAssertEqual(south.overdueDays, [5, 6 + 4, 7 + 5 + 4, 8 + 6 + 5 + 4])
        XCTAssertEqual(south.deterioration.map(\.measure), [.open, .overdueDays])
    }

    func testASmallRiseBelowTheMinimumIsNotFlagged() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        try recordDrift(store, runs: 4)
        let north = { (rise: Int) in
            try store.trend(by: .team, last: 4, rule: DeteriorationRule(risingRuns: 3, minimumRise: rise)).groups.first { $0.key == "North" }
        }
        XCTAssertEqual(try north(3)?.deterioration.map(\.measure), [.open, .overdueDays], "1 → 4 open, 10 → 40 days late")
        XCTAssertEqual(try north(4)?.deterioration.map(\.measure), [.overdueDays])
        XCTAssertEqual(try north(31)?.isDeteriorating, false)
    }

    func testAFallWithinTheWindowIsNotRising() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        for (n, count) in [1, 3, 2, 4].enumerated() {
            _ = try store.record(runInput("2024-06-0\(n + 1)", (0..<count).map { finding("R", "C\($0)") }))
        }
        let group = try store.trend(by: .rule, last: 4, rule: DeteriorationRule(risingRuns: 3)).groups.first
        XCTAssertEqual(group?.open, [1, 3, 2, 4])
        XCTAssertEqual(group?.isDeteriorating, false)
        // Over the last two runs it did rise without falling.
        XCTAssertEqual(try store.trend(by: .rule, last: 4, rule: DeteriorationRule(risingRuns: 1)).groups.first?.isDeteriorating, true)
    }

    func testCrossingAThresholdIsFlagged() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        try recordDrift(store, runs: 3)
        let trend = try store.trend(by: .area, last: 3, rule: DeteriorationRule(risingRuns: 5, openAbove: 2, overdueDaysAbove: 100))
        let visits = try XCTUnwrap(trend.groups.first { $0.key == "visits" })
        XCTAssertEqual(visits.deterioration, [Deterioration(kind: .aboveThreshold, measure: .open, from: 1, to: 3, runs: nil, threshold: 2)])
        XCTAssertEqual(visits.deterioration.first?.description, "open findings crossed the threshold of 2 (1 → 3)")
        XCTAssertFalse(try XCTUnwrap(trend.groups.first { $0.key == "assessment" }).isDeteriorating)
    }

    func testWaivedFindingsAreCountedApartInTrends() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        let f = finding("R", "C1", daysLate: 4, worker: "Ann")
        _ = try store.record(runInput("2024-06-01", [f]))
        try store.waive(fingerprint: f.fingerprint, reason: "agreed", by: "TM", until: day("2024-12-31"), today: day("2024-06-01"))
        _ = try store.record(runInput("2024-06-02", [f]))
        let ann = try XCTUnwrap(try store.trend(by: .worker, last: 2).groups.first)
        XCTAssertEqual(ann.key, "Ann")
        XCTAssertEqual(ann.open, [1, 0])
        XCTAssertEqual(ann.waived, [0, 1])
        XCTAssertEqual(ann.overdueDays, [4, 0])
    }

    func testFindingsWithoutAGroupAreShownUnderNone() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        _ = try store.record(runInput("2024-06-01", [finding("R", "C1", worker: nil)]))
        XCTAssertEqual(try store.trend(by: .worker).groups.map(\.key), ["(none)"])
        XCTAssertEqual(try store.trend(by: .area).groups.map(\.key), ["(none)"])
        XCTAssertThrowsError(try store.trend(by: .rule, last: 0))
    }

    func testPruneKeepsTheNewestRunsAndStillClassifiesCorrectly() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        let steady = finding("R", "C1")
        for n in 1...6 {
            let gone = finding("GONE", "C\(n)")
            _ = try store.record(runInput("2024-06-0\(n)", n <= 2 ? [steady, gone] : [steady]))
        }
        let result = try store.prune(.keep(3))
        XCTAssertEqual(result.runsRemoved, 3)
        XCTAssertEqual(result.runsKept, 3)
        XCTAssertEqual(result.findingSpansRemoved, 2, "the two findings last seen in removed runs")
        XCTAssertEqual(try store.history().map(\.asOf), ["2024-06-06", "2024-06-05", "2024-06-04"].map(day))
        let next = try store.record(runInput("2024-06-07", [steady]))
        XCTAssertEqual(next.findings.first?.novelty, .persisting(firstSeen: day("2024-06-01"), runs: 7))
        XCTAssertEqual(try store.trend(by: .rule, last: 10).groups.map(\.open), [[1, 1, 1, 1]])
    }

    func testPruneBeforeADateNeverRemovesTheLastRun() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        for n in 1...4 { _ = try store.record(runInput("2024-06-0\(n)", [finding("R", "C\(n)")])) }
        XCTAssertEqual(try store.prune(.before(day("2024-06-03"))).runsRemoved, 2)
        XCTAssertEqual(try store.history().map(\.asOf), [day("2024-06-04"), day("2024-06-03")])
        XCTAssertEqual(try store.prune(.before(day("2025-01-01"))).runsKept, 1)
        XCTAssertEqual(try store.history().map(\.asOf), [day("2024-06-04")])
        XCTAssertThrowsError(try store.prune(.keep(0))) { error in
            XCTAssertTrue("\(error)".contains("at least 1"))
        }
        XCTAssertEqual(try store.record(runInput("2024-06-05", [finding("R", "C4")])).resolved.count, 0)
    }
}
