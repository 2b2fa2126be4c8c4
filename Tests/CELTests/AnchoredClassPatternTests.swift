import Foundation
import XCTest
@testable import CEL

/// The quick matcher for whole-text character-class patterns must agree with the regular
/// expression engine on every pattern it takes, and take none it could get wrong.
final class AnchoredClassPatternTests: XCTestCase {
    private let patterns = [
        "^[0-9]{12}$", "^[0-9]+$", "^[A-Za-z0-9]+$", "^[A-HJ-NP-RT-Z0-9]$", "^[A-Za-z][0-9]{12}$",
        "^\\d{4}$", "^[0-9]*$", "^[a-c]?$", "^[0-9]{2,4}$", "^[0-9]{2,}$", "^ab[0-9]$", "^$",
    ]
    private let texts = [
        "", "1", "123456789012", "12345678901", "1234567890123", "A12345678901", "a123456789012", "A123456789012",
        "abc", "ABC123", "I", "O", "Z", "9", "12 4", "1234\n", "\n", "١٢٣", "é", "ab1", "ab12", "-", "a", "b", "1234", "12345",
    ]

    func testAgreesWithTheRegularExpressionEngine() throws {
        for pattern in patterns {
            let quick = try XCTUnwrap(AnchoredClassPattern(pattern), "\(pattern) should take the quick path")
            let engine = try NSRegularExpression(pattern: RE2Dialect.icuPattern(for: pattern))
            for text in texts {
                let found = engine.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
                XCTAssertEqual(quick.matches(text), found, "\(pattern) on \(text.debugDescription)")
            }
        }
    }

    func testLeavesEverythingElseToTheEngine() {
        for pattern in ["[0-9]+", "^[0-9]+", "[0-9]+$", "^a|b$", "^(ab)+$", "^[^0-9]+$", "^.+$", "^\\w+$", "^[0-9]+[a-z]$",
                        "^[0-9]+?$", "^[0-9]{2}{3}$", "^[z-a]$", "^[0-9$", "^é$", "^\\.$", "^a{1001}$", "^[0-9]{3,2}$", "^[-a]$", "^[a-]$"] {
            XCTAssertNil(AnchoredClassPattern(pattern), pattern)
        }
    }

    func testMatchesThroughCELAsBefore() throws {
        XCTAssertEqual(RegexCache.shared.matches("A123456789012", "^[A-Za-z][0-9]{12}$").literalText, "true")
        XCTAssertEqual(RegexCache.shared.matches("A12345678901\n", "^[A-Za-z][0-9]{11}$").literalText, "false",
                       "RE2's $ is the very end of the text")
        XCTAssertEqual(RegexCache.shared.matches("x", "^[0-9]+$").literalText, "false")
    }
}
