import CEL
import CaseModel
import CaseSources
import Foundation
import XCTest

/// The synthetic Annex A workbook from liiatools in ../shared/formats/annex-a.
final class AnnexASampleWorkbookTests: XCTestCase {
    private func readSample() throws -> (AnnexAReadResult, String) {
        let path = try AnnexAFixture.sharedWorkbookPath()
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return (AnnexAReader.readWorkbook(data, file: "Annex_A.xlsx"), path)
    }

    private func child(_ id: String, in result: AnnexAReadResult) throws -> AnnexAChild {
        try XCTUnwrap(result.children.first { $0.record.id == id }, "child \(id) not read")
    }

    func testReferralAndSection47RowsOfOneChildAreJoined() throws {
        let (result, _) = try readSample()
        let c = try child("6537810", in: result)
        let v = c.record.value
        XCTAssertEqual(v[field: "birth_date"]?.asDate, CalendarDate("2004-07-18"))
        XCTAssertEqual(v[field: "sex"]?.textValue, "1")
        XCTAssertEqual(v[field: "ethnicity"]?.textValue, "WBRI")
        let episode = try XCTUnwrap(v[field: "episodes"]?[item: 0])
        XCTAssertEqual(episode[field: "referral_date"]?.asDate, CalendarDate("2020-09-16"))
        XCTAssertEqual(episode[field: "referral_source"]?.textValue, "8")
        XCTAssertEqual(episode[field: "referral_nfa"]?.boolValue, false)
        XCTAssertEqual(episode[field: "referrals_last_12_months"]?.intValue, 0)
        let s47 = try XCTUnwrap(v[field: "section47s"]?[item: 0])
        XCTAssertEqual(s47[field: "start_date"]?.asDate, CalendarDate("2020-09-16"))
        XCTAssertEqual(s47[field: "icpc_date"]?.asDate, CalendarDate("2020-10-05"))
        XCTAssertEqual(s47[field: "icpc_not_required"]?.boolValue, false)
        XCTAssertEqual(s47[field: "icpc_led_to_plan"]?.boolValue, true)
        // List 5 comes after List 3, so its worker (the current one) wins; the no-break
        // space inside the name is tidied.
        XCTAssertEqual(v[field: "worker"]?.textValue, "Reagan Mor")
        XCTAssertEqual(v[field: "team"]?.textValue, "Locality 3 Duty Team")
        XCTAssertEqual(c.itemLocations["episodes[0]"], SourceLocation(file: "Annex_A.xlsx#List 3", line: 2))
        XCTAssertEqual(c.itemLocations["section47s[0]"], SourceLocation(file: "Annex_A.xlsx#List 5", line: 3))
        XCTAssertEqual(c.record.location, SourceLocation(file: "Annex_A.xlsx", line: 2))
        // A finding on the enquiry names its sheet and row.
        XCTAssertEqual(c.record.location(ofItem: "section47s[0]"), SourceLocation(file: "Annex_A.xlsx#List 5", line: 3))
    }

    func testProtectionPlanWithReviewVisitAndCategoryCodes() throws {
        let (result, _) = try readSample()
        let c = try child("10721552", in: result)
        let plan = try XCTUnwrap(c.record.value[field: "cp_plans"]?[item: 0])
        XCTAssertEqual(plan[field: "start_date"]?.asDate, CalendarDate("2020-11-23"))
        XCTAssertEqual(plan[field: "end_date"]?.asDate, CalendarDate("2021-02-16"))
        XCTAssertEqual(plan[field: "reviews"]?.dates, [CalendarDate("2021-02-16")])
        XCTAssertEqual(plan[field: "initial_category"]?.textValue, "PHY")
        XCTAssertEqual(plan[field: "previous_plans"]?.intValue, 0)
        XCTAssertEqual(plan[field: "emergency_protection_last_6_months"]?.boolValue, false)
        let visit = try XCTUnwrap(c.record.value[field: "visits"]?[item: 0])
        XCTAssertEqual(visit[field: "date"]?.asDate, CalendarDate("2021-01-22"))
        XCTAssertEqual(visit[field: "kind"]?.textValue, "cp")
        XCTAssertEqual(visit[field: "seen"]?.boolValue, true)
        XCTAssertEqual(visit[field: "seen_alone"]?.boolValue, true)
        XCTAssertEqual(c.itemLocations["visits[0]"], SourceLocation(file: "Annex_A.xlsx#List 7", line: 2))
    }

    func testPlanWithNoReviewYetHasAnEmptyReviewList() throws {
        let (result, _) = try readSample()
        let plan = try XCTUnwrap(try child("5358472", in: result).record.value[field: "cp_plans"]?[item: 0])
        XCTAssertEqual(plan[field: "reviews"]?.dates, [])
        XCTAssertNil(plan[field: "end_date"])
    }

    func testNotAvailableTeamAndWorkerAreLeftOut() throws {
        let (result, _) = try readSample()
        let c = try child("12598894", in: result)
        XCTAssertNil(c.record.value[field: "worker"], "#N/A is no worker")
        XCTAssertNil(c.record.value[field: "team"])
        let plan = try XCTUnwrap(c.record.value[field: "cin_plans"]?[item: 0])
        XCTAssertEqual(plan[field: "start_date"]?.asDate, CalendarDate("2010-06-09"))
        XCTAssertEqual(plan[field: "primary_need"]?.textValue, "PSRMEM")
        XCTAssertEqual(plan[field: "case_status"]?.textValue, "Child in need plan")
        XCTAssertEqual(c.record.value[field: "visits"]?[item: 0]?[field: "kind"]?.textValue, "cin")
        XCTAssertTrue(result.diagnostics.contains { $0.location.file == "Annex_A.xlsx#List 6" && $0.message.contains("'Allocated Worker' is blank") })
    }

