import CEL
import CaseModel
import CaseSources
import XCTest

final class NDJSONLoaderTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder() }

    func testOneRecordALineWithLineNumbers() throws {
        let path = try scratch.write("c.ndjson", """
        {"id": "C1", "cp_plans": [{"start_date": "2024-01-10"}, {"start_date": "2024-06-01"}]}

        {"id": "C2", "visits": [{"date": "2024-01-01", "seen": true}]}
        """)
        let result = read(path)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.ids, ["C1", "C2"])
        XCTAssertEqual(result.records.map(\.location.line), [1, 3], "blank lines are skipped but counted")
        XCTAssertEqual(result.records[0].itemLines, [:], "items on the record's own line add nothing")
        XCTAssertEqual(result.records[1].value["visits"]?[0]?["date"]?.asDate, date("2024-01-01"))
    }

    func testMalformedLineIsSkippedAndTheRestLoad() throws {
        let path = try scratch.write("c.jsonl", """
        {"id": "C1"}
        {"id": "C2", "worker": "Ann"
        {"id": "C3", "birth_date": "2024-02-30"}
        ["C4"]
        {"id": "C5"} {"id": "C6"}
        {"id": "C7"}
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C1", "C7"])
        XCTAssertEqual(result.rendered, [
            "c.jsonl:2:29: error: unexpected end of line: expected ',' or '}' after object member"
                + "\n  hint: each line must hold a whole record; if records run over several lines, name the file .json",
            "c.jsonl:3:28: error: field 'birth_date': '2024-02-30' is not a date: February 2024 has 29 days, not 30",
            "c.jsonl:3:1: note: record 'C3' skipped (1 error)",
            "c.jsonl:4:1: error: each line must hold one case record (an object in braces); found a list",
            "c.jsonl:5:14: error: unexpected text after the record; NDJSON holds one record a line\n  hint: put each record on its own line",
        ])
        XCTAssertEqual(result.counts.recordsLoaded, 2)
        XCTAssertEqual(result.counts.recordsSkipped, 4)
        XCTAssertEqual(result.counts.recordsRead, 6)
    }

    func testWindowsLineEndingsAndNoFinalNewline() throws {
        let path = try scratch.write("crlf.ndjson", "{\"id\": \"C1\"}\r\n{\"id\": \"C2\"}\r\n{\"id\": \"C3\"}")
        let result = read(path)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.ids, ["C1", "C2", "C3"])
        XCTAssertEqual(result.records.map(\.location.line), [1, 2, 3])
    }

    func testUnknownFieldWarnsOnceForTheFile() throws {
        let lines = (1...5).map { #"{"id": "C\#($0)", "wroker": "Ann"}"# }.joined(separator: "\n")
        let result = read(try scratch.write("w.ndjson", lines))
        XCTAssertEqual(result.ids.count, 5)
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertEqual(result.warnings.first?.hint, "did you mean 'worker'?")
        XCTAssertEqual(result.records[4].value["wroker"]?.stringValue, "Ann")
    }

    func testEmptyFileIsAWarning() throws {
        for text in ["", "\n\n   \n"] {
            let result = read(try scratch.write("e.ndjson", text))
            XCTAssertEqual(result.rendered, ["e.ndjson:1: warning: the file is empty: it holds no case records"], text)
        }
    }

    func testManyRecordsAcrossBufferBoundaries() throws {
        // More than the 1 MiB read buffer, so lines straddle chunk boundaries.
        let count = 6_000
        var text = ""
        for i in 0..<count {
            text += #"{"id": "C\#(i)", "team": "\#(String(repeating: "x", count: i % 300))", "visits": [{"date": "2024-01-0\#(i % 9 + 1)"}]}"# + "\n"
        }
        XCTAssertGreaterThan(text.utf8.count, 1 << 20)
        let result = read(try scratch.write("big.ndjson", text))
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.records.count, count)
        XCTAssertEqual(result.records.map(\.location.line), Array(1...count))
        XCTAssertEqual(result.ids.last, "C\(count - 1)")
        XCTAssertEqual(result.records[5_999].value["team"]?.stringValue?.count, 5_999 % 300)
    }

    func testLineLongerThanTheBufferStillLoads() throws {
        let long = String(repeating: "y", count: 3 << 20)
        let path = try scratch.write("long.ndjson", #"{"id": "C1"}"# + "\n" + #"{"id": "C2", "team": "\#(long)"}"# + "\n" + #"{"id": "C3"}"#)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C1", "C2", "C3"])
        XCTAssertEqual(result.records[1].value["team"]?.stringValue?.count, 3 << 20)
    }

    func testDeepNestingOnALineIsSkipped() throws {
        let deep = #"{"id": "C2", "extra": "# + String(repeating: "{\"a\":", count: 5_000) + "1" + String(repeating: "}", count: 5_001)
        let path = try scratch.write("deep.ndjson", #"{"id": "C1"}"# + "\n" + deep + "\n" + #"{"id": "C3"}"#)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C1", "C3"])
        XCTAssertEqual(result.errors.map(\.message), ["nesting deeper than 64 levels"])
    }

    func testInvalidUTF8LineIsSkipped() throws {
        var data = Data(#"{"id": "C1"}"#.utf8 + [0x0A])
        data += Data(#"{"id": "C"#.utf8) + Data([0xFF]) + Data(#""}"#.utf8 + [0x0A])
        data += Data(#"{"id": "C3"}"#.utf8)
        let result = read(try scratch.write("u.ndjson", data))
        XCTAssertEqual(result.ids, ["C1", "C3"])
        XCTAssertEqual(result.errors.first?.message, "text is not valid UTF-8 (byte 0xFF)")
        XCTAssertEqual(result.errors.first?.location.line, 2)
    }

    func testSchemaErrorsSkipOnlyTheirLine() throws {
        let path = try scratch.write("s.ndjson", """
        {"id": "C1", "visits": [{"date": "2024-01-01", "seen": "yes"}]}
        {"upn": "U2"}
        {"id": "C3", "team": "A", "team": "B"}
        {"id": "C4", "cp_plans": [{"end_date": "2024-01-01"}]}
        {"id": "C5", "wroker": "Ann"}
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C5"])
        XCTAssertEqual(result.rendered, [
            "s.ndjson:1:56: error: field 'visits[0].seen': expected true or false, found the text \"yes\"\n  hint: write true or false without quotes",
            "s.ndjson:1:1: note: record 'C1' skipped (1 error)",
            "s.ndjson:2:1: error: record has no 'id'; every record needs the child's id so that findings can name the child",
            "s.ndjson:2:1: note: record skipped (1 error)",
            "s.ndjson:3:27: error: field 'team' appears twice in the same object\n  hint: remove one of the two, or rename it",
            "s.ndjson:3:1: note: record 'C3' skipped (1 error)",
            "s.ndjson:4:27: error: field 'cp_plans[0].start_date' is required but missing",
            "s.ndjson:4:1: note: record 'C4' skipped (1 error)",
            "s.ndjson:5:14: warning: field 'wroker' is not in the schema (child); it is kept without type checks (reported once a file)\n  hint: did you mean 'worker'?",
        ])
        XCTAssertEqual(result.counts.recordsSkipped, 4)
        XCTAssertEqual(result.counts.errors, 4)
        XCTAssertEqual(result.counts.warnings, 1)
    }

    func testParallelParsingGivesTheSameOutputInTheSameOrder() throws {
        var lines: [String] = []
        for i in 0..<3_000 {
            switch i % 7 {
            case 0: lines.append(#"{"id": "C\#(i)", "wroker": "W", "visits": [{"date": "2024-01-0\#(i % 9 + 1)", "sean": true}]}"#)
            case 1: lines.append(#"{"id": "C\#(i)", "birth_date": "2024-02-30"}"#)
            case 2: lines.append("")
            case 3: lines.append(#"{"id": "C\#(i)" "team": 1}"#)
            case 4: lines.append(#"["not", "a", "record"]"#)
            default: lines.append(#"{"id": "C\#(i)", "cp_plans": [{"start_date": "2024-03-01", "reviews": ["2024-06-01"]}]}"#)
            }
        }
        let path = try scratch.write("mixed.ndjson", lines.joined(separator: "\n"))
        let serial = read([path], batchSize: 100)
        XCTAssertGreaterThan(serial.records.count, 1_000)
        XCTAssertEqual(serial.warnings.count, 2, "one warning a file for each unknown field")
        for threads in [2, 3] {
            let parallel = read([path], batchSize: 100, parallelism: threads)
            XCTAssertEqual(parallel.ids, serial.ids, "threads: \(threads)")
            XCTAssertEqual(parallel.records.map(\.location.line), serial.records.map(\.location.line))
            XCTAssertEqual(parallel.diagnostics, serial.diagnostics, "threads: \(threads)")
            XCTAssertEqual(parallel.counts, serial.counts)
        }
    }

    func testParallelBatchesStayBounded() throws {
        let lines = (1...2_000).map { #"{"id": "C\#($0)"}"# }.joined(separator: "\n")
        let reader = CaseReader(paths: [try scratch.write("p.ndjson", lines)], schema: TestSchema.child,
                                batchSize: 300, parallelism: 2)
        var sizes: [Int] = [], ids: [String] = []
        while let batch = reader.nextBatch() {
            sizes.append(batch.records.count)
            ids += batch.records.compactMap(\.id)
        }
        XCTAssertEqual(sizes, [300, 300, 300, 300, 300, 300, 200])
        XCTAssertEqual(ids, (1...2_000).map { "C\($0)" })
    }

    func testPrettyPrintedJSONNamedNDJSONGetsAHint() throws {
        let path = try scratch.write("pretty.ndjson", "{\n  \"id\": \"C1\"\n}\n")
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.first?.message, "unexpected end of line: expected a field name in double quotes")
        XCTAssertEqual(result.errors.first?.hint,
                       "each line must hold a whole record; if records run over several lines, name the file .json")
    }

    func testByteOrderMarkOnTheFirstLine() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("{\"id\": \"C1\"}\n{\"id\": \"C2\"}\n".utf8)
        let result = read(try scratch.write("bom.ndjson", data))
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.ids, ["C1", "C2"])
    }
}
