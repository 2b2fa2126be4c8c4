import XCTest
import CEL

/// Maps built on a shared shape: one set of keys and index, values of their own.
final class MapShapeTests: XCTestCase {
    func testMapsOnOneShapeLookUpTheirOwnValues() throws {
        let shape = try XCTUnwrap(MapShape(stringKeys: ["date", "kind", "seen"]))
        XCTAssertEqual(shape.count, 3)
        let a = MapValue(shape: shape, values: [.int(1), .string("cp"), .bool(true)])
        let b = MapValue(shape: shape, values: [.int(2), .string("cin"), .bool(false)])
        XCTAssertTrue(a.shape.isIdentical(to: b.shape))
        XCTAssertEqual(a[string: "kind"]?.literalText, "\"cp\"")
        XCTAssertEqual(b[string: "kind"]?.literalText, "\"cin\"")
        XCTAssertEqual(b[.string("date")]?.literalText, "2")
        XCTAssertNil(a[string: "worker"])
        XCTAssertEqual(a.keys.map(\.literalText), ["\"date\"", "\"kind\"", "\"seen\""])
        XCTAssertEqual(Array(b.entries).map { "\($0.0.literalText)=\($0.1.literalText)" }, ["\"date\"=2", "\"kind\"=\"cin\"", "\"seen\"=false"])
    }

    func testChangingAShapedMapLeavesTheOthersAndTheShapeAlone() throws {
        let shape = try XCTUnwrap(MapShape(stringKeys: ["x", "y"]))
        var a = MapValue(shape: shape, values: [.int(1), .int(2)])
        let b = MapValue(shape: shape, values: [.int(3), .int(4)])
        a[string: "z"] = .int(5)
        a[string: "x"] = nil
        a[string: "y"] = .int(20)
        XCTAssertEqual(a.keys.map(\.literalText), ["\"y\"", "\"z\""])
        XCTAssertEqual(a[string: "y"]?.literalText, "20")
        XCTAssertFalse(a.shape.isIdentical(to: shape))
        XCTAssertEqual(b.keys.map(\.literalText), ["\"x\"", "\"y\""])
        XCTAssertEqual(b[string: "x"]?.literalText, "3")
        XCTAssertEqual(shape.keyValues.map(\.literalText), ["\"x\"", "\"y\""])
        XCTAssertNil(b[string: "z"])
    }

    func testALargeShapeIsIndexedAndARepeatedKeyIsRefused() throws {
        let names = (0..<40).map { "field\($0)" }
        let shape = try XCTUnwrap(MapShape(stringKeys: names))
        let m = MapValue(shape: shape, values: (0..<40).map { .int(Int64($0)) })
        for i in stride(from: 0, to: 40, by: 7) {
            XCTAssertEqual(m[string: "field\(i)"]?.literalText, "\(i)")
            XCTAssertEqual(m.value(forKey: .string("field\(i)"), hash: MapKey.string("field\(i)").fastHash)?.literalText, "\(i)")
        }
        XCTAssertNil(m[string: "field40"])
        XCTAssertNil(MapShape(stringKeys: ["a", "b", "a"]))
    }
}
