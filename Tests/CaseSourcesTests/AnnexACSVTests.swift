import CEL
import CaseModel
import CaseSources
import Foundation
import XCTest

/// Annex A lists exported as CSV, one list a file.
final class AnnexACSVTests: XCTestCase {
    private func read(_ text: String, file: String = "Annex A List 3.csv") -> AnnexAReadResult {
        AnnexAReader.readCSV(Array(text.utf8), file: file)
    }

    func testQuotedFieldsWithCommasQuotesAndLineBreaksCRLFAndByteOrderMark() {
        let text = "\u{FEFF}Child Unique ID,Date of Referral,Referral Source,Referral NFA?,Allocated Team,Allocated Worker\r\n"
            + "101,01/03/2024,\"q) 6: Police\",No,\"Team North, Duty\",\"Ann \"\"Nan\"\" Other\"\r\n"
            + "102,2024-03-04,\"e) 2A: Schools\",Yes,\"Team\r\nSouth\",Bo Worker\r\n"
            + "103,4 Mar 2024,8,N,#N/A,N/A\r\n"
        let result = read(text)
        XCTAssertEqual(result.children.map(\.record.id), ["101", "102", "103"])
        XCTAssertFalse(result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
        let first = result.children[0].record.value
        XCTAssertEqual(first[field: "team"]?.textValue, "Team North, Duty")
        XCTAssertEqual(first[field: "worker"]?.textValue, "Ann \"Nan\" Other")
        XCTAssertEqual(first[field: "episodes"]?[item: 0]?[field: "referral_date"]?.asDate, CalendarDate("2024-03-01"))
        XCTAssertEqual(first[field: "episodes"]?[item: 0]?[field: "referral_source"]?.textValue, "6")
        let second = result.children[1]
        XCTAssertEqual(second.record.value[field: "team"]?.textValue, "Team South", "a line break inside quotes is kept as a space")
        XCTAssertEqual(second.record.value[field: "episodes"]?[item: 0]?[field: "referral_nfa"]?.boolValue, true)
        XCTAssertEqual(second.record.location, SourceLocation(file: "Annex A List 3.csv", line: 3))
        // Row 103 starts on line 5: the quoted line break in row 102 took a line.
        let third = result.children[2]
        XCTAssertEqual(third.record.location.line, 5)
        XCTAssertEqual(third.record.value[field: "episodes"]?[item: 0]?[field: "referral_date"]?.asDate, CalendarDate("2024-03-04"))
        XCTAssertNil(third.record.value[field: "team"], "#N/A is nothing")
        XCTAssertNil(third.record.value[field: "worker"], "N/A is nothing")
    }

    func testListFoundFromHeadersWhenTheFileNameDoesNotSay() {
        let text = "Child ID,CP Plan Start Date,Initial Category of Abuse,Latest category\n7,2024-01-05,Neglect,Emotional abuse\n"
        let result = read(text, file: "export.csv")
        let plan = result.children.first?.record.value[field: "cp_plans"]?[item: 0]
        XCTAssertEqual(plan?[field: "start_date"]?.asDate, CalendarDate("2024-01-05"))
        XCTAssertEqual(plan?[field: "latest_category"]?.textValue, "EMO")
    }

    func testBadCellIsAnErrorWithLineColumnHeaderAndValueAndTheRowStillLoads() {
        let text = "Child Unique ID,Date of Referral,Number of Referrals in Last 12 Months\n201,32/01/2024,two\n"
        let result = read(text)
        let errors = result.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.location), [SourceLocation(file: "Annex A List 3.csv", line: 2, column: 2),
                                                SourceLocation(file: "Annex A List 3.csv", line: 2, column: 3)])
        XCTAssertEqual(errors.first?.message,
                       "List 3 (Referrals) row 2, child 201, 'Date of Referral': '32/01/2024' is not a date: January 2024 has no day 32")
        XCTAssertTrue(errors.last?.message.hasSuffix("'Number of Referrals in Last 12 Months': 'two' is not a whole number") == true)
        XCTAssertEqual(result.children.map(\.record.id), ["201"])
    }

    func testSerialNumberAndCompactDatesInTextAreRead() {
        let text = "Child Unique ID,Date of Contact,Contact Source\n301,44090,6\n302,20240229,6\n"
        let result = read(text, file: "list_01.csv")
        XCTAssertEqual(result.children[0].record.value[field: "contacts"]?[item: 0]?[field: "date"]?.asDate, CalendarDate("2020-09-16"))
        XCTAssertEqual(result.children[1].record.value[field: "contacts"]?[item: 0]?[field: "date"]?.asDate, CalendarDate("2024-02-29"))
    }

    func testUnclosedQuoteIsAnErrorAtItsLineAndEarlierRowsLoad() {
        let text = "Child Unique ID,Allocated Worker\n401,Ann\n402,\"Bo\n403,Cy\n"
        let result = read(text)
        XCTAssertEqual(result.children.map(\.record.id), ["401"])
        let error = result.diagnostics.first { $0.severity == .error }
        XCTAssertEqual(error?.location, SourceLocation(file: "Annex A List 3.csv", line: 3))
        XCTAssertTrue(error?.message.contains("never closed") == true)
    }

    func testFileThatIsNoListAndEmptyFileAreReported() {
        let notAList = read("Name,Colour\nAnn,blue\n", file: "favourites.csv")
        XCTAssertEqual(notAList.diagnostics.map(\.severity), [.error])
        XCTAssertEqual(notAList.diagnostics.first?.message, "the file is not an Annex A list: no header row fits one")
        let empty = read("", file: "List 4.csv")
        XCTAssertEqual(empty.diagnostics.map(\.message), ["the file is empty: it holds no case records"])
    }

    func testCaseReaderReadsCSVAndWorkbookFilesInAFolder() throws {
        let folder = try ScratchFolder()
        try folder.write("a/List 7.csv", "Child Unique ID,Child Protection Plan Start Date\n501,05/01/2024\n")
        var book = TestWorkbook()
        book.sheets = [(name: "List 3", rows: [[.text("Child Unique ID"), .text("Date of Referral")], [.number("502"), .number("45352")]])]
        try folder.write("b/Annex_A.xlsx", book.data())
        try folder.write("b/readme.txt", "not a case file")
        let result = CaseReader.readAll(paths: [folder.url.path], schema: try AnnexAFixture.schema().root)
        XCTAssertEqual(result.records.map(\.id), ["501", "502"])
        XCTAssertEqual(result.counts.files, 2)
        XCTAssertEqual(result.counts.errors, 0, "\(result.diagnostics)")
        XCTAssertTrue(result.records[1].location.file.hasSuffix("b/Annex_A.xlsx"))
    }

    func testCSVListsInOneFolderAreJoinedIntoOneRecordAChild() throws {
        let folder = try ScratchFolder()
        let referrals = try folder.write("export/List 3.csv", "Child Unique ID,Date of Referral\n601,01/03/2024\n602,02/03/2024\n")
        let plans = try folder.write("export/List 7.csv", "Child Unique ID,Child Protection Plan Start Date\n\n602,05/04/2024\n")
        let result = CaseReader.readAll(paths: [folder.url.path], schema: try AnnexAFixture.schema().root)
        XCTAssertEqual(result.records.map(\.id), ["601", "602"])
        XCTAssertEqual(result.counts.files, 2)
        XCTAssertFalse(result.diagnostics.contains { $0.message.contains("appears again") }, "\(result.diagnostics)")
        let joined = try XCTUnwrap(result.records.last)
        XCTAssertEqual(joined.location, SourceLocation(file: referrals, line: 3))
        XCTAssertEqual(joined.value[field: "cp_plans"]?[item: 0]?[field: "start_date"]?.asDate, CalendarDate("2024-04-05"))
        XCTAssertNil(joined.itemLines["cp_plans[0]"], "a line of List 7.csv would point into List 3.csv")

        let direct = AnnexAReader.readCSVFiles([(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: referrals))), file: referrals),
                                                (bytes: Array(try Data(contentsOf: URL(fileURLWithPath: plans))), file: plans)])
        XCTAssertEqual(direct.children.last?.itemLocations["cp_plans[0]"], SourceLocation(file: plans, line: 3))
    }

    func testTextDateFormsUsedInUKExports() {
        let dates = ["31/12/2024", "31-12-2024", "31.12.2024", "2024-12-31", "2024-12-31T00:00:00", "31/12/2024 09:30",
                     "31 Dec 2024", "31-Dec-2024", "31 December 2024", "1/2/2024"]
        let rows = dates.enumerated().map { "\(700 + $0.offset),\($0.element)" }.joined(separator: "\n")
        let result = read("Child Unique ID,Date of Referral\n" + rows + "\n")
        let read = result.children.map { $0.record.value[field: "episodes"]?[item: 0]?[field: "referral_date"]?.asDate }
        XCTAssertEqual(read, Array(repeating: CalendarDate("2024-12-31"), count: 9) + [CalendarDate("2024-02-01")])
        XCTAssertFalse(result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics)")
    }

    func testTwoDigitYearsAndImpossibleMonthsAreRefusedNotGuessed() {
        let result = read("Child Unique ID,Date of Referral\n801,01/02/24\n802,12/13/2024\n803,2024-02-30\n")
        let messages = result.diagnostics.filter { $0.severity == .error }.map(\.message)
        XCTAssertEqual(messages.count, 3, "\(messages)")
        XCTAssertTrue(messages[0].hasSuffix("'01/02/24' is not a date (write dates as dd/mm/yyyy or yyyy-mm-dd)"))
        XCTAssertTrue(messages[1].hasSuffix("'12/13/2024' is not a date: there is no month 13"))
        XCTAssertTrue(messages[2].hasSuffix("'2024-02-30' is not a date: February 2024 has no day 30"))
        XCTAssertEqual(result.children.count, 3, "the rows still load")
    }

    func testCodesSexAndYesNoAnswersAreNormalised() {
        let text = """
        Child Unique ID,Gender,Ethnicity,Unaccompanied Asylum Seeking Child (UASC),Child's Legal Status,Placement Type,Placement Provider,Reason Ceased to be Looked After,Date Started to be Looked After
        901,a) Male,a) WBRI,Y,E1: Placement order,f) U6: Foster placement - not FFA,PR1 – Own provision,E11,01/01/2020
        902,Female,Mixed other,no,C2,Residential,,,02/01/2020
        903,c) Not stated/recorded,,Unknown,,,,,03/01/2020
        """
        let result = read(text, file: "List 8.csv")
        let v = result.children.map(\.record.value)
        XCTAssertEqual(v.map { $0[field: "sex"]?.textValue }, ["1", "2", "0"])
        XCTAssertEqual(v[0][field: "ethnicity"]?.textValue, "WBRI")
        XCTAssertEqual(v[1][field: "ethnicity"]?.textValue, "Mixed other", "no code in the text: kept as written")
        XCTAssertEqual(v.map { $0[field: "uasc"]?.boolValue }, [true, false, nil])
        XCTAssertEqual(v[0][field: "care_periods"]?[item: 0]?[field: "legal_status"]?.textValue, "E1")
        XCTAssertEqual(v[0][field: "care_periods"]?[item: 0]?[field: "end_reason"]?.textValue, "E11")
        XCTAssertEqual(v[0][field: "placements"]?[item: 0]?[field: "type"]?.textValue, "U6")
        XCTAssertEqual(v[0][field: "placements"]?[item: 0]?[field: "provider"]?.textValue, "PR1")
        XCTAssertEqual(v[1][field: "placements"]?[item: 0]?[field: "type"]?.textValue, "Residential")
        XCTAssertNil(v[2][field: "placements"], "no placement cells: no placement item")
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .error && $0.message.hasSuffix("'Unknown' is not yes or no") })
    }

    func testWindows1252ExportFromExcelIsReadWithItsCurlyQuotes() {
        // "O’Neill" with the right single quote as Windows-1252 byte 0x92.
        var bytes = Array("Child Unique ID,Allocated Worker\r\n1001,Pat O".utf8)
        bytes.append(0x92)
        bytes += Array("Neill\r\n".utf8)
        let result = AnnexAReader.readCSV(bytes, file: "List 3.csv")
        XCTAssertEqual(result.children.first?.record.value[field: "worker"]?.textValue, "Pat O\u{2019}Neill")
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .note }.map(\.message),
                       ["the file is not UTF-8; it is read as Windows-1252 (Excel's plain CSV)"])
    }

    func testUnnamedListsAreToldApartByTheirOwnColumns() {
        let common = "Child Unique ID,Gender,Ethnicity,Date of Birth,Age,Does the Child have a Disability,Allocated Team,Allocated Worker"
        let cin = AnnexAReader.readCSV(Array((common + ",CIN Start Date,Primary Need Code\n1,a) Male,WBRI,01/01/2015,9,No,T,W,02/02/2024,N1\n").utf8),
                                       file: "export-a.csv")
        XCTAssertEqual(cin.children.first?.record.value[field: "cin_plans"]?[item: 0]?[field: "primary_need"]?.textValue, "N1")
        let s47 = AnnexAReader.readCSV(Array((common + ",Strategy discussion initiating Section 47 Enquiry Start Date\n2,a) Male,WBRI,01/01/2015,9,No,T,W,02/02/2024\n").utf8),
                                       file: "export-b.csv")
        XCTAssertEqual(s47.children.first?.record.value[field: "section47s"]?[item: 0]?[field: "start_date"]?.asDate, CalendarDate("2024-02-02"))
    }
}
