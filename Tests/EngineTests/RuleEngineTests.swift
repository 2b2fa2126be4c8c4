import CaseModel
import CaseSources
import Engine
import Foundation
import Rules
import XCTest

final class RuleEngineTests: XCTestCase {
    /// Twenty children in shuffled id order, a mix of passes and failures of every rule.
    private func mixedCases() -> [String] {
        (0..<20).map { n in
            let id = String(format: "C%02d", (n * 7) % 20)
            return EngineFixture.child(id, worker: "W\(n % 4)", reviewed: n % 3 == 0, birthDate: n % 5 != 0,
                                       thirdSeen: n % 2 == 0)
        }
    }

    private func run(_ paths: [String], workers: Int, batchSize: Int) -> RunResult {
        let reader = CaseReader(paths: paths, schema: EngineFixture.schema.root, batchSize: batchSize)
        return RuleEngine(pack: EngineFixture.pack(), asOf: EngineFixture.asOf, workers: workers).run(reader)
    }

    func testParallelRunEqualsSerialRun() throws {
        let folder = try EngineFixture.folder(self)
        let path = try EngineFixture.write(mixedCases(), to: "cases.ndjson", in: folder)
        let serial = run([path], workers: 1, batchSize: 1000)
        XCTAssertGreaterThan(serial.findings.count, 20)
        for (workers, batchSize) in [(2, 3), (4, 1), (2, 1000), (8, 7)] {
            let parallel = run([path], workers: workers, batchSize: batchSize)
            XCTAssertEqual(parallel.findings, serial.findings, "workers \(workers), batch \(batchSize)")
            XCTAssertEqual(parallel.summary, serial.summary)
        }
    }

    func testFindingsAreSortedByCaseThenRuleThenItem() throws {
        let folder = try EngineFixture.folder(self)
        let path = try EngineFixture.write(mixedCases(), to: "cases.ndjson", in: folder)
        let result = run([path], workers: 2, batchSize: 4)
        let childFindings = result.findings.filter { $0.caseID != nil }
        let keys = childFindings.map { "\($0.caseID!)|\($0.rule)|\($0.item ?? "")" }
        XCTAssertEqual(keys, keys.sorted())
        XCTAssertEqual(childFindings.first?.caseID, "C00")
        // Group findings (aggregate rules) come after every child's.
        let firstGroup = result.findings.firstIndex { $0.caseID == nil }
        XCTAssertNotNil(firstGroup)
        XCTAssertTrue(result.findings[firstGroup!...].allSatisfy { $0.caseID == nil })
    }

    func testAggregateCountsAcrossBatches() throws {
        let folder = try EngineFixture.folder(self)
        let lines = (0..<5).map { EngineFixture.child("A\($0)", worker: "Sam", reviewed: true) }
            + (0..<2).map { EngineFixture.child("B\($0)", worker: "Kim", reviewed: true) }
        let path = try EngineFixture.write(lines, to: "cases.ndjson", in: folder)
        let result = run([path], workers: 2, batchSize: 2)
        let caseload = result.findings.filter { $0.rule == "CASELOAD" }
        XCTAssertEqual(caseload.map(\.message), ["Sam holds 5 cases"])
        XCTAssertEqual(caseload.first?.group, "Sam")
        XCTAssertNil(caseload.first?.caseID)
    }

    func testExpressionFailureIsAnErrorFindingNotAPass() throws {
        let folder = try EngineFixture.folder(self)
        // Only two visits: `child.visits[2]` cannot be evaluated.
        let line = #"{"id": "E1", "worker": "Sam", "birth_date": "2015-01-01", "visits": [{"date": "2024-01-02", "seen": true}, {"date": "2024-02-02", "seen": true}]}"#
        let path = try EngineFixture.write([line], to: "cases.ndjson", in: folder)
        let result = run([path], workers: 2, batchSize: 10)
        let errors = result.findings.filter { $0.status == .error }
        XCTAssertEqual(errors.map(\.rule), ["THIRD-VISIT-SEEN"])
        XCTAssertEqual(errors.first?.caseID, "E1")
        XCTAssertEqual(errors.first?.severity, .medium)
        XCTAssertEqual(result.summary.findingsByStatus[.error], 1)
    }

    func testBadRecordInTheMiddleIsCountedAndTheRestChecked() throws {
        let folder = try EngineFixture.folder(self)
        let lines = [EngineFixture.child("G1", worker: "Sam", reviewed: false),
                     #"{"id": "BAD", "birth_date": "2024-02-30"}"#,
                     #"{"id": "BROKEN", "#,
                     EngineFixture.child("G2", worker: "Sam", reviewed: false)]
        let path = try EngineFixture.write(lines, to: "cases.ndjson", in: folder)
        let result = run([path], workers: 2, batchSize: 1)
        XCTAssertEqual(result.summary.recordsRead, 4)
        XCTAssertEqual(result.summary.recordsSkipped, 2)
        XCTAssertEqual(result.summary.recordsChecked, 2)
        XCTAssertEqual(result.summary.files, 1)
        XCTAssertEqual(Set(result.findings.compactMap(\.caseID)), ["G1", "G2"])
        let errorLines = result.diagnostics.filter { $0.severity == .error }.map(\.location.line)
        XCTAssertEqual(errorLines, [2, 3])
        XCTAssertEqual(result.summary.inputErrors, 2)
    }

    func testSummaryCountsFindingsBySeverityAndStatus() throws {
        let folder = try EngineFixture.folder(self)
        let lines = [EngineFixture.child("S1", worker: "Sam", reviewed: false, birthDate: false, thirdSeen: false)]
        let path = try EngineFixture.write(lines, to: "cases.ndjson", in: folder)
        let result = run([path], workers: 2, batchSize: 10)
        XCTAssertEqual(result.findings.map(\.rule), ["BIRTH-DATE", "CP-REVIEW", "THIRD-VISIT-SEEN"])
        XCTAssertEqual(result.summary.findingsBySeverity, [.info: 0, .low: 1, .medium: 1, .high: 1, .critical: 0])
        XCTAssertEqual(result.summary.findingsByStatus[.breach], 2)
        XCTAssertEqual(result.summary.findingsByStatus[.overdue], 1)
        XCTAssertEqual(result.summary.findings(atOrAbove: .medium), 2)
        XCTAssertEqual(result.summary.findings(atOrAbove: .critical), 0)
        XCTAssertEqual(result.summary.rules, 4)
    }

    func testInMemoryCheckMatchesFileRun() throws {
        let folder = try EngineFixture.folder(self)
        let path = try EngineFixture.write(mixedCases(), to: "cases.ndjson", in: folder)
        let read = CaseReader.readAll(paths: [path], schema: EngineFixture.schema.root)
        let engine = RuleEngine(pack: EngineFixture.pack(), asOf: EngineFixture.asOf, workers: 2)
        XCTAssertEqual(engine.check(records: read.records).findings, run([path], workers: 2, batchSize: 5).findings)
    }
}
