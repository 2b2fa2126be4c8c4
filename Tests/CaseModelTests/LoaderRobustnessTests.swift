import XCTest
import CaseModel

/// Damaged input never crashes a loader: every mangled file gives diagnostics or a value.
final class LoaderRobustnessTests: XCTestCase {
    /// A seeded generator so that a failure can be reproduced.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private func mangle(_ text: String, _ rng: inout SplitMix) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<Int.random(in: 1...4, using: &rng) where !lines.isEmpty {
            let i = Int.random(in: 0..<lines.count, using: &rng)
            switch Int.random(in: 0..<6, using: &rng) {
            case 0: lines.remove(at: i)
            case 1: lines.insert(lines[i], at: i)                        // repeated keys
            case 2: lines[i] = "\t" + lines[i]
            case 3: lines[i] = String(lines[i].dropLast(Int.random(in: 0...lines[i].count, using: &rng)))
            case 4: lines[i] = lines[i].replacingOccurrences(of: ":", with: "")
            default: lines[i] += [" {", " [", "]", "}", ": :", " # ", " é", "\u{0}"].randomElement(using: &rng)!
            }
        }
        return lines.joined(separator: "\n")
    }

    func testMangledSchemasNeverCrash() throws {
        let text = try String(contentsOfFile: packageRoot + "/rules/schema.yaml", encoding: .utf8)
        var rng = SplitMix(state: 42)
        for round in 0..<80 {
            let result = CaseSchema.parse(yaml: mangle(text, &rng), file: "schema.yaml")
            XCTAssertTrue(result.value != nil || !result.diagnostics.isEmpty, "round \(round)")
            for d in result.diagnostics { XCTAssertFalse(d.message.isEmpty) }
        }
    }

    func testMangledCalendarsNeverCrash() throws {
        let text = try String(contentsOfFile: packageRoot + "/rules/calendars/england-and-wales.yaml", encoding: .utf8)
        var rng = SplitMix(state: 7)
        for round in 0..<80 {
            let result = WorkingDayCalendar.parse(yaml: mangle(text, &rng), file: "cal.yaml")
            XCTAssertTrue(result.value != nil || !result.diagnostics.isEmpty, "round \(round)")
        }
    }

    func testRandomTextNeverCrashesTheScalarParsers() {
        var rng = SplitMix(state: 99)
        let alphabet = Array("0123456789- .:/+abcdefghijklmnoprstuvwxyWMDY\t\u{00e9}\u{0663}\u{200b}")
        for _ in 0..<5_000 {
            let text = String((0..<Int.random(in: 0...14, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            if let d = CalendarDate(iso: text) { XCTAssertEqual(d.isoString, text) }
            if let s = try? CalendarSpan(parsing: text) { XCTAssertEqual(try? CalendarSpan(parsing: s.description), s) }
        }
    }
}
