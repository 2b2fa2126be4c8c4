import CEL
import CaseModel
import CaseSources
import Foundation
import XCTest

/// Workbooks built in the test, each exercising one kind of messy cell or file.
final class AnnexASyntheticWorkbookTests: XCTestCase {
    typealias C = TestWorkbook.Cell

    private let cpHeader: [C?] = [.text("Child Unique ID"), .text("Child Protection Plan Start Date"),
                                  .text("Initial Category of Abuse"), .text("Child Protection Plan End Date"),
                                  .text("Allocated Worker")]

    private func read(_ sheets: [(String, [[C?]])], uses1904: Bool = false) -> AnnexAReadResult {
        var book = TestWorkbook()
        book.sheets = sheets.map { (name: $0.0, rows: $0.1) }
        book.uses1904Dates = uses1904
        return AnnexAReader.readWorkbook(book.data(), file: "cases.xlsx")
    }

    private func plan(_ result: AnnexAReadResult, _ id: String) -> Value? {
        result.children.first { $0.record.id == id }?.record.value[field: "cp_plans"]?[item: 0]
    }

    func testSerialDatesCountFrom1900WithExcelsPhantomLeapDay() {
        let result = read([("List 7", [cpHeader,
                                       [.number("9001"), .number("59"), .text("Neglect"), .number("61")],
                                       [.number("9002"), .number("45352.75"), .text("Neglect"), .number("60")]])])
        XCTAssertEqual(plan(result, "9001")?[field: "start_date"]?.asDate, CalendarDate("1900-02-28"))
        XCTAssertEqual(plan(result, "9001")?[field: "end_date"]?.asDate, CalendarDate("1900-03-01"))
        // 45352.75 is 2024-03-01 at 18:00: the time of day is dropped.
        XCTAssertEqual(plan(result, "9002")?[field: "start_date"]?.asDate, CalendarDate("2024-03-01"))
        XCTAssertNil(plan(result, "9002")?[field: "end_date"], "day 60 is 29 February 1900, which never was")
        let error = result.diagnostics.first { $0.severity == .error }
        XCTAssertEqual(error?.location, SourceLocation(file: "cases.xlsx#List 7", line: 3, column: 4))
        XCTAssertTrue(error?.message.contains("'Child Protection Plan End Date'") == true, "\(String(describing: error))")
        XCTAssertTrue(error?.message.contains("29 February 1900") == true)
    }

    func testWorkbookUsing1904DatesCountsFromThen() {
        let result = read([("List 7", [cpHeader, [.number("9003"), .number("44090"), .text("NEG")]])], uses1904: true)
        XCTAssertEqual(plan(result, "9003")?[field: "start_date"]?.asDate, CalendarDate("2024-09-17"))
    }

