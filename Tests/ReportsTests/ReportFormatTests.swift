import Foundation
import Reports
import XCTest

final class ReportFormatTests: XCTestCase {
    func testNames() {
        XCTAssertEqual(ReportFormat(name: "HTML"), .html)
        XCTAssertEqual(ReportFormat(name: "md"), .markdown)
        XCTAssertEqual(ReportFormat(name: "xml"), .junit)
        XCTAssertEqual(ReportFormat(name: "sarif"), .sarif)
        XCTAssertNil(ReportFormat(name: "pdf"))
        XCTAssertEqual(ReportFormat.allCases.map(\.fileExtension), ["html", "csv", "md", "sarif", "xml"])
    }

    func testEveryFormatIgnoresInputOrder() {
        let shuffled = Fixtures.findings.reversed() + []
        var rotated = Fixtures.findings
        rotated.append(rotated.removeFirst())
        for format in ReportFormat.allCases {
            let renderer = format.renderer()
            let expected = renderer.render(Fixtures.input())
            XCTAssertEqual(renderer.render(Fixtures.input(findings: shuffled)), expected, "\(format) depends on input order")
            XCTAssertEqual(renderer.render(Fixtures.input(findings: rotated)), expected, "\(format) depends on input order")
        }
    }

    func testNoTimestampUnlessAsked() {
        var input = Fixtures.input()
        let thisYear = "\(Calendar(identifier: .gregorian).component(.year, from: Date()))-"
        for format in ReportFormat.allCases {
            let plain = String(decoding: format.renderer().render(input), as: UTF8.self)
            XCTAssertFalse(plain.contains(thisYear), "\(format) shows a date nobody asked for")
        }
        input.generatedAt = "2024-06-01T07:30:00Z"
        for format in ReportFormat.allCases where format != .csv {
            let stamped = String(decoding: format.renderer().render(input), as: UTF8.self)
            XCTAssertTrue(stamped.contains("2024-06-01T07:30:00Z"), "\(format) leaves out the requested timestamp")
        }
    }

    func testFindingsOfUnknownRulesStillRender() {
        let stray = Fixtures.finding("NOT-LISTED", .medium, .breach, child: "C009", message: "m", line: 3)
        let input = ReportInput(findings: [stray], rules: [], asOf: Fixtures.date("2024-06-01"), counts: Fixtures.counts)
        XCTAssertEqual(input.rules.map(\.id), ["NOT-LISTED"])
        for format in ReportFormat.allCases {
            XCTAssertTrue(String(decoding: format.renderer().render(input), as: UTF8.self).contains("NOT-LISTED"), "\(format)")
        }
    }
}

extension ReportFormatTests {
    /// Rule files are written by people too: their text is escaped like case data.
    func testHostileRuleMetadataIsEscapedInEveryFormat() throws {
        let rule = RuleInfo(id: "X<1>", title: "=cmd|' /C calc'!A0 <script>alert(2)</script>", severity: .high,
                            area: "<i>area</i> | \"q\"", source: "@SUM(1)\n<b>", rationale: "</textarea><img src=x onerror=alert(3)>")
        let finding = Fixtures.finding("X<1>", .high, .overdue, child: "C1", message: "m", due: "2024-01-01", late: 3, line: 2)
        let input = ReportInput(findings: [finding], rules: [rule], asOf: Fixtures.date("2024-06-01"), counts: Fixtures.counts)
        for format in [ReportFormat.html, .markdown, .junit] {
            let text = String(decoding: format.renderer().render(input), as: UTF8.self)
            XCTAssertFalse(text.contains("<script>alert(2)"), "\(format)")
            XCTAssertFalse(text.contains("<img src=x"), "\(format)")
            XCTAssertFalse(text.contains("<i>area"), "\(format)")
        }
        XCTAssertNoThrow(try XMLTree.parse(JUnitRenderer().render(input)))
        let page = HTMLDashboardRenderer().document(input).replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        let root = try XMLTree.parse(Data(page.utf8))
        XCTAssertEqual(root.all("a").first?.attributes["title"], rule.title)
        let csv = try CSVParsing.records(String(decoding: CSVRenderer().render(input), as: UTF8.self))
        XCTAssertEqual(csv[1][CSVRenderer.columns.firstIndex(of: "title")!], "'" + rule.title)
        let sarif = try JSONSerialization.jsonObject(with: SARIFRenderer().render(input))
        XCTAssertEqual(SARIFSchemaChecks.violations(sarif), [])
    }
}
