import CaseModel
import History
import XCTest

/// Mangled waivers files never crash the loader: every outcome is waivers or diagnostics.
final class WaiverFileRobustnessTests: XCTestCase {
    private let valid = """
        waivers:
          - fingerprint: 0123456789abcdef
            reason: visits agreed monthly
            by: J Smith
            until: 2024-12-31
            status: overdue
            due: 2024-06-01
        """

    func testTruncatedAndMutatedFilesGiveDiagnosticsNotCrashes() {
        var generator = SystemRandomNumberGenerator()
        let bytes = Array(valid.utf8)
        let noise = Array(":-[]{}#&*!|>'\"%@` \t\n".utf8) + Array("az09".utf8)
        for cut in 0...bytes.count {
            let text = String(decoding: bytes[..<cut], as: UTF8.self)
            let result = WaiverFile.parse(text, file: "w.yaml", today: CalendarDate(iso: "2024-06-01")!)
            XCTAssertTrue(result.value != nil || result.hasErrors, "cut at \(cut)")
        }
        for _ in 0..<500 {
            var mutated = bytes
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                mutated[Int.random(in: 0..<mutated.count, using: &generator)] = noise.randomElement(using: &generator)!
            }
            let result = WaiverFile.parse(String(decoding: mutated, as: UTF8.self), file: "w.yaml",
                                          today: CalendarDate(iso: "2024-06-01")!)
            for waiver in result.value ?? [] {
                // Whatever loads is a complete waiver.
                XCTAssertEqual(waiver.fingerprint.count, 16)
                XCTAssertFalse(waiver.reason.isEmpty)
                XCTAssertFalse(waiver.by.isEmpty)
            }
            for diagnostic in result.diagnostics {
                XCTAssertTrue(diagnostic.location.file == "w.yaml" && diagnostic.location.line >= 1, "\(diagnostic)")
            }
        }
    }

    func testTheValidFileLoadsCompletely() throws {
        let waivers = try WaiverFile.parse(valid, file: "w.yaml", today: CalendarDate(iso: "2024-06-01")!).get()
        XCTAssertEqual(waivers, [Waiver(fingerprint: "0123456789abcdef", reason: "visits agreed monthly", by: "J Smith",
                                        until: CalendarDate(iso: "2024-12-31")!, created: CalendarDate(iso: "2024-06-01")!,
                                        status: .overdue, due: CalendarDate(iso: "2024-06-01")!, source: "w.yaml:2")])
        XCTAssertEqual(try WaiverFile.parse("", file: "w.yaml", today: CalendarDate(iso: "2024-06-01")!).get(), [])
        XCTAssertEqual(try WaiverFile.parse("waivers:\n", file: "w.yaml", today: CalendarDate(iso: "2024-06-01")!).get(), [])
    }

    func testContentHashesTellFilesApart() throws {
        let folder = try TemporaryFolder()
        let a = folder.file("a.yaml"), b = folder.file("b.yaml")
        XCTAssertTrue(FileManager.default.createFile(atPath: a, contents: Data("id: C1\n".utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: b, contents: Data("id: C2\n".utf8)))
        let hashA = try InputFile.hashing(path: a)
        XCTAssertEqual(hashA.hash.count, 16)
        XCTAssertEqual(hashA, try InputFile.hashing(path: a))
        XCTAssertNotEqual(hashA.hash, try InputFile.hashing(path: b).hash)
        XCTAssertEqual(hashA.hash, ContentHash.of(Data("id: C1\n".utf8)))
        XCTAssertNotEqual(try ContentHash.ofFiles(at: [a, b]), try ContentHash.ofFiles(at: [b, a]))
        XCTAssertThrowsError(try InputFile.hashing(path: folder.file("missing.yaml")))
    }
}
