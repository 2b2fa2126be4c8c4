import Foundation
import Reports
import XCTest

final class CSVRendererTests: XCTestCase {
    private func rows(_ input: ReportInput, bom: Bool = false) throws -> [[String]] {
        let data = CSVRenderer(byteOrderMark: bom).render(input)
        let text = String(decoding: bom ? data.dropFirst(3) : data, as: UTF8.self)
        return try CSVParsing.records(text)
    }

    func testMatchesGoldenFile() throws {
        try Golden.check(CSVRenderer().render(Fixtures.input()), against: "findings.csv")
    }

    func testOneRowPerFindingUnderTheHeader() throws {
        let records = try rows(Fixtures.input())
        XCTAssertEqual(records.first, CSVRenderer.columns)
        XCTAssertEqual(records.count, Fixtures.findings.count + 1)
        XCTAssertTrue(records.allSatisfy { $0.count == CSVRenderer.columns.count })
        let caseColumn = CSVRenderer.columns.firstIndex(of: "case")!
        XCTAssertEqual(Set(records.dropFirst().map { $0[caseColumn] }),
                       Set(Fixtures.findings.map { $0.caseID ?? "" }))
    }

    func testColumnsCarryTheFindingsFields() throws {
        let records = try rows(Fixtures.input())
        let column = { (name: String) in CSVRenderer.columns.firstIndex(of: name)! }
        let row = try XCTUnwrap(records.first { $0[column("case")] == "C003" })
        XCTAssertEqual(row[column("rule")], "ASSESS-45")
        XCTAssertEqual(row[column("title")], "Assessments completed within 45 working days")
        XCTAssertEqual(row[column("due")], "2023-11-20")
        XCTAssertEqual(row[column("days_late")], "194")
        XCTAssertEqual(row[column("file")], "cases/north.yaml")
        XCTAssertEqual(row[column("line")], "52")
        XCTAssertEqual(row[column("worker")], "")
        // Days late we computed ourselves stay numbers, minus sign and all.
        let dueSoon = try XCTUnwrap(records.first { $0[column("case")] == "C004" })
        XCTAssertEqual(dueSoon[column("days_late")], "-3")
    }

    func testByteOrderMarkOnlyWhenAsked() {
        XCTAssertEqual(Array(CSVRenderer(byteOrderMark: true).render(Fixtures.input()).prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertEqual(CSVRenderer().render(Fixtures.input()).first, UInt8(ascii: "c"))
        XCTAssertEqual(ReportFormat.csv.renderer(options: .init(csvByteOrderMark: true)).render(Fixtures.input()).prefix(3),
                       Data([0xEF, 0xBB, 0xBF]))
    }

    func testHostileValuesAreNeutralisedAndQuoted() throws {
        let records = try rows(Fixtures.hostileInput(), bom: true)
        let column = { (name: String) in CSVRenderer.columns.firstIndex(of: name)! }
        let cells = records.dropFirst().flatMap { $0 }
        // No cell a spreadsheet would read as a formula.
        for cell in cells {
            guard let first = cell.first else { continue }
            XCTAssertFalse(["=", "+", "-", "@", "\t", "\r"].contains(first), "cell starts with a formula character: \(cell)")
        }
        let byChild = Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0[column("case")], $0) })
        let scripted = try XCTUnwrap(byChild[Fixtures.scriptID])
        XCTAssertEqual(scripted[column("worker")], "'" + Fixtures.formulaWorker)
        XCTAssertEqual(scripted[column("team")], Fixtures.quotedTeam)
        XCTAssertEqual(scripted[column("message")], Fixtures.multilineMessage)
        let rtl = try XCTUnwrap(byChild["مريم [U+202E]gnp.exe"], "right-to-left override made visible: \(byChild.keys)")
        XCTAssertEqual(rtl[column("worker")], "'+SUM(A1:A9)")
        XCTAssertEqual(rtl[column("team")], "'@team")
        let emoji = try XCTUnwrap(byChild[Fixtures.emoji])
        XCTAssertEqual(emoji[column("worker")], "'\tTabbed")
        XCTAssertEqual(emoji[column("team")], "'\rCR")
        XCTAssertEqual(emoji[column("message")], "'-2+3 and \u{FFFD} bell")
    }

    func testFormulaAfterLeadingSpacesIsNeutralised() throws {
        var finding = Fixtures.findings[0]
        finding.worker = "  =1+1"
        let records = try rows(Fixtures.input(findings: [finding]))
        XCTAssertEqual(records[1][CSVRenderer.columns.firstIndex(of: "worker")!], "'  =1+1")
    }
}
