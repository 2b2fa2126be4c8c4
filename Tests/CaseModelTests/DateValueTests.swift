import XCTest
import CEL
import CaseModel

final class DateValueTests: XCTestCase {
    private let d1 = CalendarDate(iso: "2024-02-29")!
    private let d2 = CalendarDate(iso: "2024-03-01")!

    func testRoundTripThroughValue() {
        XCTAssertEqual(Value.date(d1).asDate, d1)
        XCTAssertNil(Value.string("2024-02-29").asDate)
        XCTAssertNil(Value.null.asDate)
        XCTAssertNil(Value.int(Int64(d1.dayNumber)).asDate, "a number is not a date, whatever its value")
        XCTAssertEqual(Value.date(d1).celType, .opaque("date"))
        XCTAssertEqual(DateValue.celType, .opaque("date"))
        XCTAssertTrue(DateValue.argKind.matches(.date(d1)))
        XCTAssertFalse(DateValue.argKind.matches(.string("2024-02-29")))
    }

    /// Evaluates an expression over `a` and `b` bound to dates.
    private func evaluate(_ source: String, _ a: CalendarDate, _ b: CalendarDate) throws -> Value {
        var functions = FunctionRegistry.standard
        functions.merge(DateFunctions.registry(calendar: .weekendsOnly))
        var env = Environment(functions: functions)
        env.declareType(DateValue.celType)
        let slotA = env.declare("a", type: DateValue.celType), slotB = env.declare("b", type: DateValue.celType)
        var activation = env.makeActivation()
        activation[slotA] = .date(a)
        activation[slotB] = .date(b)
        return try env.compile(source).evaluate(activation)
    }

    func testEqualityAndOrderingInExpressions() throws {
        XCTAssertEqual(try evaluate("a == b", d1, d1).literalText, "true")
        XCTAssertEqual(try evaluate("a != b", d1, d2).literalText, "true")
        XCTAssertEqual(try evaluate("a < b", d1, d2).literalText, "true")
        XCTAssertEqual(try evaluate("a >= b", d2, d1).literalText, "true")
        XCTAssertEqual(try evaluate("[a, b].exists(x, x == b)", d1, d2).literalText, "true")
        XCTAssertEqual(try evaluate("string(a)", d1, d2).literalText, "\"2024-02-29\"")
    }

    func testDatesFarFromTodayKeepTheirValueAndOrder() throws {
        let early = CalendarDate(iso: "1850-06-01")!, late = CalendarDate(iso: "2200-01-01")!
        XCTAssertEqual(Value.date(early).asDate, early)
        XCTAssertEqual(Value.date(late).asDate, late)
        XCTAssertEqual(Value.date(late).literalText, "2200-01-01")
        XCTAssertEqual(try evaluate("a < b", early, late).literalText, "true")
    }

    private final class NotADate: OpaqueValue {
        static let typeName = "other"
        func isEqual(to other: any OpaqueValue) -> Bool { false }
        func hash(into hasher: inout Hasher) {}
        var textDescription: String { "other" }
    }

    private final class DayCount: ScalarType, @unchecked Sendable {
        init() { super.init(name: "daycount") }
    }

    func testOtherHostTypesAreNeitherEqualNorOrderedWithDates() throws {
        let otherScalar = DayCount()
        var env = Environment()
        env.declareType(DateValue.celType)
        let slotA = env.declare("a", type: DateValue.celType), slotO = env.declare("o")
        let equal = try env.compile("a == o"), less = try env.compile("a < o")
        for other in [Value.opaque(NotADate()), .scalar(ScalarValue(otherScalar, bits: Int64(d1.dayNumber)))] {
            var activation = env.makeActivation()
            activation[slotA] = .date(d1)
            activation[slotO] = other
            XCTAssertEqual(equal.evaluate(activation).literalText, "false")
            XCTAssertTrue(less.evaluate(activation).isError, "no order between a date and \(other.celType)")
        }
    }
}
