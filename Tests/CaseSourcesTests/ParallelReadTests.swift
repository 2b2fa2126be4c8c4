import CEL
import CaseModel
import CaseSources
import XCTest

/// `CaseReader.readInParallel`: the records each batch's check sees, and the diagnostics and
/// counts, are those of reading with `nextBatch()`, whatever the number of workers.
final class ParallelReadTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder() }
    override func tearDown() { scratch = nil }

    /// What a parallel read gave: the ids the checks saw, in the order batches were received.
    private func readInParallel(_ paths: [String], workers: Int, batchSize: Int = 100) -> (ids: [String], lines: [Int], result: ReadResult) {
        let reader = CaseReader(paths: paths, schema: TestSchema.child, batchSize: batchSize)
        var ids: [String] = [], lines: [Int] = [], diagnostics: [Diagnostic] = []
        reader.readInParallel(workers: workers, check: { records in
            (records.compactMap(\.id), records.map(\.location.line))
        }) { batchDiagnostics, outcome in
            diagnostics += batchDiagnostics
            ids += outcome?.0 ?? []
            lines += outcome?.1 ?? []
        }
        return (ids, lines, ReadResult(records: [], diagnostics: diagnostics, counts: reader.counts))
    }

    /// Reading `paths` in parallel with 1, 2 and 3 workers gives what `serial` holds.
    private func assertParallelReadsMatch(_ serial: ReadResult, _ paths: [String], line: UInt = #line) {
        for workers in [1, 2, 3] {
            let parallel = readInParallel(paths, workers: workers)
            XCTAssertEqual(parallel.ids, serial.ids, "workers: \(workers)", line: line)
            XCTAssertEqual(parallel.lines, serial.records.map(\.location.line), "workers: \(workers)", line: line)
            XCTAssertEqual(parallel.result.diagnostics, serial.diagnostics, "workers: \(workers)", line: line)
            XCTAssertEqual(parallel.result.counts, serial.counts, "workers: \(workers)", line: line)
        }
    }

    private func mixedLines(_ count: Int, prefix: String) -> String {
        (0..<count).map { i -> String in
            switch i % 7 {
            case 0: return #"{"id": "\#(prefix)\#(i)", "wroker": "W", "visits": [{"date": "2024-01-0\#(i % 9 + 1)", "sean": true}]}"#
            case 1: return #"{"id": "\#(prefix)\#(i)", "birth_date": "2024-02-30"}"#
            case 2: return i % 3 == 0 ? "   " : ""
            case 3: return #"{"id": "\#(prefix)\#(i)" "team": 1}"#
            case 4: return #"["not", "a", "record"]"#
            case 5: return #"{"id": "C7", "team": "dup"}"#
            default: return #"{"id": "\#(prefix)\#(i)", "cp_plans": [{"start_date": "2024-03-01", "reviews": ["2024-06-01"]}]}"#
            }
        }.joined(separator: "\n")
    }

    func testSameRecordsDiagnosticsAndCountsAsReadingInBatches() throws {
        let first = try scratch.write("a/1.ndjson", mixedLines(2_000, prefix: "A"))
        let json = try scratch.write("a/2.json", #"[{"id": "J1", "wroker": "x"}, {"id": "J2", "birth_date": "2024-13-01"}, {"id": "C7"}]"#)
        let empty = try scratch.write("a/3.ndjson", "\n  \n")
        let second = try scratch.write("a/4.ndjson", mixedLines(700, prefix: "B"))
        let paths = [first, json, scratch.path("a/missing.ndjson"), empty, second]
        let serial = read(paths, batchSize: 100)
        XCTAssertGreaterThan(serial.records.count, 1_000)
        XCTAssertTrue(serial.rendered.contains { $0.contains("appears again") }, "the duplicate ids are warned about")
        XCTAssertTrue(serial.rendered.contains { $0.contains("3.ndjson:1: warning: the file is empty") })
        XCTAssertTrue(serial.rendered.contains { $0.contains("missing.ndjson") })
        assertParallelReadsMatch(serial, paths)
    }

    private func jsonList(_ count: Int, prefix: String, brokenAt: Int? = nil) -> String {
        let records = (0..<count).map { i -> String in
            if i == brokenAt { return #"{"id": "\#(prefix)\#(i)", "team": }"# }
            switch i % 5 {
            case 0: return #"{"id": "\#(prefix)\#(i)", "wroker": "W"}"#
            case 1: return #"{"id": "\#(prefix)\#(i)", "birth_date": "2024-02-30"}"#
            case 2: return #"{"id": "\#(prefix)\#(i)",\#n "visits": [{"date": "2024-01-02", "seen": true}]}"#
            case 3: return #"{"id": "\#(prefix)\#(i)", "team": "A \"quoted\" {team}"}"#
            default: return #"{"id": "C7"}"#
            }
        }
        return "[\n" + records.joined(separator: ",\n") + "\n]\n"
    }

    func testJSONListsReadInBlocksGiveTheSameOutput() throws {
        let whole = try scratch.write("j/1.json", jsonList(700, prefix: "A"))
        let broken = try scratch.write("j/2.json", jsonList(600, prefix: "B", brokenAt: 333))
        let trailing = try scratch.write("j/3.json", jsonList(300, prefix: "C") + "oops")
        let after = try scratch.write("j/4.ndjson", #"{"id": "D1"}"#)
        let paths = [whole, broken, trailing, after]
        let serial = read(paths, batchSize: 100)
        XCTAssertTrue(serial.rendered.contains { $0.contains("2.json") && $0.contains("the rest of this file was not read") })
        XCTAssertEqual(serial.ids.filter { $0.hasPrefix("B") }.count, 333 - 333 / 5 * 2 - (333 % 5 > 1 ? 1 : 0),
                       "the records before the fault are kept, but not those with errors")
        assertParallelReadsMatch(serial, paths)
    }

    func testOnceAFileWarningsRestartWithEachFile() throws {
        let a = try scratch.write("w/a.ndjson", (1...300).map { #"{"id": "A\#($0)", "wroker": "W"}"# }.joined(separator: "\n"))
        let b = try scratch.write("w/b.ndjson", (1...300).map { #"{"id": "B\#($0)", "wroker": "W"}"# }.joined(separator: "\n"))
        let parallel = readInParallel([a, b], workers: 2)
        XCTAssertEqual(parallel.result.warnings.map { URL(fileURLWithPath: $0.location.file).lastPathComponent }, ["a.ndjson", "b.ndjson"])
        XCTAssertEqual(parallel.ids.count, 600)
    }

    func testPerFileDiagnosticLimitHoldsAcrossBlocks() throws {
        let path = try scratch.write("bad.ndjson", Array(repeating: "{oops", count: 1_500).joined(separator: "\n"))
        let reader = CaseReader(paths: [path], schema: TestSchema.child)
        reader.maxDiagnosticsPerFile = 1000
        var shown: [Diagnostic] = []
        var checked = 0
        reader.readInParallel(workers: 2, check: { $0.count }) { diagnostics, outcome in
            shown += diagnostics
            checked += outcome ?? 0
        }
        XCTAssertEqual(checked, 0)
        XCTAssertEqual(shown.count, 1001, "1000 errors, then one note that the rest are counted")
        XCTAssertEqual(shown.last?.severity, .note)
        XCTAssertEqual(reader.counts.errors, 1_500)
        XCTAssertEqual(reader.counts.recordsSkipped, 1_500)
    }
}
