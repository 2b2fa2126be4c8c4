import CaseModel
import FindingStore
import Rules
import XCTest

final class FindingSpoolTests: XCTestCase {
    /// Seeded findings with every optional field both present and absent, awkward text
    /// (accents, emoji, quotes, newlines, empty strings) and negative numbers.
    private func findings(_ count: Int, seed: UInt64 = 7) -> [Finding] {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        let texts = ["", "Zoë", "line\nbreak", "\"quoted\"", "👩‍👧 family", "C-1", "C-10", "C-2"]
        return (0..<count).map { n in
            Finding(rule: "R-\(next(7))", severity: Severity.allCases[next(5)], status: FindingStatus.allCases[next(4)],
                    caseID: next(10) == 0 ? nil : "C\(next(400))", item: next(3) == 0 ? nil : "visits[\(next(30))]",
                    group: next(8) == 0 ? texts[next(texts.count)] : nil, message: "message \(n) " + texts[next(texts.count)],
                    due: next(2) == 0 ? nil : CalendarDate(dayNumber: Int32(next(40_000)) - 1_000),
                    daysLate: next(2) == 0 ? nil : next(600) - 100, worker: next(4) == 0 ? nil : texts[next(texts.count)],
                    team: next(4) == 0 ? nil : "Team \(next(5))",
                    location: next(5) == 0 ? nil : SourceLocation(file: "cases/\(next(3)).ndjson", line: next(9_000), column: next(3)),
                    ruleLocation: SourceLocation(file: "rules/r.yaml", line: next(200) + 1, column: 5),
                    fingerprint: String(n, radix: 16), teamManager: next(3) == 0 ? "Manager \(next(4))" : nil)
        }
    }

    func testSpilledRunsMergeIntoTheSameOrderAsOneSort() throws {
        let input = findings(5_000)
        let spool = FindingSpool(memoryLimit: 300)
        for f in input { try spool.append(f) }
        let sorted = try spool.sorted()
        XCTAssertTrue(sorted.spilled, "5,000 findings over a limit of 300 must go to disk")
        XCTAssertEqual(sorted.count, 5_000)
        XCTAssertEqual(sorted.all, FindingOrder.sorted(input))
        // A second pass reads the same runs again.
        XCTAssertEqual(Array(sorted), FindingOrder.sorted(input))
    }

    func testUnderTheLimitNothingTouchesTheDisk() throws {
        let input = findings(200)
        let spool = FindingSpool(memoryLimit: 1_000)
        var batch = input
        try spool.take(&batch)
        XCTAssertTrue(batch.isEmpty, "taken findings are moved out")
        let sorted = try spool.sorted()
        XCTAssertFalse(sorted.spilled)
        XCTAssertEqual(sorted.all, FindingOrder.sorted(input))
    }

    func testEmptySpool() throws {
        let sorted = try FindingSpool(memoryLimit: 10).sorted()
        XCTAssertEqual(sorted.count, 0)
        var iterator = sorted.makeIterator()
        XCTAssertNil(iterator.next())
    }

    func testResortingByAnotherOrderAndTransforming() throws {
        let input = findings(3_000, seed: 99)
        let spool = FindingSpool(memoryLimit: 250)
        for f in input { try spool.append(f) }
        let byLateness = FindingSequenceOrder(name: "lateness") { a, b in
            let x = a.daysLate ?? Int.min, y = b.daysLate ?? Int.min
            return x != y ? x > y : FindingOrder.precedes(a, b)
        }
        let resorted = try spool.sorted().resorted(by: byLateness, memoryLimit: 170) { f in
            f.severity == .info ? nil : f
        }
        let expected = input.filter { $0.severity != .info }.sorted(by: byLateness.precedes)
        XCTAssertEqual(resorted.all, expected)
    }

    func testTemporaryFilesArePrivateAndRemoved() throws {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("spool-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        var sorted: SortedFindings? = try {
            let spool = FindingSpool(memoryLimit: 10, directory: parent)
            for f in findings(100) { try spool.append(f) }
            return try spool.sorted()
        }()
        let folders = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        XCTAssertEqual(folders.count, 1)
        let folder = parent.appendingPathComponent(folders[0])
        let mode = try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o700)
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let fileMode = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.posixPermissions] as? Int
            XCTAssertEqual(fileMode, 0o600)
        }
        XCTAssertEqual(sorted?.count, 100)
        sorted = nil
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent.path), [], "runs are removed with the findings")
    }

    func testAHugeMessageLargerThanTheReadBufferRoundTrips() throws {
        var input = findings(20)
        input[3].message = String(repeating: "é", count: 400_000)
        let spool = FindingSpool(memoryLimit: 5)
        for f in input { try spool.append(f) }
        XCTAssertEqual(try spool.sorted().all, FindingOrder.sorted(input))
    }
}
