import Crypto
import Foundation
import Reports
import XCTest

final class HTMLDashboardTests: XCTestCase {
    private func page(_ input: ReportInput) -> String { HTMLDashboardRenderer().document(input) }

    /// Plot writes XHTML-style markup, so the page parses as XML: a strict check that every
    /// tag and attribute is closed and escaped.
    private func tree(_ input: ReportInput) throws -> XMLTree {
        let text = page(input).replacingOccurrences(of: "<!DOCTYPE html>", with: "")
        return try XMLTree.parse(Data(text.utf8))
    }

    func testMatchesGoldenFile() throws {
        try Golden.check(HTMLDashboardRenderer().render(Fixtures.input()), against: "dashboard.html")
    }

    func testIsWellFormedWithATableRowPerFinding() throws {
        let root = try tree(Fixtures.input())
        let table = try XCTUnwrap(root.all("table").first { $0.attributes["id"] == "findings" })
        let rows = try XCTUnwrap(table.all("tbody").first).children
        XCTAssertEqual(rows.count, Fixtures.findings.count)
        // Most serious first, then most days late, without any script: a critical finding is
        // never below a medium one however late that is.
        let order = ["critical": 4, "high": 3, "medium": 2, "low": 1, "info": 0]
        let keys = rows.map { (order[$0.attributes["data-severity"] ?? ""] ?? -1, Int($0.attributes["data-late"] ?? "") ?? Int.min) }
        XCTAssertEqual(keys.map { "\($0.0)/\($0.1)" }, keys.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 > $1.1 }.map { "\($0.0)/\($0.1)" })
        XCTAssertEqual(rows.first?.attributes["data-severity"], "critical")
        XCTAssertEqual(table.all("th").first { $0.attributes["id"] == "severity-column" }?.attributes["aria-sort"], "descending")
    }

    func testHeadlineFigures() throws {
        let root = try tree(Fixtures.input())
        let headlines = root.all("div").filter { ($0.attributes["class"] ?? "").hasPrefix("headline") }
        let figures = Dictionary(uniqueKeysWithValues: headlines.map { div in
            (div.children.first { $0.name == "dt" }?.text ?? "", div.children.first { $0.attributes["class"] == "figure" }?.text ?? "")
        })
        XCTAssertEqual(figures["Children checked"], "41")
        XCTAssertEqual(figures["Critical findings"], "2", "C001 and C002")
        XCTAssertEqual(figures["High findings"], "2", "C001 and C006")
        XCTAssertEqual(figures["Unallocated children"], "1", "C003 has no worker")
        XCTAssertEqual(figures["Overdue items"], "3")
        let critical = try XCTUnwrap(headlines.first { $0.children.first?.text == "Critical findings" })
        XCTAssertEqual(critical.attributes["class"], "headline tile-critical", "critical findings stand out")
        XCTAssertEqual(figures["Oldest overdue item"], "194 days late")
        XCTAssertEqual(figures["Findings"], "8")
    }

    func testChartsHaveTextEquivalents() throws {
        let root = try tree(Fixtures.input())
        let figures = root.all("figure")
        XCTAssertEqual(figures.map { $0.attributes["id"] }, ["figure-area", "figure-team", "figure-worker", "figure-ageing", "figure-trend"])
        for figure in figures {
            let svg = try XCTUnwrap(figure.all("svg").first)
            XCTAssertEqual(svg.attributes["role"], "img")
            let labels = (svg.attributes["aria-labelledby"] ?? "").split(separator: " ").map(String.init)
            XCTAssertEqual(labels.count, 2)
            let named = Set((svg.all("title") + svg.all("desc")).compactMap { $0.attributes["id"] })
            for label in labels { XCTAssertTrue(named.contains(label), "\(label) names no title or description") }
            XCTAssertNotNil(figure.all("table").first?.all("caption").first)
        }
        // The team chart's table holds the same counts as the bars.
        let team = try XCTUnwrap(figures.first { $0.attributes["id"] == "figure-team" })
        let rows = try XCTUnwrap(team.all("tbody").first).children.map { ($0.all("bdi").first?.text ?? "", $0.all("td").first?.text ?? "") }
        XCTAssertEqual(rows.map { "\($0.0)=\($0.1)" }, ["North=3", "South=3", "no team=2"])
        let barValues = team.all("text").filter { $0.attributes["class"] == "value" }.map(\.text)
        XCTAssertEqual(barValues, ["3", "3", "2"])
        // Ageing bands: 7 days (breach, not counted), 18 and 52 days, 194 days.
        let ageing = try XCTUnwrap(figures.first { $0.attributes["id"] == "figure-ageing" })
        let bands = try XCTUnwrap(ageing.all("tbody").first).children.map { $0.all("td").first?.text ?? "" }
        XCTAssertEqual(bands, ["0", "1", "1", "0", "1"])
    }

    func testTrendOnlyWithHistory() throws {
        XCTAssertFalse(page(Fixtures.input(trend: [])).contains("figure-trend"))
        let trend = try XCTUnwrap(try tree(Fixtures.input()).all("figure").first { $0.attributes["id"] == "figure-trend" })
        XCTAssertEqual(trend.all("circle").count, Fixtures.trend.count)
        XCTAssertEqual(trend.all("polyline").count, 1)
    }

    func testEveryRuleLinkLeadsToItsRule() throws {
        let root = try tree(Fixtures.input())
        let ids = Set(root.all("article").compactMap { $0.attributes["id"] })
        let links = root.all("a").compactMap { $0.attributes["href"] }
        XCTAssertEqual(links.count, Fixtures.findings.count)
        for link in links { XCTAssertTrue(ids.contains(String(link.dropFirst())), "dangling link \(link)") }
        let review = try XCTUnwrap(root.all("article").first { $0.all("h3").first?.all("bdi").first?.text == "CP-REVIEW" })
        let facts = review.all("dd").map { $0.all("bdi").first?.text ?? $0.text }
        XCTAssertTrue(facts.contains("Working Together to Safeguard Children 2023, chapter 4"))
        XCTAssertTrue(facts.contains(Fixtures.rules[0].rationale!))
    }

    func testSelfContainedAndLockedDownByContentSecurityPolicy() throws {
        let text = page(Fixtures.hostileInput())
        for forbidden in ["src=", "url(", "@import", "<link", "href=\"http", "<iframe", "<img"] {
            XCTAssertFalse(text.contains(forbidden), "the page must fetch nothing, found \(forbidden)")
        }
        let root = try tree(Fixtures.hostileInput())
        let policy = try XCTUnwrap(root.all("meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" }?.attributes["content"])
        XCTAssertTrue(policy.hasPrefix("default-src 'none';"))
        let scripts = root.all("script"), styles = root.all("style")
        XCTAssertEqual(scripts.count, 1)
        XCTAssertEqual(styles.count, 1)
        func hash(_ text: String) -> String { "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString() }
        XCTAssertTrue(policy.contains("script-src '\(hash(scripts[0].text))'"), "script hash in \(policy)")
        XCTAssertTrue(policy.contains("style-src '\(hash(styles[0].text))'"), "style hash in \(policy)")
    }

    func testHostileTextIsEscapedEverywhere() throws {
        let text = page(Fixtures.hostileInput())
        XCTAssertFalse(text.contains("<script>alert"))
        XCTAssertFalse(text.contains("<b>bold"))
        XCTAssertFalse(text.contains("\u{202E}"))
        XCTAssertTrue(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(text.contains("data-worker=\"=HYPERLINK(&quot;http://x&quot;)\""))
        // Parsed back, each value reads exactly as written (bidi overrides made visible).
        let root = try tree(Fixtures.hostileInput())
        let rows = try XCTUnwrap(root.all("table").first { $0.attributes["id"] == "findings" }?.all("tbody").first).children
        XCTAssertEqual(Set(rows.compactMap { $0.attributes["data-team"] }), [Fixtures.quotedTeam, "@team", "\rCR"])
        XCTAssertEqual(Set(rows.compactMap { $0.attributes["data-worker"] }), [Fixtures.formulaWorker, "+SUM(A1:A9)", "\tTabbed"])
        let children = Set(rows.compactMap { $0.all("th").first?.all("bdi").first?.text })
        XCTAssertEqual(children, [Fixtures.scriptID, "مريم [U+202E]gnp.exe", Fixtures.emoji])
        let messages = rows.compactMap { $0.all("td")[8].all("bdi").first?.text }
        XCTAssertTrue(messages.contains(Fixtures.multilineMessage.replacingOccurrences(of: "\r\n", with: "\n")))
        // Filter choices list the hostile values as option text and values, escaped.
        let options = root.all("option").compactMap { $0.attributes["value"] }
        XCTAssertTrue(options.contains(Fixtures.formulaWorker))
        XCTAssertTrue(options.contains(Fixtures.quotedTeam))
    }

    func testLooksLikeEntitiesShowAsWritten() throws {
        // Plot leaves entity-like text alone; the dashboard must still show "&lt;" literally.
        var finding = Fixtures.findings[0]
        finding.worker = "&lt;b&gt; & &#60;"
        let rows = try XCTUnwrap(try tree(Fixtures.input(findings: [finding])).all("tbody").last).children
        XCTAssertEqual(rows.first?.all("td")[7].all("bdi").first?.text, "&lt;b&gt; & &#60;")
    }
}

extension HTMLDashboardTests {
    func testNoFindingsStillMakesACompletePage() throws {
        let empty = ReportInput(findings: [], rules: Fixtures.rules, asOf: Fixtures.date("2024-06-01"), counts: Fixtures.counts)
        let root = try tree(empty)
        XCTAssertEqual(root.all("table").first { $0.attributes["id"] == "findings" }?.all("tbody").first?.children.count, 0)
        XCTAssertEqual(root.all("article").count, Fixtures.rules.count, "every rule checked is still listed")
        XCTAssertTrue(page(empty).contains("No findings."), "charts say there is nothing to draw")
    }
}
