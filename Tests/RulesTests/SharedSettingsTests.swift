import CaseModel
import XCTest
@testable import Rules

/// Settings shared between rules through anchors and merge keys live under `x-` keys.
final class SharedSettingsTests: XCTestCase {
    func testXKeysHoldSharedSettingsForMergeKeys() throws {
        let pack = Fixture.rules("""
        x-plan-rule: &plan-rule
          severity: high
          area: child-protection
          for_each: child.cp_plans
          as: plan
        rules:
          - <<: *plan-rule
            id: CP-LONG
            title: Plans open two years or more
            duration: {start: plan.start_date, end: plan.end_date, max: 2 years}
          - <<: *plan-rule
            id: CP-SHORT
            severity: low
            title: Plans under three months
            duration: {start: plan.start_date, end: plan.end_date, min: 3 months}
        """)
        XCTAssertEqual(pack.rules.map(\.id), ["CP-LONG", "CP-SHORT"])
        XCTAssertEqual(pack.rules.map(\.severity), [.high, .low], "a rule's own key wins over the merged one")
        XCTAssertEqual(pack.rules.map(\.definition.itemName), ["plan", "plan"])
    }

    func testOtherUnknownTopLevelKeysAreStillErrors() {
        let (_, diagnostics) = Fixture.load("shared: 1\nrules:\n  - {id: A, title: t, severity: low, expect: 'true'}\n", name: "r.yaml")
        XCTAssertEqual(diagnostics.map(\.location.description), ["r.yaml:1:1"])
        XCTAssertEqual(diagnostics.first?.hint?.contains("'x-defaults:'"), true)
    }
}
