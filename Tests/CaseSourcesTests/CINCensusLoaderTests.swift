import CEL
import CaseModel
import CaseSources
import Foundation
import XCTest

/// The CIN census XML loader, through `CaseReader` (files ending `.xml`).
final class CINCensusLoaderTests: XCTestCase {
    private func read(_ xml: String) -> (records: [CaseRecord], diagnostics: [Diagnostic], counts: CaseReadCounts) {
        CaseReader.read(text: xml, format: .cinCensus, file: "census.xml", schema: TestSchema.child)
    }

    private func field(_ record: CaseRecord, _ path: String...) -> Value? {
        var v: Value? = record.value
        for key in path {
            guard case .map(let m)? = v else { return nil }
            v = m[string: key]
        }
        return v
    }

    private func list(_ record: CaseRecord, _ key: String) -> [MapValue] {
        guard case .list(let items)? = field(record, key) else { return [] }
        return items.compactMap { if case .map(let m) = $0 { return m } else { return nil } }
    }

    /// A value as short text, for comparisons: text as is, dates ISO, lists bracketed.
    private func r(_ v: Value?) -> String {
        switch v {
        case nil: return "absent"
        case .null?: return "null"
        case .string(let s)?: return s
        case .bool(let b)?: return String(b)
        case .int(let i)?: return String(i)
        case .list(let items)?: return "[" + items.map { r($0) }.joined(separator: ", ") + "]"
        case let other?: return other.asDate?.isoString ?? "\(other)"
        }
    }

    static let header = """
        <Message>
          <Header>
            <CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails>
            <Source><SourceLevel>L</SourceLevel><LEA>201</LEA></Source>
          </Header>
          <Children>
        """

    func testMapsAChildOntoTheCanonicalRecord() throws {
        let xml = Self.header + """

            <Child>
              <ChildIdentifiers>
                <LAchildID>DfEX0000001</LAchildID>
                <UPN>A123456789123</UPN>
                <FormerUPN>X98765432123B</FormerUPN>
                <UPNunknown>UN3</UPNunknown>
                <PersonBirthDate>2015-03-27</PersonBirthDate>
                <Sex>M</Sex>
              </ChildIdentifiers>
              <ChildCharacteristics>
                <Ethnicity>WBRI</Ethnicity>
                <Disabilities><Disability>HAND</Disability><Disability>HEAR</Disability></Disabilities>
              </ChildCharacteristics>
              <CINdetails>
                <CINreferralDate>2024-10-06</CINreferralDate>
                <ReferralSource>1A</ReferralSource>
                <PrimaryNeedCode>N4</PrimaryNeedCode>
                <CINclosureDate>2025-02-27</CINclosureDate>
                <ReasonForClosure>RC1</ReasonForClosure>
                <DateOfInitialCPC>2024-12-06</DateOfInitialCPC>
                <Assessments>
                  <AssessmentActualStartDate>2024-10-08</AssessmentActualStartDate>
                  <AssessmentAuthorisationDate>2024-11-19</AssessmentAuthorisationDate>
                  <FactorsIdentifiedAtAssessment><AssessmentFactors>1C</AssessmentFactors><AssessmentFactors>4A</AssessmentFactors></FactorsIdentifiedAtAssessment>
                </Assessments>
                <CINPlanDates><CINPlanStartDate>2025-01-24</CINPlanStartDate></CINPlanDates>
                <Section47>
                  <S47ActualStartDate>2024-11-02</S47ActualStartDate>
                  <InitialCPCtarget>2024-11-23</InitialCPCtarget>
                  <DateOfInitialCPC>2024-11-17</DateOfInitialCPC>
                  <ICPCnotRequired>false</ICPCnotRequired>
                </Section47>
                <ReferralNFA>0</ReferralNFA>
                <ChildProtectionPlans>
                  <CPPstartDate>2024-11-17</CPPstartDate>
                  <InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse>
                  <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>
                  <NumberOfPreviousCPP>2</NumberOfPreviousCPP>
                  <Reviews><CPPreviewDate>2025-02-15</CPPreviewDate><CPPreviewDate>2025-03-15</CPPreviewDate></Reviews>
                </ChildProtectionPlans>
              </CINdetails>
            </Child>
          </Children>
        </Message>
        """
        let result = read(xml)
        XCTAssertEqual(result.diagnostics, [])
        let child = try XCTUnwrap(result.records.first)
        XCTAssertEqual(child.id, "DfEX0000001")
        XCTAssertEqual(child.location.line, 7)
        XCTAssertEqual(r(field(child, "upn")), "A123456789123")
        XCTAssertEqual(r(field(child, "former_upn")), "X98765432123B")
        XCTAssertEqual(r(field(child, "upn_unknown")), "UN3")
        XCTAssertEqual(field(child, "birth_date")?.asDate, CalendarDate(year: 2015, month: 3, day: 27))
        XCTAssertEqual(r(field(child, "sex")), "M")
        XCTAssertEqual(r(field(child, "ethnicity")), "WBRI")
        XCTAssertEqual(r(field(child, "disabilities")), "[HAND, HEAR]")
        XCTAssertEqual(field(child, "census", "reference_date")?.asDate, CalendarDate(year: 2025, month: 3, day: 31))
        XCTAssertEqual(field(child, "census", "collection_start")?.asDate, CalendarDate(year: 2024, month: 4, day: 1))
        XCTAssertEqual(r(field(child, "census", "lea")), "201")

        let episode = try XCTUnwrap(list(child, "episodes").first)
        XCTAssertEqual(r(episode[string: "id"]), "1")
        XCTAssertEqual(episode[string: "referral_date"]?.asDate, CalendarDate(year: 2024, month: 10, day: 6))
        XCTAssertEqual(r(episode[string: "referral_source"]), "1A")
        XCTAssertEqual(r(episode[string: "primary_need"]), "N4")
        XCTAssertEqual(r(episode[string: "closure_reason"]), "RC1")
        XCTAssertEqual(episode[string: "initial_cpc_date"]?.asDate, CalendarDate(year: 2024, month: 12, day: 6))
        XCTAssertEqual(r(episode[string: "referral_nfa"]), "false")

        let assessment = try XCTUnwrap(list(child, "assessments").first)
        XCTAssertEqual(r(assessment[string: "episode"]), "1")
        XCTAssertEqual(assessment[string: "authorised_date"]?.asDate, CalendarDate(year: 2024, month: 11, day: 19))
        XCTAssertEqual(r(assessment[string: "factors"]), "[1C, 4A]")
        XCTAssertEqual(list(child, "cin_plans").first?[string: "start_date"]?.asDate, CalendarDate(year: 2025, month: 1, day: 24))
        let s47 = try XCTUnwrap(list(child, "section47s").first)
        XCTAssertEqual(s47[string: "icpc_target_date"]?.asDate, CalendarDate(year: 2024, month: 11, day: 23))
        XCTAssertEqual(r(s47[string: "icpc_not_required"]), "false")
        let plan = try XCTUnwrap(list(child, "cp_plans").first)
        XCTAssertEqual(r(plan[string: "latest_category"]), "NEG")
        XCTAssertEqual(r(plan[string: "previous_plans"]), "2")
        XCTAssertEqual(r(plan[string: "reviews"]), "[2025-02-15, 2025-03-15]")
        XCTAssertEqual(child.itemLines["episodes[0]"], 20)
        XCTAssertEqual(child.itemLines["assessments[0]"], 27)
        XCTAssertEqual(child.itemLines["cp_plans[0]"], 40)
    }

