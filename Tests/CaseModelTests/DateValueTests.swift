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
        XCTAssertEqual(Value.date(d1).celType, .opaque("date"))
        XCTAssertEqual(DateValue.celType, .opaque("date"))
        XCTAssertTrue(DateValue.argKind.matches(.date(d1)))
        XCTAssertFalse(DateValue.argKind.matches(.string("2024-02-29")))
    }

    func testEqualityOrderingAndHash() {
        let a = DateValue.make(d1), b = DateValue.make(d2)
        XCTAssertTrue(a.isEqual(to: DateValue.make(d1)))
        XCTAssertFalse(a.isEqual(to: b))
        XCTAssertEqual(a.compare(to: b), -1)
        XCTAssertEqual(b.compare(to: a), 1)
        XCTAssertEqual(a.compare(to: DateValue.make(d1)), 0)
        var h1 = Hasher(), h2 = Hasher()
        a.hash(into: &h1)
        DateValue.make(d1).hash(into: &h2)
        XCTAssertEqual(h1.finalize(), h2.finalize())
        XCTAssertEqual(a.textDescription, "2024-02-29")
    }

    func testEqualityAndOrderOutsideInternedRange() {
        let early = CalendarDate(iso: "1850-06-01")!
        XCTAssertTrue(DateValue.make(early).isEqual(to: DateValue.make(early)))
        XCTAssertEqual(DateValue.make(early).compare(to: DateValue.make(d1)), -1)
        XCTAssertEqual(Value.date(early).asDate, early)
        let late = CalendarDate(iso: "2200-01-01")!
        XCTAssertEqual(DateValue.make(late).textDescription, "2200-01-01")
    }

    func testInterningSharesInstancesInRange() {
        XCTAssertTrue(DateValue.make(d1) === DateValue.make(d1))
        XCTAssertTrue(DateValue.make(DateValue.internedRange.lowerBound) === DateValue.make(DateValue.internedRange.lowerBound))
        XCTAssertTrue(DateValue.make(DateValue.internedRange.upperBound) === DateValue.make(DateValue.internedRange.upperBound))
        XCTAssertEqual(DateValue.make(DateValue.internedRange.upperBound).date, DateValue.internedRange.upperBound)
        let outside = DateValue.internedRange.upperBound.addingDays(1)
        XCTAssertFalse(DateValue.make(outside) === DateValue.make(outside))
        XCTAssertEqual(DateValue.make(outside).date, outside)
    }

    private final class NotADate: OpaqueValue {
        static let typeName = "other"
        func isEqual(to other: any OpaqueValue) -> Bool { false }
        func hash(into hasher: inout Hasher) {}
        var textDescription: String { "other" }
    }

    func testOtherOpaqueTypesAreNeitherEqualNorOrdered() {
        let a = DateValue.make(d1)
        XCTAssertFalse(a.isEqual(to: NotADate()))
        XCTAssertNil(a.compare(to: NotADate()))
    }
}
