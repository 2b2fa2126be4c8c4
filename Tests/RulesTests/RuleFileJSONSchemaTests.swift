import Foundation
import XCTest
@testable import Rules

final class RuleFileJSONSchemaTests: XCTestCase {
    private func definitions() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(RuleFileJSONSchema.text().utf8))
        let root = try XCTUnwrap(object as? [String: Any])
        return try XCTUnwrap(root["definitions"] as? [String: Any])
    }

    func testRuleKeysAreExactlyTheOnesTheLoaderAccepts() throws {
        let rule = try XCTUnwrap(try definitions()["rule"] as? [String: Any])
        let properties = try XCTUnwrap(rule["properties"] as? [String: Any])
        XCTAssertEqual(Set(properties.keys), Set(RuleParser.allowedKeys))
        XCTAssertEqual((rule["oneOf"] as? [[String: Any]])?.count, RuleKind.keywords.count)
        let kindKeys = { (kind: String) in Set(((properties[kind] as? [String: Any])?["properties"] as? [String: Any])?.keys ?? [:].keys) }
        XCTAssertEqual(kindKeys("deadline"), Set(KindParser.deadlineKeys))
        XCTAssertEqual(kindKeys("cadence"), Set(KindParser.cadenceKeys))
        XCTAssertEqual(kindKeys("duration"), Set(KindParser.durationKeys))
        XCTAssertEqual(kindKeys("no_overlap"), Set(KindParser.noOverlapKeys))
        XCTAssertEqual(kindKeys("aggregate"), Set(KindParser.aggregateKeys))
        let examples = try XCTUnwrap((properties["examples"] as? [String: Any])?["items"] as? [String: Any])
        XCTAssertEqual(Set((examples["properties"] as? [String: Any])?.keys ?? [:].keys), Set(ExampleParser.keys))
    }

    func testDurationPatternAcceptsWhatTheLoaderAccepts() throws {
        let duration = try XCTUnwrap(try definitions()["duration"] as? [String: Any])
        let pattern = try NSRegularExpression(pattern: try XCTUnwrap(duration["pattern"] as? String))
        func matches(_ s: String) -> Bool { pattern.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil }
        XCTAssertTrue(matches("45 working days"))
        XCTAssertTrue(matches("1 month"))
        XCTAssertFalse(matches("3 monhts"))
    }

    func testOutputIsStable() {
        XCTAssertEqual(RuleFileJSONSchema.text(), RuleFileJSONSchema.text())
    }
}
