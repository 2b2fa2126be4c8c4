import XCTest
import CEL

/// The map representation: its own hash index, copy-on-write, and CEL's key rules.
final class MapValueTests: XCTestCase {
    func testLookupAcrossNumericKeyKinds() throws {
        let m = try XCTUnwrap(MapValue([(.int(1), .string("a")), (.uint(2), .string("b")), (.bool(true), .string("c"))]))
        XCTAssertEqual(m[.uint(1)]?.literalText, "\"a\"")
        XCTAssertEqual(m[.int(2)]?.literalText, "\"b\"")
        XCTAssertEqual(m[.double(2.0)]?.literalText, "\"b\"")
        XCTAssertNil(m[.double(2.5)])
        XCTAssertEqual(m[.bool(true)]?.literalText, "\"c\"")
        XCTAssertNil(m[.string("1")])
        XCTAssertNil(m[.list([])])
    }

    func testDuplicateAndInvalidKeysAreRejected() {
        XCTAssertNil(MapValue([(.int(1), .null), (.uint(1), .null)]))
        XCTAssertNil(MapValue([(.list([]), .null)]))
        XCTAssertNil(MapValue([(.string("é"), .null), (.string("é"), .null)]))
        XCTAssertNotNil(MapValue([(.string("\u{E9}"), .null), (.string("e\u{301}"), .null)]),
                        "canonically equivalent strings are different keys in CEL")
    }

    func testManyKeysKeepOrderAndStayFindable() {
        var m = MapValue()
        for i in 0..<5_000 { m[string: "k\(i)"] = .int(Int64(i)) }
        XCTAssertEqual(m.count, 5_000)
        for i in stride(from: 0, to: 5_000, by: 97) { XCTAssertEqual(m[string: "k\(i)"]?.literalText, "\(i)") }
        XCTAssertEqual(m.keys.first?.literalText, "\"k0\"")
        XCTAssertEqual(m.keys.last?.literalText, "\"k4999\"")
        XCTAssertNil(m[string: "k5000"])
    }

    func testSettingAndRemovingCopiesOnWrite() {
        var a = MapValue(stringKeyed: [("x", .int(1)), ("y", .int(2)), ("z", .int(3))])
        let b = a
        a[string: "x"] = .int(10)
        a[string: "y"] = nil
        a[string: "w"] = .int(4)
        XCTAssertEqual(Value.map(a).literalText, "{\"x\": 10, \"z\": 3, \"w\": 4}")
        XCTAssertEqual(Value.map(b).literalText, "{\"x\": 1, \"y\": 2, \"z\": 3}")
        XCTAssertEqual(a[string: "z"]?.literalText, "3")
        XCTAssertNil(a[string: "y"])
    }

    func testRepeatedStringKeysKeepTheLastValue() {
        let m = MapValue(stringKeyed: [("a", .int(1)), ("b", .int(2)), ("a", .int(3))])
        XCTAssertEqual(Value.map(m).literalText, "{\"a\": 3, \"b\": 2}")
    }

    func testEqualKeysHashEqually() {
        XCTAssertEqual(MapKey(.int(7))!.fastHash, MapKey(.uint(7))!.fastHash)
        XCTAssertEqual(MapKey(.double(7))!.fastHash, MapKey(.int(7))!.fastHash)
        XCTAssertEqual(MapKey(.int(7)), MapKey(.uint(7)))
        XCTAssertNotEqual(MapKey(.string("a")), MapKey(.string("b")))
    }
}
