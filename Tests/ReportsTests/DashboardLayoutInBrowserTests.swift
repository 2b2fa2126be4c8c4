import CaseModel
import Engine
import FindingStore
import Foundation
@testable import Reports
import Rules
import XCTest

/// The dashboard laid out by a real browser at a phone's width (390 px) and a desktop's
/// (1400 px): the page must never be wider than the window (wide tables scroll inside their
/// own box), and no two labels of a chart may overlap. Needs Debian's `chromium`; skipped without it.
final class DashboardLayoutInBrowserTests: XCTestCase {
    private var directory: URL!
    private var browser: HeadlessChromium!

    override func setUpWithError() throws {
        guard let found = HeadlessChromium.find() else {
            throw XCTSkip("chromium is not installed (apt-get install -y chromium); the dashboard layout test is skipped")
        }
        browser = found
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casecheck-layout-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    /// A busy dashboard: long names, a long file path, sixty runs of history, marks and waivers.
    private func busyPage() -> String {
        var findings = Fixtures.findings
        for n in 0..<40 {
            findings.append(Fixtures.finding("CP-REVIEW", .high, .overdue, child: "C1\(n)", item: "cp_plans[\(n % 3)]",
                                             message: "Review conference overdue since 2024-04-10 (\(n) days late)", due: "2024-04-10",
                                             late: n, worker: "Worker with a rather long name \(n % 7)",
                                             team: "Children in Care and Care Leavers Team \(n % 3)", line: 100 + n))
        }
        let trend = (0..<60).map { n in
            TrendPoint(asOf: CalendarDate(dayNumber: 19_700 + Int32(n * 7)), openFindings: 40 + n % 9, newFindings: n % 5,
                       resolvedFindings: n % 4)
        }
        var marks: [String: FindingMark] = [:]
        for (n, f) in findings.enumerated() {
            marks[f.fingerprint] = n % 3 == 0 ? FindingMark(novelty: .new)
                : FindingMark(novelty: .persisting(since: Fixtures.date("2024-03-01"), runs: n % 9 + 2),
                              waiver: n % 5 == 0 ? .init(state: "waived", by: "Head of Service", reason: "Court timetable",
                                                         until: Fixtures.date("2024-09-01"), explanation: "waived by Head of Service until 2024-09-01: Court timetable") : nil)
        }
        var summary = RunSummary(recordsRead: 60, recordsChecked: 60, rules: Fixtures.rules.count)
        for f in findings { summary.count(f) }
        let context = ReportContext(tool: .casecheck(version: "0.1.0"), asOf: Fixtures.date("2024-06-01"), summary: summary,
                                    rules: Fixtures.rules, trend: trend,
                                    history: ReportHistory(marks: marks, resolved: [], previousAsOf: Fixtures.date("2024-05-25"),
                                                           notes: [:], text: "", json: [String: String]()))
        let sink = ReportSink.memory()
        try! ReportStreaming.write(SortedFindings(findings), context: context,
                                   to: [.init(writer: HTMLDashboardWriter(), sink: sink)])
        return String(decoding: sink.contents, as: UTF8.self)
    }

    /// A host page that lays the dashboard out in a frame `width` CSS pixels wide (headless
    /// Chromium's own window is never narrower than 500) and measures it from outside, so the
    /// dashboard runs unchanged under its own policy. What was measured goes in an attribute
    /// that `--dump-dom` shows.
    private func probe(_ page: String, width: Int) -> String {
        let escaped = page.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        return """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>probe</title></head><body style="margin:0">
        <iframe id="frame" style="width:\(width)px;height:1200px;border:0" srcdoc="\(escaped)"></iframe>
        <script>
        document.getElementById('frame').addEventListener('load', function () {
          var frame = document.getElementById('frame'), doc = frame.contentDocument, win = frame.contentWindow;
          var overflow = doc.documentElement.scrollWidth - win.innerWidth;
          var overlaps = [];
          doc.querySelectorAll('svg.chart').forEach(function (svg) {
            var boxes = Array.prototype.map.call(svg.querySelectorAll('text'), function (t) { return [t.textContent, t.getBoundingClientRect()]; });
            for (var i = 0; i < boxes.length; i++) for (var j = i + 1; j < boxes.length; j++) {
              var a = boxes[i][1], b = boxes[j][1];
              if (a.width > 0 && b.width > 0 && a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) {
                overlaps.push(svg.id + ': ' + boxes[i][0] + ' / ' + boxes[j][0]);
              }
            }
          });
          document.body.setAttribute('data-probe', JSON.stringify({width: win.innerWidth, overflow: overflow, overlaps: overlaps}));
        });
        </script></body></html>
        """
    }

    private func measure(_ page: String, width: Int) throws -> (width: Int, overflow: Int, overlaps: [String]) {
        let url = directory.appendingPathComponent("probe-\(width)-\(UUID()).html")
        try Data(probe(page, width: width).utf8).write(to: url)
        let visit = try browser.visit(url, workDirectory: directory, action: ["--dump-dom", "--virtual-time-budget=3000"],
                                      windowSize: "\(max(width, 500) + 20),1300")
        XCTAssertEqual(visit.requestedURLs, [], "the dashboard requested something")
        let dom = visit.standardOutput
        let start = try XCTUnwrap(dom.range(of: "data-probe=\""), "the measuring script did not run")
        let rest = dom[start.upperBound...]
        let json = String(rest[..<rest.firstIndex(of: "\"")!]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return (object["width"] as? Int ?? 0, object["overflow"] as? Int ?? -1, object["overlaps"] as? [String] ?? [])
    }

    func testThePageFitsAPhoneAndNoChartLabelsOverlap() throws {
        let phone = try measure(busyPage(), width: 390)
        XCTAssertEqual(phone.width, 390)
        XCTAssertLessThanOrEqual(phone.overflow, 0, "the page is \(phone.overflow) px wider than a 390 px phone")
        XCTAssertEqual(phone.overlaps, [], "chart labels overlap at 390 px")
    }

    func testThePageFitsADesktopAndNoChartLabelsOverlap() throws {
        let desktop = try measure(busyPage(), width: 1400)
        XCTAssertLessThanOrEqual(desktop.overflow, 0, "the page is \(desktop.overflow) px wider than 1400 px")
        XCTAssertEqual(desktop.overlaps, [], "chart labels overlap at 1400 px")
    }

    /// The check itself can fail: the old fixed chart grid (32rem columns) overflows a phone,
    /// and dates labelled every few runs overlap.
    func testTheProbeSeesAnOverflowingPageAndOverlappingLabels() throws {
        let wide = busyPage().replacingOccurrences(of: "minmax(min(32rem,100%),1fr)", with: "minmax(32rem,1fr)")
        XCTAssertGreaterThan(try measure(wide, width: 390).overflow, 0, "a page wider than the frame was not seen")
        let crowded = busyPage().replacingOccurrences(of: "</svg>", with: "<text x=\"60\" y=\"20\">crowded</text><text x=\"62\" y=\"20\">crowded</text></svg>")
        XCTAssertFalse(try measure(crowded, width: 1400).overlaps.isEmpty, "overlapping labels were not seen")
    }
}
