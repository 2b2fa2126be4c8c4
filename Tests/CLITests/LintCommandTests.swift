import Foundation
import XCTest

/// `casecheck lint`, run as a subprocess against the repository's own rule packs.
final class LintCommandTests: XCTestCase {
    /// The repository's rules folder (the census pack, the data-quality rules, the schema).
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rules").path

    static let header = """
        <?xml version="1.0" encoding="utf-8"?>
        <Message>
          <Header>
            <CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails>
            <Source><SourceLevel>L</SourceLevel><LEA>201</LEA></Source>
          </Header>
          <Children>
        """

    /// A child every census rule accepts; `plan` and `extra` add elements to its episode.
    static func child(_ id: String, plan: String = "", identifiers: String = "") -> String {
        """
            <Child>
              <ChildIdentifiers><LAchildID>\(id)</LAchildID><UPNunknown>UN2</UPNunknown><PersonBirthDate>2015-01-01</PersonBirthDate><Sex>F</Sex>\(identifiers)</ChildIdentifiers>
              <ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
              <CINdetails>
                <CINreferralDate>2024-06-03</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>
                <DateOfInitialCPC>2024-07-10</DateOfInitialCPC>
                <Assessments><AssessmentActualStartDate>2024-06-04</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-07-01</AssessmentAuthorisationDate>
                  <FactorsIdentifiedAtAssessment><AssessmentFactors>1A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
                <ReferralNFA>0</ReferralNFA>
                \(plan)
              </CINdetails>
            </Child>

        """
    }

    static func census(_ children: String...) -> String { header + "\n" + children.joined() + "  </Children>\n</Message>\n" }

    private func lint(_ cli: CLIHarness, _ args: [String]) throws -> CLIHarness.Outcome {
        try cli.run(["lint", "--rules", Self.rules, "--as-of", "2025-05-01"] + args)
    }

