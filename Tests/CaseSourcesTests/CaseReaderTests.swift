import CEL
import CaseModel
import CaseSources
import XCTest

final class CaseReaderTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder() }

    func testFormatIsChosenByExtension() {
        XCTAssertEqual(CaseFileFormat(path: "a/b.YAML"), .yaml)
        XCTAssertEqual(CaseFileFormat(path: "b.yml"), .yaml)
        XCTAssertEqual(CaseFileFormat(path: "b.json"), .json)
        XCTAssertEqual(CaseFileFormat(path: "b.ndjson"), .ndjson)
        XCTAssertEqual(CaseFileFormat(path: "b.jsonl"), .ndjson)
        XCTAssertEqual(CaseFileFormat(path: "b.csv"), .annexACSV)
        XCTAssertEqual(CaseFileFormat(path: "Annex_A.XLSX"), .annexAWorkbook)
        XCTAssertNil(CaseFileFormat(path: "b.xls"))
        XCTAssertNil(CaseFileFormat(path: "dir.json/readme"))
        XCTAssertNil(CaseFileFormat(path: "json"))
    }

    func testDirectoryIsReadRecursivelyInSortedPathOrder() throws {
        try scratch.write("b.json", #"{"id": "B"}"#)
        try scratch.write("a/z.ndjson", #"{"id": "AZ"}"#)
        try scratch.write("a/c.yaml", "id: AC")
        try scratch.write("a.yml", "id: A")
        try scratch.write("notes.txt", "not a case file")
        try scratch.write(".hidden.json", #"{"id": "HIDDEN"}"#)
        try scratch.write(".git/x.json", #"{"id": "GIT"}"#)
        let result = read([scratch.url.path])
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.ids, ["A", "AC", "AZ", "B"])
        XCTAssertEqual(result.counts.files, 4)
        XCTAssertEqual(result.records.map { URL(fileURLWithPath: $0.location.file).lastPathComponent },
                       ["a.yml", "c.yaml", "z.ndjson", "b.json"])
    }

    func testPathsAreReadInTheOrderGiven() throws {
        let b = try scratch.write("b.json", #"{"id": "B"}"#)
        let a = try scratch.write("a.json", #"{"id": "A"}"#)
        XCTAssertEqual(read([b, a]).ids, ["B", "A"])
    }

    func testMissingFileAndUnknownFormatAreErrorsAndTheRunGoesOn() throws {
        let good = try scratch.write("good.json", #"{"id": "G"}"#)
        let text = try scratch.write("notes.txt", "hello")
        let result = read([scratch.path("missing.json"), text, good])
        XCTAssertEqual(result.ids, ["G"])
        XCTAssertEqual(result.rendered, [
            "missing.json: error: no such file or directory",
            "notes.txt: error: not a case file format that can be read\n  hint: case files end in .yaml, .yml, .json, .ndjson, .jsonl, .xml, .xlsx, .csv",
        ])
        XCTAssertEqual(result.counts.files, 3)
        XCTAssertEqual(result.counts.filesWithErrors, 2)
        XCTAssertEqual(result.counts.errors, 2)
    }

    func testMissingFileOfEveryFormatIsAnError() throws {
        for name in ["gone.yaml", "gone.yml", "gone.json", "gone.ndjson", "gone.jsonl"] {
            let result = read([scratch.path(name)])
            XCTAssertEqual(result.rendered, ["\(name): error: no such file or directory"], name)
            XCTAssertEqual(result.counts.filesWithErrors, 1, name)
        }
    }

    func testUnreadableFileIsAnError() throws {
        let path = try scratch.write("locked.ndjson", #"{"id": "L"}"#)
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
        if FileManager.default.isReadableFile(atPath: path) {
            throw XCTSkip("running with privileges that read any file; cannot make a file unreadable")
        }
        let result = read([path, try scratch.write("ok.json", #"{"id": "OK"}"#)])
        XCTAssertEqual(result.ids, ["OK"])
        XCTAssertEqual(result.rendered.first, "locked.ndjson: error: the file could not be read: Permission denied")
    }

    func testBadFileDoesNotStopTheOthers() throws {
        let bad = try scratch.write("1-bad.json", #"[{"id": "X1"}, {"id": }]"#)
        let badYAML = try scratch.write("2-bad.yaml", "id: [")
        let good = try scratch.write("3-good.ndjson", #"{"id": "G1"}"# + "\n" + #"{"id": "G2"}"#)
        let result = read([bad, badYAML, good])
        XCTAssertEqual(result.ids, ["X1", "G1", "G2"])
        XCTAssertEqual(result.counts.filesWithErrors, 2)
        XCTAssertEqual(result.counts.recordsLoaded, 3)
        XCTAssertEqual(result.counts.recordsSkipped, 1)
    }

    func testBatchesAreBoundedAndKeepOrder() throws {
        let lines = (1...7).map { #"{"id": "C\#($0)"}"# }.joined(separator: "\n")
        let path = try scratch.write("c.ndjson", lines)
        let json = try scratch.write("d.json", #"[{"id": "D1"}, {"id": "D2"}]"#)
        let reader = CaseReader(paths: [path, json], schema: TestSchema.child, batchSize: 3)
        var sizes: [Int] = [], ids: [String] = []
        while let batch = reader.nextBatch() {
            XCTAssertLessThanOrEqual(batch.records.count, 3)
            sizes.append(batch.records.count)
            ids += batch.records.compactMap(\.id)
        }
        XCTAssertEqual(ids, (1...7).map { "C\($0)" } + ["D1", "D2"])
        XCTAssertEqual(sizes, [3, 3, 3])
        XCTAssertNil(reader.nextBatch(), "a finished reader stays finished")
        XCTAssertEqual(reader.counts.recordsLoaded, 9)
        XCTAssertEqual(reader.counts.files, 2)
    }

    func testDiagnosticsAlsoBoundABatch() throws {
        let lines = (1...10).map { _ in "not json" }.joined(separator: "\n")
        let reader = CaseReader(paths: [try scratch.write("bad.ndjson", lines)], schema: TestSchema.child, batchSize: 4)
        var diagnosticCounts: [Int] = []
        while let batch = reader.nextBatch() { diagnosticCounts.append(batch.diagnostics.count) }
        XCTAssertEqual(diagnosticCounts, [4, 4, 2])
        XCTAssertEqual(reader.counts.recordsSkipped, 10)
    }

    func testReadAllGathersEverything() throws {
        let path = try scratch.write("c.yaml", "- id: A\n- id: B\n  birth_date: 2024-02-30\n")
        let all = CaseReader.readAll(paths: [path], schema: TestSchema.child)
        XCTAssertEqual(all.records.map(\.id), ["A"])
        XCTAssertEqual(all.counts.recordsRead, 2)
        XCTAssertEqual(all.diagnostics.filter { $0.severity == .error }.count, 1)
    }

    func testNoPathsGivesNoBatches() {
        let reader = CaseReader(paths: [], schema: TestSchema.child)
        XCTAssertNil(reader.nextBatch())
        XCTAssertEqual(reader.counts, CaseReadCounts())
    }

    func testEmptyDirectoryGivesNothing() throws {
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let result = read([scratch.path("empty")])
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.diagnostics, [])
    }

    func testDiagnosticsPastTheLimitAreCountedNotShown() throws {
        let lines = (1...30).map { _ in "garbage" }.joined(separator: "\n")
        let path = try scratch.write("g.ndjson", lines)
        let other = try scratch.write("h.ndjson", "nope\n" + #"{"id": "H"}"#)
        let reader = CaseReader(paths: [path, other], schema: TestSchema.child, batchSize: 7)
        reader.maxDiagnosticsPerFile = 10
        var diagnostics: [Diagnostic] = [], ids: [String] = []
        while let batch = reader.nextBatch() {
            diagnostics += batch.diagnostics
            ids += batch.records.compactMap(\.id)
        }
        XCTAssertEqual(diagnostics.count, 10 + 1 + 1, "ten shown, one note, then the next file's own error")
        XCTAssertEqual(diagnostics[10].severity, .note)
        XCTAssertEqual(diagnostics[10].message, "more than 10 problems in this file; the rest are counted but not shown")
        XCTAssertEqual(diagnostics[11].location.file, other)
        XCTAssertEqual(reader.counts.errors, 31)
        XCTAssertEqual(reader.counts.recordsSkipped, 31)
        XCTAssertEqual(ids, ["H"])
    }

    func testReadsTextInMemory() {
        let yaml = CaseReader.read(text: "- id: A\n- id: B\n  birth_date: 2024-02-30\n", format: .yaml,
                                   file: "example.yaml", schema: TestSchema.child)
        XCTAssertEqual(yaml.records.map(\.id), ["A"])
        XCTAssertEqual(yaml.diagnostics.first?.location.description, "example.yaml:3:15")
        XCTAssertEqual(yaml.counts.recordsRead, 2)
        XCTAssertEqual(yaml.counts.files, 1)

        let json = CaseReader.read(text: #"[{"id": "J1"}, {"id": "J2"}]"#, format: .json, file: "-", schema: TestSchema.child)
        XCTAssertEqual(json.records.map(\.id), ["J1", "J2"])

        let ndjson = CaseReader.read(text: "{\"id\": \"N1\"}\nbad\n{\"id\": \"N3\"}", format: .ndjson, file: "-",
                                     schema: TestSchema.child)
        XCTAssertEqual(ndjson.records.map(\.id), ["N1", "N3"])
        XCTAssertEqual(ndjson.records.map(\.location.line), [1, 3])
        XCTAssertEqual(ndjson.counts.recordsSkipped, 1)

        for format in CaseFileFormat.allCases {
            let empty = CaseReader.read(text: "", format: format, file: "empty", schema: TestSchema.child)
            XCTAssertEqual(empty.records.count, 0)
            XCTAssertEqual(empty.diagnostics.map(\.message), ["the file is empty: it holds no case records"], "\(format)")
        }
    }

    func testDuplicateIdsAreWarnedAboutAndKept() throws {
        let a = try scratch.write("a.json", #"[{"id": "C1"}, {"id": "C2"},\#n {"id": "C1"}]"#)
        let b = try scratch.write("b.yaml", "- id: C2\n- id: C3\n")
        let result = read([a, b])
        XCTAssertEqual(result.ids, ["C1", "C2", "C1", "C2", "C3"])
        XCTAssertEqual(result.rendered, [
            "a.json:2: warning: child id 'C1' appears again; first seen at \(a):1\n  hint: each child should have one record; findings for both will carry the same id",
            "b.yaml:1: warning: child id 'C2' appears again; first seen at \(a):1\n  hint: each child should have one record; findings for both will carry the same id",
        ])
        let reader = CaseReader(paths: [a, b], schema: TestSchema.child)
        reader.reportsDuplicateIds = false
        var diagnostics: [Diagnostic] = []
        while let batch = reader.nextBatch() { diagnostics += batch.diagnostics }
        XCTAssertEqual(diagnostics, [])
    }

    func testBatchesCanBeIteratedWithForIn() throws {
        let path = try scratch.write("c.ndjson", (1...5).map { #"{"id": "C\#($0)"}"# }.joined(separator: "\n"))
        let reader = CaseReader(paths: [path], schema: TestSchema.child, batchSize: 2)
        var ids: [String] = []
        for batch in reader { ids += batch.records.compactMap(\.id) }
        XCTAssertEqual(ids, ["C1", "C2", "C3", "C4", "C5"])
        XCTAssertEqual(reader.counts.recordsLoaded, 5)
    }
}
