import CaseModel
import Foundation
import History
import Rules
import XCTest

final class TrendRenderingTests: XCTestCase {
    private func report() throws -> TrendReport {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        for n in 0..<4 {
            var findings = (0...n).map { finding("R", "N\($0)", daysLate: 10, worker: "=HYPERLINK(\"x\")") }
            findings.append(finding("R", "S1", daysLate: 2, worker: "Sam, Jones"))
            _ = try store.record(runInput("2024-06-0\(n + 1)", findings))
        }
        return try store.trend(by: .worker, last: 3, rule: DeteriorationRule(risingRuns: 2))
    }

    func testTextNamesTheDeterioratingGroupsFirst() throws {
        let text = TrendRendering.text(try report())
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "Open findings by worker, 3 runs from 2024-06-02 to 2024-06-04")
        XCTAssertTrue(lines[2].hasPrefix("=HYPERLINK(\"x\")"), lines[2])
        XCTAssertTrue(lines[2].contains("2 → 4"), lines[2])
        XCTAssertTrue(lines[2].contains("▁▄█"), lines[2])
        XCTAssertTrue(lines[2].contains("DETERIORATING: open findings rose over the last 2 runs (2 → 4)"), lines[2])
        XCTAssertFalse(lines[3].contains("DETERIORATING"), lines[3])
        XCTAssertEqual(lines.last, "1 of 2 groups deteriorating (rising over 2 runs)")
    }

    func testCSVNeutralisesFormulasAndQuotes() throws {
        let lines = TrendRendering.csv(try report()).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "dimension,group,run,as_of,open,waived,overdue_days,deteriorating")
        XCTAssertEqual(lines[1], "worker,\"'=HYPERLINK(\"\"x\"\")\",2,2024-06-02,2,0,20,yes")
        XCTAssertEqual(lines[4], "worker,\"Sam, Jones\",2,2024-06-02,1,0,2,no")
        XCTAssertEqual(lines.count, 7)
    }

    func testJSONRoundTrips() throws {
        let original = try report()
        let decoded = try JSONDecoder().decode(TrendReport.self, from: Data(try TrendRendering.json(original).utf8))
        XCTAssertEqual(decoded, original)
        XCTAssertTrue(try TrendRendering.json(original).contains("\"overdue_days\""))
    }

    func testAnEmptyHistorySaysSo() {
        let empty = TrendReport(dimension: .team, runs: [], groups: [], rule: DeteriorationRule())
        XCTAssertTrue(TrendRendering.text(empty).contains("No runs"))
        XCTAssertEqual(TrendRendering.csv(empty), "dimension,group,run,as_of,open,waived,overdue_days,deteriorating\n")
    }
}
