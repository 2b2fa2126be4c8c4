import Foundation
import Reports
import XCTest

/// WCAG 2.1 contrast of the dashboard's colours, read from the stylesheet the page carries:
/// text at least 4.5:1 on its background (1.4.3), chart marks at least 3:1 on white (1.4.11).
final class DashboardContrastTests: XCTestCase {
    private var css = ""

    override func setUp() {
        let page = HTMLDashboardRenderer().document(Fixtures.input())
        css = page.components(separatedBy: "<style>").dropFirst().first?.components(separatedBy: "</style>").first ?? ""
    }

    /// The first `property:#hex` inside the rule for `selector`.
    private func colour(_ selector: String, _ property: String) throws -> String {
        let rule = try XCTUnwrap(css.components(separatedBy: selector + "{").dropFirst().first?.components(separatedBy: "}").first,
                                 "no rule for \(selector)")
        let value = try XCTUnwrap(rule.components(separatedBy: property + ":").dropFirst().first?.prefix(7), "\(selector) has no \(property)")
        if value.hasPrefix("var(--") {
            let name = rule.components(separatedBy: property + ":var(").dropFirst().first?.components(separatedBy: ")").first ?? ""
            return try variable(name)
        }
        return String(value)
    }

    private func variable(_ name: String) throws -> String {
        let value = try XCTUnwrap(css.components(separatedBy: name + ":").dropFirst().first?.prefix(7), "no \(name)")
        return String(value)
    }

    static func luminance(_ hex: String) -> Double {
        let digits = Array(hex.dropFirst())
        let channels = stride(from: 0, to: 6, by: 2).map { Double(Int(String(digits[$0 ..< $0 + 2]), radix: 16) ?? 0) / 255 }
        let linear = channels.map { $0 <= 0.03928 ? $0 / 12.92 : pow(($0 + 0.055) / 1.055, 2.4) }
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (x, y) = (luminance(a), luminance(b))
        return (max(x, y) + 0.05) / (min(x, y) + 0.05)
    }

    func testContrastFormulaMatchesKnownValues() {
        XCTAssertEqual(Self.contrast("#000000", "#ffffff"), 21, accuracy: 0.01)
        XCTAssertEqual(Self.contrast("#777777", "#ffffff"), 4.48, accuracy: 0.01)
    }

    func testTextColoursReadOnTheirBackgrounds() throws {
        let white = "#ffffff", panel = try variable("--panel")
        for text in [try variable("--ink"), try variable("--muted"), try colour("a", "color")] {
            XCTAssertGreaterThanOrEqual(Self.contrast(text, white), 4.5, "\(text) on white")
            XCTAssertGreaterThanOrEqual(Self.contrast(text, panel), 4.5, "\(text) on the panel colour \(panel)")
        }
    }

    func testSeverityBadgesAndChartMarks() throws {
        for severity in ["critical", "high", "medium", "low", "info"] {
            let background = try colour(".sev-\(severity)", "background")
            // Badges carry white text on the severity colour; bars need 3:1 against the page.
            XCTAssertGreaterThanOrEqual(Self.contrast("#ffffff", background), 4.5, "white text on \(severity) \(background)")
            XCTAssertGreaterThanOrEqual(Self.contrast(try colour(".sev-\(severity)", "fill"), "#ffffff"), 3, "\(severity) bars")
        }
        for mark in [".bar", ".bar-overdue"] {
            XCTAssertGreaterThanOrEqual(Self.contrast(try colour(mark, "fill"), "#ffffff"), 3, mark)
        }
    }
}