    func testLookedAfterRowMakesCarePeriodPlacementReviewAndHealthAssessment() throws {
        let (result, _) = try readSample()
        let c = try child("3623204", in: result)
        let period = try XCTUnwrap(c.record.value[field: "care_periods"]?[item: 0])
        XCTAssertEqual(period[field: "start_date"]?.asDate, CalendarDate("2008-10-22"))
        XCTAssertEqual(period[field: "end_date"]?.asDate, CalendarDate("2020-09-22"))
        XCTAssertEqual(period[field: "end_reason"]?.textValue, "E47")
        XCTAssertEqual(period[field: "legal_status"]?.textValue, "C1")
        XCTAssertEqual(period[field: "category_of_need"]?.textValue, "N1")
        let placement = try XCTUnwrap(c.record.value[field: "placements"]?[item: 0])
        XCTAssertEqual(placement[field: "start_date"]?.asDate, CalendarDate("2009-07-27"))
        XCTAssertEqual(placement[field: "type"]?.textValue, "H5")
        XCTAssertEqual(placement[field: "provider"]?.textValue, "PR4")
        XCTAssertEqual(placement[field: "postcode"]?.textValue, "P13 2TR")
        XCTAssertNotNil(c.record.value[field: "lac_reviews"]?[item: 0]?[field: "date"]?.asDate)
        XCTAssertNotNil(c.record.value[field: "health_assessments"]?[item: 0]?[field: "date"]?.asDate)
        XCTAssertEqual(c.record.value[field: "visits"]?[item: 0]?[field: "kind"]?.textValue, "lac")
        XCTAssertEqual(c.record.value[field: "has_disability"]?.boolValue, true)
        XCTAssertEqual(c.itemLocations["placements[0]"], SourceLocation(file: "Annex_A.xlsx#List 8", line: 6))
    }

    func testFormulaCellsGiveTheirCachedDatesAndListsDisagreeingAreWarned() throws {
        let (result, _) = try readSample()
        let c = try child("7961370", in: result)
        let adoption = try XCTUnwrap(c.record.value[field: "adoptions"]?[item: 0])
        XCTAssertEqual(adoption[field: "decision_date"]?.asDate, CalendarDate("2009-08-11"))
        XCTAssertEqual(c.record.value[field: "care_leaver"]?[field: "activity"]?.textValue, "F1")
        XCTAssertEqual(c.itemLocations["care_leaver"], SourceLocation(file: "Annex_A.xlsx#List 9", line: 2))
        // Lists 9 and 10 give this child different dates of birth: the first is kept.
        XCTAssertEqual(c.record.value[field: "birth_date"]?.asDate, CalendarDate("2002-08-07"))
        XCTAssertTrue(result.diagnostics.contains {
            $0.severity == .warning && $0.message.contains("child 7961370: 'Date of Birth' is 2002-02-13 here but 2002-08-07")
        }, "\(result.diagnostics)")
    }

    func testAdoptersAreNotChildrenAndEverySheetIsRecognised() throws {
        let (result, _) = try readSample()
        XCTAssertFalse(result.children.contains { $0.record.id == "7105179" }, "List 11 holds adopters")
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .note && $0.message.contains("List 11 (Adopters)") })
        XCTAssertFalse(result.diagnostics.contains { $0.message.contains("is not an Annex A list") }, "\(result.diagnostics)")
        XCTAssertFalse(result.diagnostics.contains { $0.message.contains("is not an Annex A column") }, "\(result.diagnostics)")
        XCTAssertFalse(result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.filter { $0.severity == .error })")
        XCTAssertEqual(Set(result.children.map { $0.record.id! }).count, result.children.count, "one record a child")
    }

    func testBlankRequiredCellIsWarnedWithSheetRowAndColumn() throws {
        let (result, _) = try readSample()
        let warning = try XCTUnwrap(result.diagnostics.first { $0.message.contains("child 14065184: 'Ethnicity' is blank") })
        XCTAssertEqual(warning.location, SourceLocation(file: "Annex_A.xlsx#List 8", line: 4, column: 3))
        XCTAssertEqual(warning.severity, .warning)
    }

    func testCaseReaderReadsTheWorkbookWithTheRealSchema() throws {
        let path = try AnnexAFixture.sharedWorkbookPath()
        let schema = try AnnexAFixture.schema()
        let reader = CaseReader(paths: [path], schema: schema)
        var records: [CaseRecord] = [], diagnostics: [Diagnostic] = []
        while let batch = reader.nextBatch() {
            records += batch.records
            diagnostics += batch.diagnostics
        }
        XCTAssertGreaterThan(records.count, 40)
        XCTAssertTrue(records.allSatisfy { $0.location.file == path })
        XCTAssertEqual(reader.counts.recordsLoaded, records.count)
        XCTAssertEqual(reader.counts.errors, 0, "\(diagnostics)")
        XCTAssertGreaterThan(reader.counts.warnings, 0)
        XCTAssertTrue(records.contains { $0.id == "6537810" })
    }
}
