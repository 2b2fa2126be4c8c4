import CaseModel
import Reports
import Rules
import XCTest

final class RuleInfoTests: XCTestCase {
    func testMetadataFromARuleFileIsTrimmed() throws {
        // Folded scalars (`>`) end with a line break that reports must not show.
        let source = RuleSource(name: "rules/cp.yaml", text: """
            rules:
              - id: CP-REVIEW
                title: Review conferences held on time
                severity: high
                area: child-protection
                source: >
                  Working Together to Safeguard Children 2023,
                  chapter 4
                rationale: >
                  The first review conference is held within 3 months.
                expect: true
              - id: CASELOAD
                title: Caseload per worker
                severity: medium
                aggregate: {group_by: child.worker, count: true, max: 20}
            """)
        let (pack, diagnostics) = RulePack.load(sources: [source])
        XCTAssertTrue(diagnostics.isEmpty, "\(diagnostics)")
        let info = RuleInfo(try XCTUnwrap(pack.rules.first))
        XCTAssertEqual(info.id, "CP-REVIEW")
        XCTAssertEqual(info.source, "Working Together to Safeguard Children 2023, chapter 4")
        XCTAssertEqual(info.rationale, "The first review conference is held within 3 months.")
        XCTAssertEqual(info.area, "child-protection")
        XCTAssertEqual(info.location?.file, "rules/cp.yaml")
        XCTAssertNil(info.groupBy)
        let caseload = RuleInfo(try XCTUnwrap(pack.rule(id: "CASELOAD")))
        XCTAssertEqual(caseload.groupBy, "child.worker")
        XCTAssertTrue(caseload.groupsByWorker)
        XCTAssertFalse(info.groupsByWorker)
        XCTAssertEqual(caseload.areaName, "other", "rules without an area are grouped as other")
    }
}