    func testCleanCensusExitsZeroAndPrintsNoFindings() throws {
        let cli = try CLIHarness(self)
        try cli.write(Self.census(Self.child("C1"), Self.child("C2")), to: "census.xml")
        let out = try lint(cli, ["census.xml"])
        XCTAssertEqual(out.stdout, "", out.stderr)
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stderr.contains("0 errors, 0 warnings, 0 notes in 2 records from 1 file"), out.stderr)
    }

    func testDfEErrorIsACompilerStyleLineAndExitsOne() throws {
        let cli = try CLIHarness(self)
        let plan = """
            <ChildProtectionPlans><CPPstartDate>2024-07-10</CPPstartDate><CPPendDate>2024-07-01</CPPendDate>
                  <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans>
            """
        try cli.write(Self.census(Self.child("C1"), Self.child("DfEX0000001", plan: plan)), to: "census.xml")
        let out = try lint(cli, ["census.xml"])
        XCTAssertEqual(out.status, 1, out.stderr)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        // The plan element is on line 29 of the file (the second child starts on line 20).
        XCTAssertEqual(lines, ["census.xml:29: error CIN-8925: Child Protection Plan End Date earlier than Start Date (child DfEX0000001)"])
    }

    func testQueriesAreWarningsAndFailOnlyWhenAskedTo() throws {
        let cli = try CLIHarness(self)
        try cli.write(Self.census(Self.child("C1", identifiers: "<FormerUPN>X98765432123B</FormerUPN>")), to: "census.xml")
        let out = try lint(cli, ["census.xml"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(out.stdout, "census.xml:8: warning CIN-1560Q: Please check and either amend or provide a reason: Former UPN wrongly formatted (child C1)\n")
        let strict = try lint(cli, ["census.xml", "--fail-on", "medium"])
        XCTAssertEqual(strict.status, 1)
    }

    func testMalformedChildExitsTwoAndTheOthersAreStillLinted() throws {
        let cli = try CLIHarness(self)
        let broken = "    <Child><ChildIdentifiers><LAchildID>BAD</LAchildID></ChildIdentifers></Child>\n"
        try cli.write(Self.census(Self.child("C1", identifiers: "<FormerUPN>X1</FormerUPN>"), broken), to: "census.xml")
        let out = try lint(cli, ["census.xml"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("census.xml:20: error: malformed child"), out.stderr)
        XCTAssertTrue(out.stdout.contains("CIN-1560Q"), out.stdout)
        XCTAssertTrue(out.stderr.contains("(1 skipped)"), out.stderr)
    }

    func testJSONFormatCarriesRuleChildAndLine() throws {
        let cli = try CLIHarness(self)
        try cli.write(Self.census(Self.child("C1", identifiers: "<FormerUPN>X1</FormerUPN>")), to: "census.xml")
        let out = try lint(cli, ["census.xml", "--format", "json"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.count, 1)
        XCTAssertEqual(findings.first?["rule"] as? String, "CIN-1560Q")
        XCTAssertEqual(findings.first?["case"] as? String, "C1")
        XCTAssertEqual((findings.first?["location"] as? [String: Any])?["line"] as? Int, 8)
    }

    func testCanonicalCaseFilesGetTheDataQualityRulesOnly() throws {
        let cli = try CLIHarness(self)
        // No date of birth (a data-quality finding) and a long-overdue protection plan
        // review (a child-protection finding, which lint must not report).
        try cli.write("""
            - id: Y1
              cp_plans: [{id: P1, start_date: 2020-01-10}]
            """, to: "cases.yaml")
        let out = try lint(cli, ["cases.yaml", "--format", "json"])
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let rules = Set(((report["findings"] as? [[String: Any]]) ?? []).compactMap { $0["rule"] as? String })
        XCTAssertTrue(rules.contains("DQ-BIRTH-DATE"), "\(rules)")
        XCTAssertTrue(rules.allSatisfy { $0.hasPrefix("DQ-") }, "\(rules)")
        XCTAssertEqual(out.status, 0, "data-quality findings are medium: below the default --fail-on high")
    }

    func testMissingAndUnknownFilesAreUsageErrors() throws {
        let cli = try CLIHarness(self)
        try cli.write("hello", to: "notes.txt")
        let out = try lint(cli, ["missing.xml", "notes.txt"])
        XCTAssertEqual(out.status, 2)
        XCTAssertTrue(out.stderr.contains("missing.xml: error: no such file or directory"), out.stderr)
        XCTAssertTrue(out.stderr.contains("notes.txt: error: not a case file format"), out.stderr)
        let none = try cli.run(["lint"])
        XCTAssertEqual(none.status, 2)
    }

    /// Each census file is its own return: a UPN repeated inside one file is reported
    /// against that file, and the same UPN in two files is not a repeat.
    func testRepeatedUPNIsReportedOnceForTheFile() throws {
        let cli = try CLIHarness(self)
        let upn = "<UPN>L201234567890</UPN>"
        try cli.write(Self.census(Self.child("C1", identifiers: upn), Self.child("C2", identifiers: upn)), to: "a.xml")
        try cli.write(Self.census(Self.child("C3", identifiers: upn)), to: "b.xml")
        let out = try lint(cli, ["a.xml", "b.xml"])
        XCTAssertEqual(out.stdout, "a.xml: error CIN-1520: More than one record with the same UPN. (L201234567890)\n", out.stderr)
        XCTAssertEqual(out.status, 1)
    }

    /// Run from a folder with no rules/ (as a pre-commit hook runs in a repository of
    /// exports), lint finds the packs of the checkout it was built in.
    func testFindsItsRulesWithoutRulesFolderHere() throws {
        let cli = try CLIHarness(self)
        try cli.write(Self.census(Self.child("C1", identifiers: "<FormerUPN>X1</FormerUPN>")), to: "census.xml")
        let out = try cli.run(["lint", "census.xml"])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertTrue(out.stdout.contains("CIN-1560Q"), out.stdout + out.stderr)
    }

    /// Census files and canonical case files in one call: each gets its own pack.
    func testMixedFilesAreEachCheckedByTheirPack() throws {
        let cli = try CLIHarness(self)
        try cli.write(Self.census(Self.child("C1", identifiers: "<FormerUPN>X1</FormerUPN>")), to: "exports/census.xml")
        try cli.write("- {id: Y1}\n", to: "exports/cases.yaml")
        let out = try lint(cli, ["exports"])
        XCTAssertEqual(out.status, 0, out.stderr)
        let lines = out.stdout.split(separator: "\n").map(String.init)
        XCTAssertTrue(lines.contains { $0.hasPrefix("exports/cases.yaml:1: warning DQ-BIRTH-DATE") }, out.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("exports/census.xml:8: warning CIN-1560Q") }, out.stdout)
        XCTAssertTrue(out.stderr.contains("in 2 records from 2 files"), out.stderr)
    }

    /// The census pack is separate: a run over the default rules folder does not load it.
    func testDefaultPackDoesNotPickUpTheCensusRules() throws {
        let cli = try CLIHarness(self)
        try cli.write("- {id: Z1, birth_date: 2015-01-01}\n", to: "cases.yaml")
        let out = try cli.run(["run", "cases.yaml", "--rules", Self.rules, "--format", "json", "--as-of", "2025-05-01", "--fail-on", "none"])
        let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any], out.stderr)
        let files = try XCTUnwrap((report["tool"] as? [String: Any])?["rule_files"] as? [String])
        XCTAssertFalse(files.isEmpty)
        XCTAssertFalse(files.contains { $0.contains("cin-census") }, "\(files)")
        let census = try cli.run(["rules", "validate", Self.rules + "/cin-census", "--schema", Self.rules + "/schema.yaml"])
        XCTAssertEqual(census.status, 0, census.stdout + census.stderr)
    }
}
