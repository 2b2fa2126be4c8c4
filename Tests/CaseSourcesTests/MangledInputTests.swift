import CEL
import CaseModel
import CaseSources
import XCTest

/// Mangled case files (bytes dropped, changed, repeated) must never crash a loader, and
/// every record met must be either loaded or counted as skipped.
final class MangledInputTests: XCTestCase {
    /// A small seeded generator so that a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let json = #"""
    [{"id": "C1", "birth_date": "2015-06-01", "disabilities": ["HEAR"], "extra": {"n": [1, -2.5e3, "\u00e9\n"]},
      "cp_plans": [{"start_date": "2024-01-10", "end_date": null, "previous_plans": 2, "reviews": ["2024-04-02"]}],
      "visits": [{"date": "2024-01-12", "seen": true, "seen_alone": false, "worker": "Ann"}]},
     {"id": "C2", "team": "North"}]
    """#

    static let yaml = """
    - id: C1
      birth_date: 2015-06-01
      extra: {n: [1, -2.5e3, "é"], m: &a {x: 1}, k: *a}
      cp_plans:
        - start_date: 2024-01-10
          reviews: [2024-04-02]
      visits:
        - {date: 2024-01-12, seen: true, worker: Ann}
    ---
    id: C2
    team: North
    """

    private func mangle(_ text: String, seed: UInt64) -> String {
        var g = Generator(state: seed)
        var bytes = Array(text.utf8)
        let alphabet = Array("{}[]:,\"'\\-#&*!|>\n\t 0123456789eE.ntfu".utf8) + [0xC3, 0xFF, 0x00]
        for _ in 0..<(1 + g.next(4)) {
            guard !bytes.isEmpty else { break }
            let i = g.next(bytes.count)
            switch g.next(4) {
            case 0: bytes.remove(at: i)
            case 1: bytes[i] = alphabet[g.next(alphabet.count)]
            case 2: bytes.insert(alphabet[g.next(alphabet.count)], at: i)
            default: bytes.insert(contentsOf: bytes[i..<min(bytes.count, i + g.next(20))], at: i)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func check(_ format: CaseFileFormat, _ text: String, rounds: Int) {
        let clean = CaseReader.read(text: text, format: format, file: "clean", schema: TestSchema.child)
        XCTAssertEqual(clean.records.map(\.id), ["C1", "C2"], "the unmangled input loads")
        XCTAssertEqual(clean.counts.errors, 0, "\(clean.diagnostics)")
        for seed in 0..<UInt64(rounds) {
            let mangled = mangle(text, seed: seed)
            let result = CaseReader.read(text: mangled, format: format, file: "m", schema: TestSchema.child)
            XCTAssertEqual(result.records.count, result.counts.recordsLoaded, "seed \(seed)")
            XCTAssertTrue(result.records.allSatisfy { $0.id.map { !$0.isEmpty } ?? false }, "seed \(seed)")
            if result.counts.recordsSkipped > 0 {
                XCTAssertGreaterThan(result.counts.errors, 0, "a skipped record is always explained; seed \(seed)")
            }
        }
    }

    func testMangledJSON() { check(.json, Self.json, rounds: 400) }

    func testMangledNDJSON() {
        let lines = Self.json.dropFirst().dropLast().replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "},  {", with: "}\n{")
        check(.ndjson, lines, rounds: 400)
    }

    func testMangledYAML() { check(.yaml, Self.yaml, rounds: 300) }
}
