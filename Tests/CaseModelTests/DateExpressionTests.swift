import XCTest
import CEL
import CaseModel

/// The date functions through real CEL expressions, compiled and evaluated.
final class DateExpressionTests: XCTestCase {
    var environment: Environment!
    var planSlot = 0, asOfSlot = 0

    override func setUpWithError() throws {
        var env = Environment()
        DateFunctions.install(into: &env, calendar: try englandAndWales())
        planSlot = env.declare("plan", type: .dyn)
        asOfSlot = env.declare("as_of", type: DateValue.celType)
        environment = env
    }

    private func eval(_ source: String, plan: Value = .null, asOf: String = "2024-09-01",
                      file: StaticString = #filePath, line: UInt = #line) -> Value {
        do {
            let program = try environment.compile(source)
            var activation = environment.makeActivation()
            activation[planSlot] = plan
            activation[asOfSlot] = .date(day(asOf))
            return program.evaluate(activation)
        } catch {
            XCTFail("\(source) did not compile: \(error)", file: file, line: line)
            return .null
        }
    }

    private func assertTrue(_ source: String, plan: Value = .null, file: StaticString = #filePath, line: UInt = #line) {
        let v = eval(source, plan: plan, file: file, line: line)
        guard case .bool(true) = v else { return XCTFail("\(source) gave \(v)", file: file, line: line) }
    }

    private func plan(_ fields: [(String, Value)]) -> Value { .map(MapValue(stringKeyed: fields)) }

    func testComparisonsAndConstructors() {
        assertTrue("date('2024-01-01') < date('2024-02-01')")
        assertTrue("date('2024-02-29') == date('2024-02-29')")
        assertTrue("date('2024-02-29') != date('2024-03-01')")
        assertTrue("date('2024-03-01') >= as_of - span('6 months')")
        assertTrue("type(date('2024-01-01')) == date")
        assertTrue("type(span('3 months')) == span")
        assertTrue("string(date('2024-02-29')) == '2024-02-29'")
        assertTrue("date(timestamp('2024-03-01T23:30:00Z')) == date('2024-03-01')")
        assertTrue("date('2024-01-01') in [date('2023-12-31'), date('2024-01-01')]")
    }

    func testArithmetic() {
        assertTrue("date('2024-01-31') + span('1 month') == date('2024-02-29')")
        assertTrue("date('2024-12-20') + span('10 working days') == date('2025-01-08')")
        assertTrue("date('2024-03-01') - date('2024-02-01') == 29")
        assertTrue("date('2024-02-28') + duration('48h') == date('2024-03-01')")
        assertTrue("date('2024-01-31').addMonths(1) == date('2024-02-29')")
        assertTrue("date('2024-12-21').addWorkingDays(1) == date('2024-12-23')")
        assertTrue("workingDaysBetween(date('2024-12-20'), date('2025-01-03')) == 7")
        assertTrue("daysBetween(date('2024-02-01'), date('2024-03-01')) == 29")
        assertTrue("!isWorkingDay(date('2025-04-21')) && date('2025-04-22').isWorkingDay()")
        assertTrue("date('2024-12-22').dayOfWeek() == 7 && date('2024-02-29').year() == 2024")
    }

    func testRuleShapedExpressions() {
        let p = plan([("start_date", .date(day("2024-01-10"))), ("end_date", .null),
                      ("reviews", .list([.date(day("2024-04-02")), .date(day("2024-09-20"))]))])
        assertTrue("plan.start_date + span('3 months') >= plan.reviews[0]", plan: p)
        assertTrue("plan.reviews.all(r, r >= plan.start_date)", plan: p)
        assertTrue("plan.reviews.exists(r, r > as_of)", plan: p)
        assertTrue("(plan.end_date == null ? as_of : plan.end_date) - plan.start_date == 235", plan: p)
    }

    func testErrorsAreValuesNamingTheProblem() {
        let p = plan([("start_date", .date(day("2024-01-10"))), ("end_date", .null)])
        guard case .error(let e1) = eval("workingDaysBetween(plan.start_date, plan.end_date) > 10", plan: p) else {
            return XCTFail("expected an error")
        }
        XCTAssertTrue(e1.message.contains("workingDaysBetween()"), e1.message)
        guard case .error(let e2) = eval("date('2024-02-30') < as_of") else { return XCTFail("expected an error") }
        XCTAssertTrue(e2.message.contains("February 2024 has 29 days"), e2.message)
        guard case .error(let e3) = eval("as_of + span('3 monhts')") else { return XCTFail("expected an error") }
        XCTAssertTrue(e3.message.contains("did you mean '3 months'?"), e3.message)
        guard case .error(let e4) = eval("plan.end_date.addDays(3)", plan: p) else { return XCTFail("expected an error") }
        XCTAssertTrue(e4.message.contains("addDays()"), e4.message)
    }

    func testCheckerRejectsWrongArgumentTypes() {
        XCTAssertThrowsError(try environment.compile("as_of.addDays('three')"))
        XCTAssertThrowsError(try environment.compile("workingDaysBetween(as_of, 3)"))
    }
}
