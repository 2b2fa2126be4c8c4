import Foundation
import Reports
import XCTest

/// The dashboard rendered by a real browser: it must request nothing, log nothing, and its
/// script must run under the page's own Content-Security-Policy. Needs Debian's `chromium`
/// (`apt-get install -y chromium`); skipped when it is absent.
final class DashboardInBrowserTests: XCTestCase {
    private var directory: URL!
    private var browser: HeadlessChromium!

    override func setUpWithError() throws {
        guard let found = HeadlessChromium.find() else {
            throw XCTSkip("chromium is not installed (apt-get install -y chromium); the in-browser dashboard test is skipped")
        }
        browser = found
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casecheck-dashboard-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let directory { try? FileManager.default.removeItem(at: directory) }
    }

    private func write(_ html: String, _ name: String) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(html.utf8).write(to: url)
        return url
    }

    func testDetectorSeesRequestsAndConsoleMessages() throws {
        // A page that does both wrong things, so the checks below are known to be able to fail.
        let page = try write("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>bad</title></head><body><p>bad</p>
            <img src="http://casecheck-test.invalid/pixel.png" alt=""><script>console.error("deliberate error");</script></body></html>
            """, "bad.html")
        let visit = try browser.visit(page, workDirectory: directory, action: ["--screenshot=\(directory.appendingPathComponent("bad.png").path)"])
        XCTAssertEqual(visit.requestedURLs, ["http://casecheck-test.invalid/pixel.png"])
        XCTAssertTrue(visit.consoleMessages.contains { $0.contains("deliberate error") }, "\(visit.consoleMessages)")
    }

    func testDashboardRequestsNothingAndLogsNothing() throws {
        let page = try write(HTMLDashboardRenderer().document(Fixtures.input()), "dashboard.html")
        let screenshot = directory.appendingPathComponent("dashboard.png")
        let visit = try browser.visit(page, workDirectory: directory, action: ["--screenshot=\(screenshot.path)"], windowSize: "1280,2200")
        XCTAssertEqual(visit.exitStatus, 0)
        XCTAssertEqual(visit.requestedURLs, [], "the dashboard must be self-contained")
        XCTAssertEqual(visit.consoleMessages, [], "the dashboard logged to the console (errors, CSP violations)")
        let png = try XCTUnwrap(FileManager.default.contents(atPath: screenshot.path), "no screenshot written")
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertGreaterThan(png.count, 20_000, "the screenshot looks blank")
    }

    func testScriptRunsUnderThePolicyAndHostileDataStaysInert() throws {
        let page = try write(HTMLDashboardRenderer().document(Fixtures.hostileInput()), "hostile.html")
        let visit = try browser.visit(page, workDirectory: directory, action: ["--dump-dom", "--virtual-time-budget=2000"])
        XCTAssertEqual(visit.requestedURLs, [])
        XCTAssertEqual(visit.consoleMessages, [], "no alert, no CSP violation, no script error")
        let dom = visit.standardOutput
        XCTAssertTrue(dom.contains("data-enhanced=\"true\""), "the dashboard's script did not run")
        XCTAssertTrue(dom.contains("3 of 3 findings shown"), "the filter count was not written")
        XCTAssertFalse(dom.contains("<script>alert"), "hostile text became markup")
    }

    func testEmptyDashboardRunsCleanlyToo() throws {
        let empty = ReportInput(findings: [], rules: Fixtures.rules, asOf: Fixtures.date("2024-06-01"), counts: Fixtures.counts)
        let page = try write(HTMLDashboardRenderer().document(empty), "empty.html")
        let visit = try browser.visit(page, workDirectory: directory, action: ["--dump-dom", "--virtual-time-budget=2000"])
        XCTAssertEqual(visit.requestedURLs, [])
        XCTAssertEqual(visit.consoleMessages, [])
        XCTAssertTrue(visit.standardOutput.contains("0 of 0 findings shown"), "the script ran on an empty table")
    }

    func testPrintsToPDFWithoutComplaint() throws {
        let page = try write(HTMLDashboardRenderer().document(Fixtures.input()), "print.html")
        let pdf = directory.appendingPathComponent("dashboard.pdf")
        let visit = try browser.visit(page, workDirectory: directory, action: ["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"])
        XCTAssertEqual(visit.requestedURLs, [])
        XCTAssertEqual(visit.consoleMessages, [])
        let data = try XCTUnwrap(FileManager.default.contents(atPath: pdf.path), "no PDF written")
        XCTAssertEqual(String(decoding: data.prefix(5), as: UTF8.self), "%PDF-")
    }
}
