import CaseModel
import XCTest
@testable import Rules

final class RuleCatalogueTests: XCTestCase {
    private let yaml = """
    rules:
      - id: ASMT-TIMELY
        title: Assessment within 45 working days
        severity: medium
        area: assessments
        source: Working Together 2023, chapter 3
        rationale: >
          Assessments are completed
          within 45 working days.
        for_each: child.assessments
        as: a
        deadline: {start: a.start_date, done: a.authorised_date, within: 45 working days}
        examples:
          - name: late
            as_of: 2024-06-01
            expect: fail
            status: overdue
            case: {id: X1, assessments: [{id: A1, start_date: 2024-01-02}]}
      - id: CASELOAD
        title: Caseload <at most> 20 | per worker
        severity: low
        aggregate: {group_by: child.worker, count: true, max: 20}
        examples:
          - name: two children
            as_of: 2024-06-01
            expect: pass
            cases: [{id: X1, worker: Sam}, {id: X2, worker: Sam}]
    """

    private func catalogue() -> RuleCatalogue {
        RuleCatalogue(rules: Fixture.rules(yaml).rules.map(\.definition))
    }

    func testGroupsByAreaAlphabeticallyWithRulesWithoutAnAreaUnderOther() {
        let c = catalogue()
        XCTAssertEqual(c.areas.map(\.title), ["Assessments", "Other"])
        XCTAssertEqual(c.areas.map { $0.entries.map(\.definition.id) }, [["ASMT-TIMELY"], ["CASELOAD"]])
        XCTAssertEqual(RuleCatalogue.title(ofArea: "child-protection"), "Child protection")
    }

    func testEntryInWords() throws {
        let entry = try XCTUnwrap(catalogue().areas.first?.entries.first)
        XCTAssertEqual(entry.scope, "each item of `child.assessments` (called `a`)")
        XCTAssertEqual(entry.check, "`a.authorised_date` comes within the timescale of `a.start_date`")
        XCTAssertEqual(entry.timescale, "within 45 working days")
        XCTAssertEqual(entry.place, "rules.yaml:2")
        XCTAssertEqual(entry.examples.first?.expectation, "fail (overdue)")
        XCTAssertEqual(entry.examples.first?.rows.map { "\($0.field)=\($0.value)" },
                       ["id=X1", "assessments[0].id=A1", "assessments[0].start_date=2024-01-02"])
    }

    func testMarkdownCodeSpansAreNeverEntityEscaped() {
        XCTAssertEqual(RuleCatalogueMarkdown.cell("`a < b && c > d` when <b>x</b>"), "`a < b && c > d` when &lt;b&gt;x&lt;/b&gt;")
        XCTAssertEqual(RuleCatalogueMarkdown.cell("`a || b`"), "`a \\|\\| b`", "pipes are escaped for the table, inside code too")
        XCTAssertEqual(RuleCatalogueMarkdown.cell("``x ` y`` and `<`"), "``x ` y`` and `<`", "a longer fence holds a backtick")
        XCTAssertEqual(RuleCatalogueMarkdown.cell("a ` b <c>"), "a ` b &lt;c&gt;", "an unclosed backtick is plain text")
    }

    func testTheCommittedCatalogueHasNoEntitiesInCodeSpans() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for line in text.split(separator: "\n") {
            var inCode = false
            var code = ""
            for character in line {
                if character == "`" {
                    if inCode { XCTAssertFalse(code.contains("&lt;") || code.contains("&gt;") || code.contains("&amp;"), String(line)) }
                    inCode.toggle()
                    code = ""
                } else if inCode {
                    code.append(character)
                }
            }
        }
    }

    func testMarkdownShowsTheRuleAndItsExamplesAsTables() {
        let md = RuleCatalogueMarkdown.render(catalogue())
        XCTAssertTrue(md.contains("""
        ### ASMT-TIMELY

        **Assessment within 45 working days**

        | | |
        |---|---|
        | Severity | medium |
        | Source | Working Together 2023, chapter 3 |
        | Looks at | each item of `child.assessments` (called `a`) |
        | Checks that | `a.authorised_date` comes within the timescale of `a.start_date` |
        | Timescale | within 45 working days |
        | Rule file | `rules.yaml:2` |

        Assessments are completed within 45 working days.

        Examples:

        *late*: as of 2024-06-01, expected to fail (overdue)

        | field | value |
        |---|---|
        | id | X1 |
        | assessments[0].id | A1 |
        | assessments[0].start_date | 2024-01-02 |
        """), md)
        XCTAssertTrue(md.contains("| child | field | value |\n|---|---|---|\n| 1 | id | X1 |\n| 1 | worker | Sam |\n| 2 | id | X2 |"), md)
        XCTAssertTrue(md.contains("**Caseload &lt;at most&gt; 20 | per worker**"), "no raw HTML from titles")
        XCTAssertTrue(md.contains("| Timescale | at most 20 per group |"), md)
    }

    func testHTMLEscapesEverythingItShows() {
        let html = RuleCatalogueHTML.render(catalogue())
        XCTAssertTrue(html.contains("<strong>Caseload &lt;at most&gt; 20 | per worker</strong>"), html)
        XCTAssertFalse(html.contains("<at most>"))
        XCTAssertTrue(html.contains("<tr><th>child</th><th>field</th><th>value</th></tr>"))
        XCTAssertEqual(RuleCatalogueHTML.escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    func testCommittedCatalogueOfTheDefaultPackIsUpToDate() throws {
        let pack = try PackageFiles.defaultPack()
        let catalogue = RuleCatalogue(rules: pack.rules.map(\.definition), base: PackageFiles.root.path)
        let committed = try PackageFiles.text("docs/rules.md")
        XCTAssertTrue(RuleCatalogueMarkdown.render(catalogue) == committed,
                      "docs/rules.md is out of date with the rule files; regenerate it with: swift run casecheck rules doc --output docs")
        XCTAssertEqual(catalogue.ruleCount, pack.rules.count)
    }
}