    func testInvalidValuesAreWarningsNamingTheFieldAndReadAsMissing() throws {
        let xml = Self.header + """

            <Child>
              <ChildIdentifiers><LAchildID>C1</LAchildID><PersonBirthDate>2015-02-30</PersonBirthDate></ChildIdentifiers>
              <CINdetails><CINreferralDate>2024-10-06</CINreferralDate><ReferralNFA>maybe</ReferralNFA>
                <ChildProtectionPlans><CPPstartDate>2024-11-01</CPPstartDate><NumberOfPreviousCPP>two</NumberOfPreviousCPP>
                  <Reviews><CPPreviewDate/></Reviews></ChildProtectionPlans>
              </CINdetails>
            </Child></Children></Message>
            """
        let result = read(xml)
        let child = try XCTUnwrap(result.records.first)
        XCTAssertEqual(r(field(child, "birth_date")), "null")
        let messages = result.diagnostics.map(\.description)
        XCTAssertTrue(messages.contains { $0.hasPrefix("census.xml:8: warning: field 'birth_date' (<PersonBirthDate>): '2015-02-30' is not a date: February 2015 has 28 days") },
                      "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("episodes[0].referral_nfa") && $0.contains("not a yes/no value") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("cp_plans[0].previous_plans") && $0.contains("not a whole number") }, "\(messages)")
        let plan = try XCTUnwrap(list(child, "cp_plans").first)
        XCTAssertEqual(r(plan[string: "reviews_missing_date"]), "1")
        XCTAssertEqual(result.counts.recordsLoaded, 1)
    }

    func testUnknownElementIsAWarningWithADidYouMean() throws {
        let xml = Self.header + """

            <Child><ChildIdentifiers><LAchildID>C1</LAchildID><PersonBrithDate>2015-01-01</PersonBrithDate></ChildIdentifiers></Child>
            <Child><ChildIdentifiers><LAchildID>C2</LAchildID><PersonBrithDate>2015-01-01</PersonBrithDate></ChildIdentifiers></Child>
            </Children></Message>
            """
        let result = read(xml)
        XCTAssertEqual(result.records.map(\.id), ["C1", "C2"])
        let warnings = result.diagnostics.filter { $0.message.contains("unknown element <PersonBrithDate>") }
        XCTAssertEqual(warnings.count, 1, "reported once a file")
        XCTAssertEqual(warnings.first?.hint, "did you mean <PersonBirthDate>?")
        XCTAssertEqual(warnings.first?.location.line, 7)
    }

    func testMalformedChildIsReportedWithItsLineAndTheRestStillLoads() {
        let xml = Self.header + """

            <Child><ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers></Child>
            <Child><ChildIdentifiers><LAchildID>C2</LAchildID></ChildIdentifers></Child>
            <Child><ChildIdentifiers><LAchildID>C3</LAchildID></ChildIdentifiers>
            <Child><ChildIdentifiers><LAchildID>C4</LAchildID></ChildIdentifiers></Child>
            <!-- <Child> in a comment is not a child -->
            <Child><ChildIdentifiers><UPN>A1</UPN></ChildIdentifiers></Child>
            </Children></Message>
            """
        let result = read(xml)
        XCTAssertEqual(result.records.map(\.id), ["C1", "C4"])
        let errors = result.diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.location.line), [8, 9, 12])
        XCTAssertTrue(errors[0].message.contains("malformed child"), errors[0].message)
        XCTAssertTrue(errors[1].message.contains("not closed"), errors[1].message)
        XCTAssertTrue(errors[2].message.contains("LAchildID"), errors[2].message)
        XCTAssertEqual(result.counts.recordsSkipped, 3)
    }

    func testExternalEntityIsNeverResolved() throws {
        let folder = try ScratchFolder()
        let secret = try folder.write("secret.txt", "TOP-SECRET")
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE Message [<!ENTITY xxe SYSTEM "file://\(secret)">]>
            <Message><Children>
            <Child><ChildIdentifiers><LAchildID>&xxe;</LAchildID></ChildIdentifiers></Child>
            <Child><ChildIdentifiers><LAchildID>C2</LAchildID></ChildIdentifiers></Child>
            </Children></Message>
            """
        let path = try folder.write("xxe.xml", xml)
        let result = CaseReader.readAll(paths: [path], schema: TestSchema.child)
        XCTAssertEqual(result.records.map(\.id), ["C2"])
        XCTAssertFalse(result.diagnostics.map(\.description).joined().contains("TOP-SECRET"))
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .warning && $0.location.line == 2 && $0.message.contains("DTD") })
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .error && $0.location.line == 4 && $0.message.contains("entity") })
    }

    func testBillionLaughsLoadsSafely() {
        var entities = "<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n"
        }
        let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n\(entities)]>\n<Message><Children>\n"
            + "<Child><ChildIdentifiers><LAchildID>&lol9;</LAchildID></ChildIdentifiers></Child>\n"
            + "<Child><ChildIdentifiers><LAchildID>C2</LAchildID></ChildIdentifiers></Child>\n</Children></Message>\n"
        let start = Date()
        let result = read(xml)
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
        XCTAssertEqual(result.records.map(\.id), ["C2"])
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .warning && $0.message.contains("DTD") })
        XCTAssertTrue(result.diagnostics.contains { $0.severity == .error && $0.location.line == 15 })
    }

    func testFileWithoutHeaderWarnsAndStillLoads() {
        let result = read("<Message><Children><Child><ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers></Child></Children></Message>")
        XCTAssertEqual(result.records.map(\.id), ["C1"])
        XCTAssertTrue(result.diagnostics.contains { $0.message.contains("no <Header>") })
    }

    func testEmptyCensusWarns() {
        let result = read(Self.header + "</Children></Message>")
        XCTAssertEqual(result.records.count, 0)
        XCTAssertTrue(result.diagnostics.contains { $0.message.contains("no <Child>") })
    }

    func testXMLFilesAreFoundInFolders() throws {
        let folder = try ScratchFolder()
        try folder.write("a.xml", Self.header + "<Child><ChildIdentifiers><LAchildID>C1</LAchildID></ChildIdentifiers></Child></Children></Message>")
        let result = CaseReader.readAll(paths: [folder.url.path], schema: TestSchema.child)
        XCTAssertEqual(result.records.map(\.id), ["C1"])
        XCTAssertEqual(CaseFileFormat(path: "x/RETURN.XML"), .cinCensus)
    }

    /// The shared samples from the DfE validator's test data.
    func testSharedSamplesLoad() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("../shared/formats/cin-census").standardized
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("../shared/formats/cin-census is absent; the shared census samples are not available here")
        }
        let result = CaseReader.readAll(paths: [folder.appendingPathComponent("CIN_Census_2024.xml").path], schema: TestSchema.child)
        XCTAssertEqual(result.records.map(\.id), ["DfEX0000001", "child_fails_assessments"])
        XCTAssertEqual(result.records.first?.location.line, 18)
        XCTAssertEqual(result.counts.recordsSkipped, 0)
        // The 2028 assessment start date is a real date; invalid ones would be warnings.
        XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }, [])
        let all = CaseReader.readAll(paths: [folder.path], schema: TestSchema.child)
        XCTAssertGreaterThan(all.records.count, 2)
        XCTAssertEqual(all.counts.files, 3)
    }
}
