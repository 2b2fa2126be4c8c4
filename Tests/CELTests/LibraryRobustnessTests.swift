import XCTest
@testable import CEL

/// Every library overload, called with awkward values of the kinds it accepts: extremes,
/// empty and odd strings, NaN, out-of-range host values. Each call must return (no trap),
/// and a non-error result must have the type the overload declares to the checker.
final class LibraryRobustnessTests: XCTestCase {
    private static let samples: [ArgKind: [Value]] = [
        .int: [.int(0), .int(-1), .int(1), .int(7), .int(64), .int(.max), .int(.min)],
        .uint: [.uint(0), .uint(1), .uint(.max)],
        .double: [.double(0), .double(-0.0), .double(2.5), .double(-1e300), .double(.nan), .double(.infinity),
                  .double(-.infinity), .double(.leastNonzeroMagnitude), .double(9.223372036854775807e18)],
        .string: [.string(""), .string("a"), .string("%"), .string("%.9999999f"), .string("é\u{301}🐱"), .string("("),
                  .string("1h"), .string("2009-02-13T23:31:30Z"), .string("+99:99"), .string("-"), .string("\u{0}"),
                  .string(String(repeating: "ab", count: 50))],
        .bytes: [.bytes([]), .bytes([0xFF]), .bytes(Array("ok".utf8))],
        .bool: [.bool(true)],
        .null: [.null],
        .list: [.list([]), .list([.string("a"), .int(1)]), .list([.double(.nan), .uint(.max), .int(.min)])],
        .map: [.map(MapValue())],
        .timestamp: [.timestamp(Timestamp(seconds: 0)), .timestamp(Timestamp(seconds: TimestampText.maxSeconds, nanos: 999_999_999)),
                     .timestamp(Timestamp(seconds: TimestampText.minSeconds)), .timestamp(Timestamp(seconds: .max)),
                     .timestamp(Timestamp(seconds: .min))],
        .duration: [.duration(CELDuration(seconds: 0)), .duration(CELDuration(seconds: -1, nanos: -5)),
                    .duration(CELDuration(seconds: 9_223_372_036, nanos: 854_775_807)), .duration(CELDuration(seconds: .max)),
                    .duration(CELDuration(seconds: .min))],
        .any: [.int(3), .double(-2.5), .uint(9), .string("x"), .list([.int(1), .double(2)]), .list([]), .null],
    ]

    func testEveryOverloadSurvivesAwkwardArguments() {
        var calls = 0
        for (name, overloads) in FunctionRegistry.library.functions {
            for overload in overloads {
                // Variadic math functions: the small arities cover the code paths.
                if overload.parameters.count > 3 && overload.parameters.allSatisfy({ $0 == .any }) { continue }
                for args in combinations(overload.parameters) {
                    let result = overload.implementation(args)
                    calls += 1
                    if case .error = result { continue }
                    XCTAssertTrue(conforms(result, to: overload.resultType),
                                  "\(name) [\(overload.id)] returned \(result.celType), declared \(overload.resultType)")
                }
            }
        }
        XCTAssertGreaterThan(calls, 1000)
    }

    private func combinations(_ kinds: [ArgKind]) -> [[Value]] {
        var out: [[Value]] = [[]]
        for kind in kinds {
            let options = Self.samples[kind] ?? []
            out = out.flatMap { prefix in options.map { prefix + [$0] } }
        }
        return out
    }

    private func conforms(_ value: Value, to type: CELType) -> Bool {
        switch type {
        case .dyn: return true
        case .listOf: return value.celType == .list
        case .mapOf: return value.celType == .map
        default: return value.celType == type
        }
    }
}
