import Foundation
import Reports
import XCTest

final class MarkdownRendererTests: XCTestCase {
    private func render(_ input: ReportInput) -> String {
        String(decoding: MarkdownRenderer().render(input), as: UTF8.self)
    }

    /// The cells of a table row, split on pipes that are not backslash-escaped.
    private func cells(_ line: String) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for character in line.dropFirst().dropLast() {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; current.append(character); continue }
            if character == "|" { cells.append(current.trimmingCharacters(in: .whitespaces)); current = "" } else { current.append(character) }
        }
        cells.append(current.trimmingCharacters(in: .whitespaces))
        return cells
    }

    func testMatchesGoldenFile() throws {
        try Golden.check(MarkdownRenderer().render(Fixtures.input()), against: "findings.md")
    }

    func testSummaryAndOneTablePerTeam() {
        let text = render(Fixtures.input())
        XCTAssertTrue(text.hasPrefix("# Health check as of 2024-06-01\n"))
        XCTAssertTrue(text.contains("| Children checked | 41 |"))
        XCTAssertTrue(text.contains("| Overdue items | 3 |"))
        XCTAssertTrue(text.contains("| Oldest overdue item | 194 days late (child C003, ASSESS-45) |"))
        let teams = text.split(separator: "\n").filter { $0.hasPrefix("## Team: ") }
        XCTAssertEqual(teams, ["## Team: North (3 findings)", "## Team: South (3 findings)", "## Team: no team (2 findings)"])
        // Within a team, most days late first.
        let north = text.components(separatedBy: "## Team: North")[1].components(separatedBy: "## Team:")[0]
        let order = ["C001 | CP-REVIEW", "C001 | CP-VISITS", "C002 | CP-VISITS"].map { north.range(of: $0)?.lowerBound }
        XCTAssertFalse(order.contains(nil))
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted())
    }

    func testEveryTableRowHasItsColumnsEvenWithHostileText() {
        let text = render(Fixtures.hostileInput())
        var inTable = false, width = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard line.hasPrefix("|") else { inTable = false; continue }
            if !inTable { inTable = true; width = cells(line).count; continue }
            XCTAssertEqual(cells(line).count, width, "row breaks its table: \(line)")
        }
    }

    func testHostileTextAddsNoMarkup() {
        let text = render(Fixtures.hostileInput())
        XCTAssertFalse(text.contains("<script>"))
        XCTAssertTrue(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertFalse(text.contains("<b>"))
        XCTAssertTrue(text.contains("\\[link\\](javascript:alert(1))"), "links are not made")
        XCTAssertTrue(text.contains("\\*stars\\*"))
        XCTAssertTrue(text.contains("first line second line third"), "line breaks become spaces")
        XCTAssertTrue(text.contains("\\| pipe"))
        XCTAssertTrue(text.contains("مريم \\[U+202E\\]gnp.exe"), "right-to-left override made visible")
        XCTAssertTrue(text.contains(Fixtures.emoji))
        XCTAssertFalse(text.contains("\u{202E}"))
        XCTAssertFalse(text.contains("\u{0007}"))
    }

    func testNoFindingsSaysSo() {
        let text = render(Fixtures.input(findings: []))
        XCTAssertTrue(text.contains("No findings."))
        XCTAssertFalse(text.contains("## Team:"))
    }
}
