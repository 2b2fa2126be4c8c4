import Foundation
import Reports
import XCTest

final class JUnitRendererTests: XCTestCase {
    func testMatchesGoldenFile() throws {
        try Golden.check(JUnitRenderer().render(Fixtures.input()), against: "findings.junit.xml")
    }

    func testATestCasePerRuleAndAFailurePerFinding() throws {
        let root = try XMLTree.parse(JUnitRenderer().render(Fixtures.input()))
        XCTAssertEqual(root.name, "testsuites")
        let suites = root.children
        XCTAssertTrue(suites.allSatisfy { $0.name == "testsuite" })
        XCTAssertEqual(suites.map { $0.attributes["name"] }, ["assessments", "child-protection", "visits", "workforce"])
        let cases = root.all("testcase")
        XCTAssertEqual(cases.count, Fixtures.rules.count)
        XCTAssertEqual(root.attributes["tests"], String(Fixtures.rules.count))
        let failures = root.all("failure"), errors = root.all("error")
        XCTAssertEqual(failures.count + errors.count, Fixtures.findings.count)
        XCTAssertEqual(errors.count, Fixtures.findings.filter { $0.status == .error }.count)
        // Counts are of test cases: CP-REVIEW has an error; ASSESS-45, CP-VISITS, CASELOAD and PLAN-CLOSED-EARLY fail.
        XCTAssertEqual(root.attributes["errors"], "1")
        XCTAssertEqual(root.attributes["failures"], "4")
        for suite in suites {
            let suiteCases = suite.children.filter { $0.name == "testcase" }
            XCTAssertEqual(suite.attributes["tests"], String(suiteCases.count))
            let erroring = suiteCases.filter { !$0.all("error").isEmpty }.count
            let failing = suiteCases.filter { $0.all("error").isEmpty && !$0.all("failure").isEmpty }.count
            XCTAssertEqual(suite.attributes["errors"], String(erroring))
            XCTAssertEqual(suite.attributes["failures"], String(failing))
        }
        XCTAssertTrue(([root] + suites + cases).allSatisfy { $0.attributes["time"] == "0" }, "time on every element")
        let visits = try XCTUnwrap(cases.first { $0.attributes["name"]?.hasPrefix("CP-VISITS:") == true })
        XCTAssertEqual(visits.attributes["classname"], "casecheck.visits")
        XCTAssertEqual(visits.children.count, 2)
        XCTAssertTrue(visits.children[0].text.contains("record: cases/north.yaml:1"))
    }

    func testARuleWithoutFindingsPasses() throws {
        let root = try XMLTree.parse(JUnitRenderer().render(Fixtures.input(findings: [])))
        XCTAssertEqual(root.all("testcase").count, Fixtures.rules.count)
        XCTAssertTrue(root.all("testcase").allSatisfy { $0.children.isEmpty })
        XCTAssertEqual(root.attributes["failures"], "0")
        XCTAssertEqual(root.attributes["errors"], "0")
    }

    func testHostileTextIsEscapedIntoWellFormedXML() throws {
        let data = JUnitRenderer().render(Fixtures.hostileInput())
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertFalse(text.contains("<script>"))
        XCTAssertFalse(text.contains("\u{0007}"), "XML 1.0 forbids the bell character")
        let root = try XMLTree.parse(data)
        let failures = root.all("failure")
        XCTAssertEqual(failures.count, 3)
        let messages = failures.compactMap { $0.attributes["message"] }
        // Line breaks in attributes survive as character references, quotes and markup as text.
        XCTAssertTrue(messages.contains("child \(Fixtures.scriptID) cp_plans[0]: \(Fixtures.multilineMessage)"), "\(messages)")
        XCTAssertTrue(failures.contains { $0.text.contains("worker: \(Fixtures.formulaWorker)") })
        XCTAssertTrue(failures.contains { $0.text.contains("team: \(Fixtures.quotedTeam)") })
        XCTAssertTrue(failures.contains { $0.text.contains("child: مريم [U+202E]gnp.exe") })
        XCTAssertTrue(failures.contains { $0.text.contains("child: \(Fixtures.emoji)") })
    }
}
