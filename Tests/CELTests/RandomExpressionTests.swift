import Foundation
import XCTest
import CEL

/// Generates random well-formed expressions from CEL's grammar (operators, macros, library
/// calls, extreme literals) and evaluates them unchecked under tight limits: whatever the
/// mix of types and values, the result is a value or an error value, never a crash.
final class RandomExpressionTests: XCTestCase {
    struct Generator {
        var state: UInt64

        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }

        mutating func pick(_ options: [String]) -> String { options[next(options.count)] }

        static let literals = [
            "0", "1", "-1", "9223372036854775807", "-9223372036854775808", "18446744073709551615u", "0u",
            "1.5", "-0.0", "1e308", "-1e308", "double('NaN')", "double('inf')", "''", "'abc'", "'é🙂'",
            "b''", "b'\\xff'", "true", "false", "null", "[]", "[1, 'a']", "{}", "{'k': 1}", "{1: 'one'}",
            "x", "xs", "m", "s", "int", "type(1)", "timestamp('2024-02-29T12:00:00Z')", "duration('1h')",
            "duration('-9999999999s')", "timestamp('9999-12-31T23:59:59Z')",
        ]
        static let binary = ["+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=", "&&", "||", "in"]
        static let functions = [
            "size(%@)", "int(%@)", "uint(%@)", "double(%@)", "string(%@)", "bytes(%@)", "bool(%@)",
            "type(%@)", "dyn(%@)", "timestamp(%@)", "duration(%@)", "%@.size()", "%@.contains(%@)",
            "%@.startsWith(%@)", "%@.endsWith(%@)", "%@.matches(%@)", "%@.charAt(%@)", "%@.indexOf(%@)",
            "%@.lastIndexOf(%@)", "%@.substring(%@)", "%@.substring(%@, %@)", "%@.replace(%@, %@)",
            "%@.split(%@)", "%@.join(%@)", "%@.lowerAscii()", "%@.upperAscii()", "%@.trim()",
            "%@.format(%@)", "strings.quote(%@)", "math.greatest(%@, %@)", "math.least(%@)",
            "math.abs(%@)", "math.ceil(%@)", "math.round(%@)", "math.bitShiftLeft(%@, %@)",
            "math.bitAnd(%@, %@)", "math.sqrt(%@)", "%@.getFullYear()", "%@.getHours(%@)",
            "%@.getDayOfWeek()", "%@.getMilliseconds()", "%@.reverse()", "%@.repeat(%@)",
        ]
        static let macros = [
            "%@.all(v, %@)", "%@.exists(v, %@)", "%@.exists_one(v, %@)", "%@.map(v, %@)",
            "%@.filter(v, %@)", "%@.map(v, %@, %@)", "%@.all(i, v, %@)", "%@.transformList(i, v, %@)",
            "%@.transformMap(k, v, %@)", "%@.transformMapEntry(k, v, {k: %@})", "has(%@.k)",
        ]

        mutating func expression(depth: Int) -> String {
            if depth <= 0 { return pick(Generator.literals) }
            switch next(9) {
            case 0, 1: return pick(Generator.literals)
            case 2, 3: return "(\(expression(depth: depth - 1)) \(pick(Generator.binary)) \(expression(depth: depth - 1)))"
            case 4: return pick(["-", "!"]) + "(\(expression(depth: depth - 1)))"
            case 5: return "(\(expression(depth: depth - 1)) ? \(expression(depth: depth - 1)) : \(expression(depth: depth - 1)))"
            case 6: return fill(pick(Generator.functions), depth: depth)
            case 7: return fill(pick(Generator.macros), depth: depth)
            default: return "\(expression(depth: depth - 1))[\(expression(depth: depth - 1))]"
            }
        }

        mutating func fill(_ template: String, depth: Int) -> String {
            var out = ""
            var rest = Substring(template)
            while let range = rest.range(of: "%@") {
                out += rest[..<range.lowerBound]
                out += expression(depth: depth - 1)
                rest = rest[range.upperBound...]
            }
            return out + rest
        }
    }

    func testRandomExpressionsNeverCrash() throws {
        var environment = Environment()
        let x = environment.declare("x")
        let xs = environment.declare("xs")
        let m = environment.declare("m")
        let s = environment.declare("s")
        var activation = environment.makeActivation()
        activation[x] = .int(7)
        activation[xs] = .list([.int(1), .string("two"), .double(3.5), .null, .list([])])
        activation[m] = .map(MapValue(stringKeyed: [("k", .int(1)), ("v", .string("s"))]))
        activation[s] = .string("a,b,c")
        let limits = EvaluationLimits(maxSteps: 50_000, maxIterations: 5_000, maxStringSize: 100_000)
        // CEL_FUZZ_ROUNDS widens the search (each round is 6,000 expressions from its own seed).
        let rounds = Int(ProcessInfo.processInfo.environment["CEL_FUZZ_ROUNDS"] ?? "") ?? 1
        var generator = Generator(state: 2024)
        var compiled = 0
        var values = 0
        for round in 0..<rounds * 6_000 {
            if round % 6_000 == 0 { generator = Generator(state: 2024 &+ UInt64(round)) }
            let source = generator.expression(depth: 4)
            guard let program = try? environment.compile(source, checked: false) else { continue }
            compiled += 1
            if case .error = program.evaluate(activation, limits: limits) {} else { values += 1 }
        }
        XCTAssertGreaterThan(compiled, rounds * 5_000, "the generator should mostly produce valid syntax")
        XCTAssertGreaterThan(values, 100, "some random expressions should evaluate to values")
    }
}
