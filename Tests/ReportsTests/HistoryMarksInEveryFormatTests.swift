import CaseModel
import Engine
import FindingStore
import Foundation
@testable import Reports
import Rules
import XCTest

/// Every format carries what the history says when the run has one: new, open since, waived
/// (by whom, until when, why) and resolved, each format in its own way; golden files keep the
/// exact output (`CASECHECK_UPDATE_GOLDEN=1 swift test --filter ReportsTests` to regenerate).
final class HistoryMarksInEveryFormatTests: XCTestCase {
    static let history: ReportHistory = {
        let f = Fixtures.findings
        var marks: [String: FindingMark] = [:]
        for (n, finding) in f.enumerated() {
            marks[finding.fingerprint] = n % 2 == 0 ? FindingMark(novelty: .new)
                : FindingMark(novelty: .persisting(since: Fixtures.date("2024-04-01"), runs: n + 1))
        }
        marks[f[3].fingerprint] = FindingMark(
            novelty: .persisting(since: Fixtures.date("2024-03-01"), runs: 4),
            waiver: .init(state: "waived", by: "Head of Service", reason: "Assessment paused for court",
                          until: Fixtures.date("2024-07-31"), explanation: "waived by Head of Service until 2024-07-31: Assessment paused for court"))
        let resolved = [ResolvedMark(rule: "CP-REVIEW", caseID: "C009", item: "cp_plans[0]", group: nil,
                                     message: "Review conference overdue since 2024-04-02 (20 days late)", team: "North",
                                     worker: "Sam Patel", firstSeen: Fixtures.date("2024-04-22"), lastSeen: Fixtures.date("2024-05-25"),
                                     fingerprint: "c0ffee0000000009")]
        return ReportHistory(marks: marks, resolved: resolved, previousAsOf: Fixtures.date("2024-05-25"),
                             notes: [:], text: "", json: [String: String]())
    }()

    private func text(_ writer: any StreamingReportWriter) -> String {
        String(decoding: Fixtures.render(writer, history: Self.history), as: UTF8.self)
    }

    func testGoldenFilesWithHistory() throws {
        try Golden.check(Fixtures.render(CSVReportWriter(), history: Self.history), against: "history-findings.csv")
        try Golden.check(Fixtures.render(SARIFReportWriter(), history: Self.history), against: "history-findings.sarif")
        try Golden.check(Fixtures.render(JUnitReportWriter(), history: Self.history), against: "history-findings.junit.xml")
        try Golden.check(Fixtures.render(MarkdownReportWriter(), history: Self.history), against: "history-findings.md")
        try Golden.check(Fixtures.render(HTMLDashboardWriter(), history: Self.history), against: "history-dashboard.html")
    }

    func testCSVHasTheRunDateAndTheMarks() throws {
        let rows = try CSVParsing.records(text(CSVReportWriter()))
        let header = rows[0]
        for column in ["as_of", "history", "first_seen", "runs", "waiver", "waived_by", "waived_until", "waiver_reason"] {
            XCTAssertTrue(header.contains(column), column)
        }
        let records = rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        XCTAssertTrue(records.allSatisfy { $0["as_of"] == "2024-06-01" })
        let waived = try XCTUnwrap(records.first { $0["waiver"] == "waived" })
        XCTAssertEqual(waived["waived_by"], "Head of Service")
        XCTAssertEqual(waived["waived_until"], "2024-07-31")
        XCTAssertEqual(waived["waiver_reason"], "Assessment paused for court")
        XCTAssertEqual(waived["first_seen"], "2024-03-01")
        XCTAssertEqual(Set(records.map { $0["history"] ?? "" }), ["new", "persisting"])
    }

    func testCSVWithoutHistoryLeavesTheMarkColumnsEmpty() throws {
        let rows = try CSVParsing.records(String(decoding: Fixtures.render(CSVReportWriter(), history: nil), as: UTF8.self))
        let header = rows[0]
        let records = rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
        XCTAssertTrue(records.allSatisfy { $0["history"] == "" && $0["waiver"] == "" && $0["as_of"] == "2024-06-01" })
    }

    func testSARIFGivesBaselineStatesSuppressionsAndAbsentResults() throws {
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text(SARIFReportWriter()).utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, Fixtures.findings.count + 1, "one absent result for the resolved finding")
        XCTAssertEqual(Set(results.compactMap { $0["baselineState"] as? String }), ["new", "unchanged", "absent"])
        let suppressed = results.filter { $0["suppressions"] != nil }
        XCTAssertEqual(suppressed.count, 1)
        let suppression = try XCTUnwrap((suppressed[0]["suppressions"] as? [[String: Any]])?.first)
        XCTAssertEqual(suppression["kind"] as? String, "external")
        XCTAssertEqual(suppression["status"] as? String, "accepted")
        XCTAssertEqual(SARIFSchemaChecks.violations(log), [])
    }

    func testMarkdownHasAHistoryColumnAndTheResolvedFindings() {
        let markdown = text(MarkdownReportWriter())
        XCTAssertTrue(markdown.contains("| Child | Rule | Severity | Status | Due | Days late | Worker | Message | History |"))
        XCTAssertTrue(markdown.contains("open since 2024-03-01 (4 runs); waived by Head of Service until 2024-07-31: Assessment paused for court"))
        XCTAssertTrue(markdown.contains("## Resolved since the previous run (1)"))
        XCTAssertTrue(markdown.contains("| New since the previous run | 4 |"))
    }

    func testTheDashboardMarksAndFiltersByHistory() throws {
        let page = text(HTMLDashboardWriter())
        XCTAssertTrue(page.contains("<select name=\"history\" data-field=\"history\">"), "a history filter")
        XCTAssertTrue(page.contains("data-history=\"waived\""))
        XCTAssertTrue(page.contains("data-history=\"new\""))
        XCTAssertTrue(page.contains(">waived until 2024-07-31<"))
        XCTAssertTrue(page.contains("Resolved since the run of 2024-05-25 (1)"))
        XCTAssertTrue(page.contains("<dt>New this run</dt>"))
    }
}
