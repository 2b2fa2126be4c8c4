import Foundation
import XCTest
import CEL

/// Evaluation limits: a careless expression stops with a cost-limit error instead of
/// running away.
final class CostLimitTests: XCTestCase {
    let big = Value.list((0..<1_000_000).map { Value.int(Int64($0)) })

    func testComprehensionOverALargeListStopsAtTheIterationLimit() throws {
        let harness = CoreHarness(["xs": big])
        let limits = EvaluationLimits(maxSteps: .max, maxIterations: 10_000, maxStringSize: .max)
        let start = Date()
        let error = try XCTUnwrap(XCTAssertEvalError(harness, "xs.all(x, x >= 0)", kind: .costLimitExceeded, limits: limits))
        XCTAssertTrue(error.message.contains("cost limit"), error.message)
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0)
        // The same expression within the default limits completes.
        XCTAssertCEL(harness, "xs.all(x, x >= 0)", .bool(true))
    }

    func testNestedComprehensionsStopAtTheStepLimit() {
        let harness = CoreHarness(["xs": .list((0..<2_000).map { Value.int(Int64($0)) })])
        // 4 million inner iterations: over the default step limit of 10 million? No: each costs
        // several steps, so the default limit stops it.
        XCTAssertEvalError(harness, "xs.exists(x, xs.exists(y, x + y < 0))", kind: .costLimitExceeded)
        let tight = EvaluationLimits(maxSteps: 1_000, maxIterations: .max, maxStringSize: .max)
        XCTAssertEvalError(harness, "xs.map(x, x * 2).size() > 0", kind: .costLimitExceeded, limits: tight)
    }

    func testLogicDoesNotHideAnExceededLimit() {
        let harness = CoreHarness(["xs": big])
        let limits = EvaluationLimits(maxSteps: .max, maxIterations: 100, maxStringSize: .max)
        XCTAssertEvalError(harness, "xs.all(x, x >= 0) || true", kind: .costLimitExceeded, limits: limits)
        XCTAssertEvalError(harness, "[1, 2, 3].exists(i, xs.all(x, x >= 0) || true)", kind: .costLimitExceeded, limits: limits)
    }

    func testGrowingStringsStopAtTheSizeLimit() {
        let harness = CoreHarness(["s": .string(String(repeating: "a", count: 600))])
        let limits = EvaluationLimits(maxSteps: .max, maxIterations: .max, maxStringSize: 1_000)
        XCTAssertEvalError(harness, "s + s", kind: .costLimitExceeded, limits: limits)
        XCTAssertEvalError(harness, "[1, 2].map(i, s + s)", kind: .costLimitExceeded, limits: limits)
        XCTAssertCEL(harness, "size(s + s)", .int(1200))
    }

    func testRepeatedConcatenationOfALargeListIsBounded() {
        let harness = CoreHarness(["xs": .list((0..<200_000).map { Value.int(Int64($0)) })])
        // Each iteration would copy 400,000 elements: the copying is charged as steps.
        XCTAssertEvalError(harness, "xs.map(x, xs + xs).size() > 0", kind: .costLimitExceeded)
    }

    func testLongExpressionsExceedATinyStepLimit() {
        let harness = CoreHarness(["n": .int(1)])
        let limits = EvaluationLimits(maxSteps: 3, maxIterations: .max, maxStringSize: .max)
        XCTAssertEvalError(harness, "n + n + n + n", kind: .costLimitExceeded, limits: limits)
    }

    func testExpressionsAtTheLimitStillSucceed() throws {
        let harness = CoreHarness(["xs": .list([.int(1), .int(2), .int(3)])])
        let limits = EvaluationLimits(maxSteps: .max, maxIterations: 3, maxStringSize: .max)
        XCTAssertEqual(try harness.eval("xs.all(x, x > 0)", limits: limits).literalText, "true")
    }
}
