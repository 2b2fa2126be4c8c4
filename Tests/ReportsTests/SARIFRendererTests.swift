import Foundation
import Reports
import Rules
import XCTest

final class SARIFRendererTests: XCTestCase {
    private func log(_ input: ReportInput) throws -> [String: Any] {
        let data = SARIFRenderer().render(input)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func results(_ log: [String: Any]) -> [[String: Any]] {
        ((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
    }

    func testMatchesGoldenFile() throws {
        try Golden.check(SARIFRenderer().render(Fixtures.input()), against: "findings.sarif")
    }

    func testMeetsTheSchemasStructuralRequirements() throws {
        XCTAssertEqual(SARIFSchemaChecks.violations(try log(Fixtures.input())), [])
        XCTAssertEqual(SARIFSchemaChecks.violations(try log(Fixtures.hostileInput())), [])
        XCTAssertEqual(SARIFSchemaChecks.violations(try log(Fixtures.input(findings: []))), [])
    }

    func testSchemaChecksCatchBrokenLogs() {
        // The checks themselves must fail on logs that break the schema.
        XCTAssertFalse(SARIFSchemaChecks.violations(["version": "2.0.0", "runs": []]).isEmpty)
        XCTAssertFalse(SARIFSchemaChecks.violations(["version": "2.1.0"]).isEmpty)
        XCTAssertFalse(SARIFSchemaChecks.violations(["version": "2.1.0", "runs": [["tool": ["driver": [:]]]]]).isEmpty)
        let badResult: [String: Any] = ["version": "2.1.0", "runs": [["tool": ["driver": ["name": "x"]],
                                                                       "results": [["level": "fatal", "message": [:]]]]]]
        XCTAssertEqual(SARIFSchemaChecks.violations(badResult).count, 2, "\(SARIFSchemaChecks.violations(badResult))")
        let badRegion: [String: Any] = ["version": "2.1.0", "runs": [["tool": ["driver": ["name": "x"]], "results": [[
            "message": ["text": "m"],
            "locations": [["physicalLocation": ["artifactLocation": ["uri": "a b"], "region": ["startLine": 0]]]]]]]]]
        XCTAssertEqual(SARIFSchemaChecks.violations(badRegion).count, 2, "\(SARIFSchemaChecks.violations(badRegion))")
        let unknownKey: [String: Any] = ["version": "2.1.0", "runs": [["tool": ["driver": ["name": "x"]], "results": [[
            "message": ["text": "m"], "severity": "high"]]]]]
        XCTAssertEqual(SARIFSchemaChecks.violations(unknownKey), ["$.runs[0].results[0].severity: not allowed in result"])
    }

    func testVersionComesFirst() {
        let text = String(decoding: SARIFRenderer().render(Fixtures.input()), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"version\": \"2.1.0\""), String(text.prefix(60)))
    }

    func testDriverListsEveryRuleWithItsMetadata() throws {
        let run = try XCTUnwrap((try log(Fixtures.input())["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "casecheck")
        XCTAssertEqual(driver["version"] as? String, "0.1.0")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.map { $0["id"] as? String }, Fixtures.rules.map(\.id).sorted())
        let review = try XCTUnwrap(rules.first { $0["id"] as? String == "CP-REVIEW" })
        XCTAssertEqual((review["shortDescription"] as? [String: Any])?["text"] as? String, "Review conferences held on time")
        XCTAssertEqual((review["fullDescription"] as? [String: Any])?["text"] as? String, Fixtures.rules[0].rationale)
        XCTAssertTrue(((review["help"] as? [String: Any])?["text"] as? String ?? "").contains("Working Together"))
        XCTAssertEqual((review["defaultConfiguration"] as? [String: Any])?["level"] as? String, "error")
        XCTAssertEqual((review["properties"] as? [String: Any])?["area"] as? String, "child-protection")
    }

    func testEachResultPointsAtItsRuleAndRecord() throws {
        let sarif = try log(Fixtures.input())
        let rules = (((sarif["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
        let results = results(sarif)
        XCTAssertEqual(results.count, Fixtures.findings.count)
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
        }
        let visit = try XCTUnwrap(results.first { ($0["properties"] as? [String: Any])?["case"] as? String == "C002" })
        XCTAssertEqual(visit["level"] as? String, "error")
        XCTAssertEqual((visit["message"] as? [String: Any])?["text"] as? String, "Gap of 15 working days between visits")
        let physical = try XCTUnwrap(((visit["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((physical["artifactLocation"] as? [String: Any])?["uri"] as? String, "cases/north.yaml")
        XCTAssertEqual((physical["region"] as? [String: Any])?["startLine"] as? Int, 30)
        XCTAssertNotNil((visit["partialFingerprints"] as? [String: Any])?[SARIFRenderer.fingerprintKey] as? String)
        // The aggregate finding concerns no record: it points at its rule.
        let caseload = try XCTUnwrap(results.first { $0["ruleId"] as? String == "CASELOAD" })
        let rulePlace = try XCTUnwrap(((caseload["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((rulePlace["artifactLocation"] as? [String: Any])?["uri"] as? String, "rules/workforce.yaml")
        XCTAssertEqual(caseload["level"] as? String, "note")
    }

    func testLevelsFollowSeverity() {
        XCTAssertEqual(Severity.allCases.map(SARIFRenderer.level(for:)), ["note", "note", "warning", "error", "error"])
    }

    func testHostileTextSurvivesAsData() throws {
        let results = results(try log(Fixtures.hostileInput()))
        let cases = Set(results.compactMap { ($0["properties"] as? [String: Any])?["case"] as? String })
        XCTAssertEqual(cases, [Fixtures.scriptID, "مريم [U+202E]gnp.exe", Fixtures.emoji])
        let messages = Set(results.compactMap { ($0["message"] as? [String: Any])?["text"] as? String })
        XCTAssertTrue(messages.contains(Fixtures.multilineMessage))
        XCTAssertTrue(messages.contains("-2+3 and \u{FFFD} bell"))
        let workers = Set(results.compactMap { ($0["properties"] as? [String: Any])?["worker"] as? String })
        XCTAssertTrue(workers.contains(Fixtures.formulaWorker))
    }

    func testPathsBecomeURIReferences() throws {
        var finding = Fixtures.findings[0]
        finding.location = .init(file: "/data/exports/north & south #2.yaml", line: 7)
        let result = try XCTUnwrap(results(try log(Fixtures.input(findings: [finding]))).first)
        let physical = try XCTUnwrap(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        XCTAssertEqual((physical["artifactLocation"] as? [String: Any])?["uri"] as? String,
                       "file:///data/exports/north%20%26%20south%20%232.yaml")
    }
}