    func testNotAvailableAndBlankCellsReadAsNothingOtherErrorsAreWarned() {
        let result = read([("List 7", [cpHeader,
                                       [.number("9004"), .number("45352"), .error("#N/A"), nil, .error("#N/A")],
                                       [.number("9005"), .number("45352"), .text("NEG"), .error("#REF!"), .inline("  Ann   Other ")]])])
        XCTAssertNil(plan(result, "9004")?[field: "initial_category"])
        XCTAssertNil(plan(result, "9004")?[field: "end_date"])
        XCTAssertNil(result.children.first { $0.record.id == "9004" }?.record.value[field: "worker"])
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("'Initial Category of Abuse' is blank") })
        let ref = result.diagnostics.first { $0.message.contains("#REF!") }
        XCTAssertEqual(ref?.severity, .warning)
        XCTAssertEqual(ref?.location.line, 3)
        XCTAssertEqual(result.children.first { $0.record.id == "9005" }?.record.value[field: "worker"]?.textValue, "Ann Other",
                       "inline string, white space tidied")
    }

    func testHeadersInOtherCaseAndWordingBelowATitleRowOnAnUnnamedSheet() {
        let header: [C?] = [.inline("CHILD ID"), .inline("date of birth "), .inline("Plan start date"),
                            .inline("initial category"), .inline("LATEST CATEGORY OF ABUSE"), .inline("Seen alone?"),
                            .inline("Date of last statutory visit"), .inline("Previous plans (number)")]
        let result = read([("Protection plans", [[.text("Annex A - children on protection plans")], [], header,
                                                 [.inline("X-1"), .text("03/04/2015"), .text("2024-03-01"), .text("b) Physical abuse"),
                                                  .text("Multiple/mixed"), .bool(false), .formula("TODAY()-3", cached: "45390"), .number("2")]])])
        XCTAssertFalse(result.diagnostics.contains { $0.message.contains("not an Annex A") }, "\(result.diagnostics)")
        let child = result.children.first { $0.record.id == "X-1" }
        XCTAssertEqual(child?.record.value[field: "birth_date"]?.asDate, CalendarDate("2015-04-03"), "day first, as in the UK")
        let p = child?.record.value[field: "cp_plans"]?[item: 0]
        XCTAssertEqual(p?[field: "start_date"]?.asDate, CalendarDate("2024-03-01"))
        XCTAssertEqual(p?[field: "initial_category"]?.textValue, "PHY")
        XCTAssertEqual(p?[field: "latest_category"]?.textValue, "MUL")
        XCTAssertEqual(p?[field: "previous_plans"]?.intValue, 2)
        let visit = child?.record.value[field: "visits"]?[item: 0]
        XCTAssertEqual(visit?[field: "date"]?.asDate, CalendarDate("2024-04-08"), "a formula's cached value")
        XCTAssertEqual(visit?[field: "seen_alone"]?.boolValue, false)
        XCTAssertEqual(child?.itemLocations["cp_plans[0]"], SourceLocation(file: "cases.xlsx#Protection plans", line: 4))
    }

    func testBadDateCellIsAnErrorNamingSheetRowHeaderAndValueAndTheRestLoads() {
        let result = read([("List 7", [cpHeader, [.number("9006"), .text("31/02/2024"), .text("Neglect"), nil, .text("Sam Worker")]])])
        let error = result.diagnostics.first { $0.severity == .error }
        XCTAssertEqual(error?.location, SourceLocation(file: "cases.xlsx#List 7", line: 2, column: 2))
        XCTAssertEqual(error?.message,
                       "List 7 (Child protection) row 2, child 9006, 'Child Protection Plan Start Date': '31/02/2024' is not a date: February 2024 has no day 31")
        XCTAssertNil(plan(result, "9006")?[field: "start_date"])
        XCTAssertEqual(plan(result, "9006")?[field: "initial_category"]?.textValue, "NEG")
        XCTAssertEqual(result.children.first?.record.value[field: "worker"]?.textValue, "Sam Worker")
    }

    func testTextThatIsNoDateAndAnswerThatIsNoYesOrNoAreErrors() {
        let header: [C?] = [.text("Child Unique ID"), .text("Date of referral"), .text("Referral NFA?")]
        let result = read([("List 3", [header, [.number("9007"), .text("next week"), .text("maybe")]])])
        let messages = result.diagnostics.filter { $0.severity == .error }.map(\.message)
        XCTAssertTrue(messages.contains { $0.hasSuffix("'Date of referral': 'next week' is not a date (write dates as dd/mm/yyyy or yyyy-mm-dd)") },
                      "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasSuffix("'Referral NFA?': 'maybe' is not yes or no") }, "\(messages)")
        XCTAssertEqual(result.children.count, 1)
    }

    func testRowWithoutChildIdIsLeftOutAndCounted() throws {
        var book = TestWorkbook()
        book.sheets = [(name: "List 7", rows: [cpHeader, [nil, .number("45352"), .text("NEG")], [.number("9008"), .number("45352"), .text("NEG")],
                                               [.error("#REF!"), .number("45352")]])]
        let folder = try ScratchFolder()
        let path = try folder.write("Annex_A.xlsx", book.data())
        let reader = CaseReader(paths: [path], schema: try AnnexAFixture.schema())
        var diagnostics: [Diagnostic] = [], records: [CaseRecord] = []
        while let batch = reader.nextBatch() {
            diagnostics += batch.diagnostics
            records += batch.records
        }
        XCTAssertEqual(records.map(\.id), ["9008"])
        XCTAssertEqual(reader.counts.recordsSkipped, 2)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.location),
                       [SourceLocation(file: path + "#List 7", line: 2), SourceLocation(file: path + "#List 7", line: 4)])
        XCTAssertEqual(records.first?.location, SourceLocation(file: path, line: 3))
        XCTAssertEqual(records.first?.location(ofItem: "cp_plans[0]"), SourceLocation(file: path + "#List 7", line: 3))
    }

    func testSheetThatIsNoListIsWarnedAndPassedOver() {
        let result = read([("Notes", [[.text("Prepared by"), .text("Data team")]]),
                           ("List 7", [cpHeader, [.number("9009"), .number("45352"), .text("NEG")]])])
        XCTAssertEqual(result.children.map(\.record.id), ["9009"])
        let warning = result.diagnostics.first { $0.message.contains("'Notes' is not an Annex A list") }
        XCTAssertEqual(warning?.location, SourceLocation(file: "cases.xlsx#Notes", line: 0))
    }

    func testUnknownColumnIsWarnedWithASuggestion() {
        let header = cpHeader + [.text("Allocated Teem")]
        let result = read([("List 7", [header, [.number("9010"), .number("45352"), .text("NEG")]])])
        let warning = result.diagnostics.first { $0.message.contains("'Allocated Teem' is not an Annex A column") }
        XCTAssertEqual(warning?.hint, "did you mean 'Allocated Team'?")
        XCTAssertEqual(warning?.location.column, 6)
    }

    func testCorruptZipIsOneErrorAndNothingElse() {
        var bytes = TestWorkbook().data()
        bytes = Data(bytes.prefix(30)) + Data(repeating: 0x41, count: 200)
        let result = AnnexAReader.readWorkbook(bytes, file: "broken.xlsx")
        XCTAssertEqual(result.children.count, 0)
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertEqual(result.diagnostics.first?.severity, .error)
        XCTAssertEqual(result.diagnostics.first?.location, SourceLocation(file: "broken.xlsx", line: 0))
        XCTAssertTrue(result.diagnostics.first?.message.contains("damaged") == true, "\(result.diagnostics)")
    }

    func testFileThatIsNotAZipSaysSo() {
        let result = AnnexAReader.readWorkbook(Data("Child Unique ID,Gender\n1,a) Male\n".utf8), file: "renamed.xlsx")
        XCTAssertEqual(result.diagnostics.map(\.message), ["the file is not an Excel workbook (.xlsx): it is not a zip archive"])
        XCTAssertNotNil(result.diagnostics.first?.hint)
    }

    func testZipThatIsNotAWorkbookSaysSo() {
        let zip = StoredZipWriter.archive([(path: "notes.txt", data: Data("hello".utf8))])
        let result = AnnexAReader.readWorkbook(zip, file: "photos.xlsx")
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertEqual(result.diagnostics.first?.message,
                       "the file is a zip archive but not an Excel workbook: it has no 'xl/workbook.xml'")
    }

    func testWorkbookWithMalformedSheetXMLIsAnErrorNamingThePart() {
        var entries: [(path: String, data: Data)] = [
            (path: "xl/workbook.xml", data: Data("<workbook xmlns:r=\"r\"><sheets><sheet name=\"List 7\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            (path: "xl/worksheets/sheet1.xml", data: Data("<worksheet><sheetData><row r=\"1\"><c r=\"A1\"".utf8)),
        ]
        entries.append((path: "[Content_Types].xml", data: Data("<Types/>".utf8)))
        let result = AnnexAReader.readWorkbook(StoredZipWriter.archive(entries), file: "bad.xlsx")
        XCTAssertEqual(result.diagnostics.count, 1)
        XCTAssertTrue(result.diagnostics[0].message.contains("'xl/worksheets/sheet1.xml' is not well-formed XML"), "\(result.diagnostics)")
    }

    func testExternalEntitiesInASheetAreNotResolved() throws {
        let folder = try ScratchFolder()
        let secret = try folder.write("secret.txt", "TOP-SECRET")
        let sheet = """
        <?xml version="1.0"?><!DOCTYPE x [<!ENTITY ext SYSTEM "file://\(secret)">]>
        <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Child Unique ID</t></is></c>\
        <c r="B1" t="inlineStr"><is><t>Child Protection Plan Start Date</t></is></c>\
        <c r="C1" t="inlineStr"><is><t>Allocated Worker</t></is></c></row>\
        <row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>45352</v></c><c r="C2" t="inlineStr"><is><t>&ext;</t></is></c></row>\
        </sheetData></worksheet>
        """
        let zip = StoredZipWriter.archive([
            (path: "xl/workbook.xml", data: Data("<workbook xmlns:r=\"r\"><sheets><sheet name=\"List 7\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            (path: "xl/worksheets/sheet1.xml", data: Data(sheet.utf8)),
        ])
        let result = AnnexAReader.readWorkbook(zip, file: "xxe.xlsx")
        let worker = result.children.first?.record.value[field: "worker"]?.textValue
        XCTAssertEqual(result.children.count, 1, "the row still loads")
        XCTAssertNil(worker, "the entity reads as nothing")
        XCTAssertFalse(result.diagnostics.contains { $0.message.contains("TOP-SECRET") })
    }

    func testEntityExpansionBombInASheetDoesNotBlowUp() {
        var doctype = "<!ENTITY l0 \"lollollollollollollollollollol\">"
        for n in 1...9 { doctype += "<!ENTITY l\(n) \"" + String(repeating: "&l\(n - 1);", count: 10) + "\">" }
        let sheet = """
        <?xml version="1.0"?><!DOCTYPE x [\(doctype)]>
        <worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Child Unique ID</t></is></c>\
        <c r="B1" t="inlineStr"><is><t>Allocated Worker</t></is></c></row>\
        <row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>&l9;</t></is></c></row>\
        </sheetData></worksheet>
        """
        let zip = StoredZipWriter.archive([
            (path: "xl/workbook.xml", data: Data("<workbook xmlns:r=\"r\"><sheets><sheet name=\"List 7\" r:id=\"rId1\"/></sheets></workbook>".utf8)),
            (path: "xl/worksheets/sheet1.xml", data: Data(sheet.utf8)),
        ])
        let started = Date()
        let result = AnnexAReader.readWorkbook(zip, file: "bomb.xlsx")
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
        let worker = result.children.first?.record.value[field: "worker"]?.textValue ?? ""
        XCTAssertLessThan(worker.count, 1_000_000, "a billion laughs must not be expanded")
    }

    func testNamedListWithoutAnIdColumnSaysWhatIsMissing() {
        let result = read([("List 4", [[.text("Name"), .text("Continuous Assessment Start Date")], [.text("Ann"), .number("45352")]])])
        XCTAssertEqual(result.children.count, 0)
        XCTAssertEqual(result.diagnostics.map(\.message),
                       ["sheet 'List 4' has no 'Child Unique ID' column in its first 12 rows; it is not read"])
    }

    func testRichTextSharedStringsPhoneticGuidesAbsoluteTargetsAndCellsWithoutReferences() {
        let rns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let strings = """
        <sst><si><r><t>Child </t></r><r><rPr><b/></rPr><t>Unique ID</t></r><rPh><t>IGNORED</t></rPh></si>\
        <si><t>Allocated Worker</t></si><si><r><t>Jo </t></r><r><t>Bloggs</t></r></si></sst>
        """
        let sheet = """
        <worksheet><sheetData><row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>\
        <row><c><v>77</v></c><c t="s"><v>2</v></c></row></sheetData></worksheet>
        """
        let zip = StoredZipWriter.archive([
            (path: "_rels/.rels", data: Data("<Relationships><Relationship Id=\"r1\" Type=\"\(rns)/officeDocument\" Target=\"/book/wb.xml\"/></Relationships>".utf8)),
            (path: "book/wb.xml", data: Data("<x:workbook xmlns:x=\"x\" xmlns:rel=\"r\"><x:sheets><x:sheet name=\"List 7\" rel:id=\"a\"/></x:sheets></x:workbook>".utf8)),
            (path: "book/_rels/wb.xml.rels", data: Data("""
            <Relationships><Relationship Id="a" Type="\(rns)/worksheet" Target="/book/s/one.xml"/>\
            <Relationship Id="b" Type="\(rns)/sharedStrings" Target="strings.xml"/></Relationships>
            """.utf8)),
            (path: "book/strings.xml", data: Data(strings.utf8)),
            (path: "book/s/one.xml", data: Data(sheet.utf8)),
        ])
        let result = AnnexAReader.readWorkbook(zip, file: "odd.xlsx")
        XCTAssertEqual(result.children.map(\.record.id), ["77"], "\(result.diagnostics)")
        XCTAssertEqual(result.children.first?.record.value[field: "worker"]?.textValue, "Jo Bloggs")
        XCTAssertEqual(result.children.first?.itemLocations["cp_plans[0]"], SourceLocation(file: "odd.xlsx#List 7", line: 2))
    }
}
