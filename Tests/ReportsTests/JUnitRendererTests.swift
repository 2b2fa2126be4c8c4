import Foundation
import Engine
import FindingStore
@testable import Reports
import XCTest

final class JUnitRendererTests: XCTestCase {
    func testMatchesGoldenFile() throws {
        try Golden.check(JUnitRenderer().render(Fixtures.input()), against: "findings.junit.xml")
    }

    func testASuitePerRuleAndATestCaseWithOneFailurePerFinding() throws {
        let root = try XMLTree.parse(JUnitRenderer().render(Fixtures.input()))
        XCTAssertEqual(root.name, "testsuites")
        let suites = root.children
        XCTAssertTrue(suites.allSatisfy { $0.name == "testsuite" })
        XCTAssertEqual(suites.map { $0.attributes["name"]?.split(separator: ":").first.map(String.init) },
                       ["ASSESS-45", "CASELOAD", "CP-REVIEW", "CP-VISITS", "PLAN-CLOSED-EARLY"])
        let cases = root.all("testcase")
        XCTAssertEqual(cases.count, Fixtures.findings.count, "every rule here has findings: one test case each")
        XCTAssertEqual(root.attributes["tests"], String(cases.count))
        XCTAssertTrue(cases.allSatisfy { $0.children.count == 1 }, "one failure or error a test case")
        XCTAssertEqual(root.all("error").count, 1)
        XCTAssertEqual(root.attributes["errors"], "1")
        XCTAssertEqual(root.attributes["failures"], String(Fixtures.findings.count - 1), "failures count test cases = findings")
        for suite in suites {
            let suiteCases = suite.children.filter { $0.name == "testcase" }
            XCTAssertEqual(suite.attributes["tests"], String(suiteCases.count))
            XCTAssertEqual(suite.attributes["errors"], String(suiteCases.filter { !$0.all("error").isEmpty }.count))
            XCTAssertEqual(suite.attributes["failures"], String(suiteCases.filter { !$0.all("failure").isEmpty }.count))
        }
        XCTAssertTrue(([root] + suites + cases).allSatisfy { $0.attributes["time"] == "0" }, "time on every element")
        let visits = cases.filter { $0.attributes["classname"] == "casecheck.visits.CP-VISITS" }
        XCTAssertEqual(visits.map { $0.attributes["name"] }, ["child C001 cp_plans[0] (due 2024-05-14)", "child C002 cp_plans[0] (due 2024-03-01)"])
        XCTAssertTrue(visits[0].children[0].text.contains("record: cases/north.yaml:1"))
    }

    func testWaivedFindingsAreSkippedAndHistoryIsInTheDetails() throws {
        let waived = Fixtures.findings[0], persisting = Fixtures.findings[1]
        let history = ReportHistory(marks: [
            waived.fingerprint: FindingMark(novelty: .persisting(since: Fixtures.date("2024-05-01"), runs: 3),
                                            waiver: .init(state: "waived", by: "J. Smith", reason: "Conference booked",
                                                          until: Fixtures.date("2024-07-01"), explanation: "waived by J. Smith until 2024-07-01: Conference booked")),
            persisting.fingerprint: FindingMark(novelty: .persisting(since: Fixtures.date("2024-05-01"), runs: 3)),
        ], notes: [:], text: "", json: [String: String]())
        let data = Fixtures.render(JUnitReportWriter(), history: history)
        let root = try XMLTree.parse(data)
        XCTAssertEqual(root.attributes["skipped"], "1")
        let skipped = try XCTUnwrap(root.all("skipped").first)
        XCTAssertEqual(skipped.attributes["message"], "waived by J. Smith until 2024-07-01: Conference booked")
        XCTAssertTrue(root.all("failure").contains { $0.text.contains("history: open since 2024-05-01 (3 runs)") })
        XCTAssertEqual(root.attributes["failures"], String(Fixtures.findings.count - 2), "the waived and the erroring finding are not failures")
    }

    func testARuleWithoutFindingsPasses() throws {
        let root = try XMLTree.parse(JUnitRenderer().render(Fixtures.input(findings: [])))
        XCTAssertEqual(root.all("testcase").count, Fixtures.rules.count, "one passing test case a rule")
        XCTAssertEqual(root.attributes["tests"], String(Fixtures.rules.count))
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
