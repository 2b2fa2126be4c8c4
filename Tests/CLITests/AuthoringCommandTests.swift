import Foundation
import XCTest

/// `rules doc`, `rules schema`, `cases schema` and `explain`, run as a user would.
final class AuthoringCommandTests: XCTestCase {
    func testRulesDocWritesMarkdownCatalogueIntoTheOutputFolder() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["rules", "doc", "--output", "docs"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "wrote docs/rules.md: 3 rules in 1 area\n")
        let doc = try cli.read("docs/rules.md")
        XCTAssertTrue(doc.contains("### CP-REVIEW\n\n**Review conferences held on time**"), doc)
        XCTAssertTrue(doc.contains("| Timescale | first within 3 months, then every 6 months |"), doc)
        XCTAssertTrue(doc.contains("| Rule file | `rules/pack.yaml:2` |"), doc)
        XCTAssertTrue(doc.contains("*first review late*: as of 2024-06-01, expected to fail (a finding)\n\n| field | value |\n|---|---|\n| id | X2 |\n| cp_plans[0].start_date | 2024-01-10 |\n| cp_plans[0].reviews | (none) |\n"), doc)
    }

    func testRulesDocHTMLToStandardOutput() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["rules", "doc", "--format", "html"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(result.stdout.contains("<section class=\"rule\" id=\"CP-REVIEW\">"))
        XCTAssertTrue(result.stdout.contains("<code>has(child.birth_date)</code>"))
    }

    func testRulesDocOnABrokenPackExitsTwo() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli, rules: "rules:\n  - id: A\n    title: t\n    severity: hihg\n    expect: 'true'\n")
        let result = try cli.run(["rules", "doc"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("rules/pack.yaml:4:15: error: 'severity' should be one of"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testRulesSchemaAndCasesSchemaAreJSONSchemas() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let rules = try cli.run(["rules", "schema"])
        XCTAssertEqual(rules.status, 0, rules.stderr)
        let rulesObject = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(rules.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(rulesObject["$schema"] as? String, "http://json-schema.org/draft-07/schema#")

        let cases = try cli.run(["cases", "schema", "--output", "cases.schema.json"])
        XCTAssertEqual(cases.status, 0, cases.stderr)
        let data = try Data(contentsOf: cli.folder.appendingPathComponent("cases.schema.json"))
        let casesObject = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let child = try XCTUnwrap((casesObject["definitions"] as? [String: Any])?["child"] as? [String: Any])
        XCTAssertEqual(Set((child["properties"] as? [String: Any])?.keys.map { $0 } ?? []),
                       ["id", "worker", "team", "birth_date", "cp_plans"], "the fixture schema's fields")
        XCTAssertEqual(child["required"] as? [String], ["id"])
    }

    func testCasesSchemaWithABrokenCaseSchemaExitsTwo() throws {
        let cli = try CLIHarness(self)
        try cli.write("child:\n  fields:\n    id: {type: strng}\n", to: "rules/schema.yaml")
        let result = try cli.run(["cases", "schema"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("rules/schema.yaml:3:"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testExplainShowsItemsValuesDueDatesAndVerdict() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["explain", "CP-REVIEW", "--case", "C-2", "--as-of", "2024-06-01"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, """
        CP-REVIEW: Review conferences held on time
          severity high, written at rules/pack.yaml:2:5
          timescale: first within 3 months, then every 6 months

        Child C-2 (cases/north.yaml:1), as of 2024-06-01

        for_each: child.cp_plans  →  1 item

        cp_plans[0]
          cadence.events: plan.reviews  →  an empty list
          cadence.from: plan.start_date  →  2024-01-10
          cadence.until: plan.end_date  →  none
          due dates:
            after the start 2024-01-10: due 2024-04-10, nothing since (checked up to 2024-06-01)

        Verdict: 1 finding
          overdue cp_plans[0]: Review conference overdue since 2024-04-10 (52 days late) [due 2024-04-10, 52 days late]

        """)
    }

    func testExplainShowsTheValueOfEachPartOfAnExpression() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli, rules: """
        rules:
          - id: NAMED
            title: Allocated and dated
            severity: low
            expect: child.worker != null && (child.birth_date < date('2020-01-01') || child.team == 'North')
        """)
        let result = try cli.run(["explain", "NAMED", "--case", "C-3", "--as-of", "2024-06-01"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("""
          expect: child.worker != null && (child.birth_date < date('2020-01-01') || child.team == 'North')  →  yes
              child.worker != null  →  yes
                child.worker  →  'Sam'
              child.birth_date < date("2020-01-01") || child.team == "North"  →  yes
                child.birth_date < date("2020-01-01")  →  yes
                  child.birth_date  →  2019-09-09
                child.team == "North"  →  not needed
        """), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("Verdict: no finding; the rule is met\n"), result.stdout)
    }

    func testExplainAnAggregateRuleGivesTheGroupVerdictOverEveryRecord() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["explain", "CASELOAD", "--case", "C-1", "--as-of", "2024-06-01"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasSuffix("""
        the child
          aggregate.group_by: child.worker  →  Sam

        Verdict: this rule adds up across children; C-1 counts towards the group 'Sam', which has 3 over the 3 records read (allowed: at most 2 per group)
          breach (group Sam): Sam holds 3 cases (local maximum 2)

        """), result.stdout)
    }

    func testExplainUnknownRuleSuggestsTheNearestIdAndExitsTwo() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["explain", "CP-REVEIW", "--case", "C-2"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "casecheck: error: there is no rule 'CP-REVEIW' in the 3 rules loaded\n  hint: did you mean 'CP-REVIEW'?\n")
        XCTAssertEqual(result.stdout, "")
    }

    func testExplainUnknownChildSuggestsTheNearestIdAndExitsTwo() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let result = try cli.run(["explain", "CP-REVIEW", "--case", "C-22", "cases"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "casecheck: error: no child with id 'C-22' among the 3 records read from cases\n  hint: did you mean 'C-2'?\n")
    }
}
