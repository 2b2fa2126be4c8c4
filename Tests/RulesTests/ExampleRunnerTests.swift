import CaseModel
import XCTest
@testable import Rules

final class ExampleRunnerTests: XCTestCase {
    func testDesignExamplesPass() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: CP-REVIEW
            title: Review conferences held on time
            severity: high
            for_each: cp_plans
            as: plan
            when: plan.start_date <= as_of
            cadence:
              events: plan.reviews
              from: plan.start_date
              until: plan.end_date
              first_within: 3 months
              then_every: 6 months
            message: "Review conference overdue since {{due}} ({{late}} late)"
            examples:
              - name: reviewed on time
                as_of: 2024-09-01
                expect: pass
                case: {id: X1, cp_plans: [{start_date: 2024-01-10, reviews: [2024-04-02]}]}
              - name: first review late
                as_of: 2024-06-01
                expect: fail
                findings: 1
                status: overdue
                case: {id: X2, cp_plans: [{start_date: 2024-01-10, reviews: []}]}
        """)
        let results = rule.runExamples()
        XCTAssertEqual(results.map(\.example.name), ["reviewed on time", "first review late"])
        XCTAssertEqual(results.map(\.passed), [true, true], results.compactMap(\.explanation).joined(separator: "\n"))
        XCTAssertEqual(results[1].findings.map(\.caseID), ["X2"])
    }

    func testWrongExpectationsFailWithAnExplanation() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: W
            title: Has a worker
            severity: low
            expect: child.worker != null
            examples:
              - name: claims pass but fails
                as_of: 2024-01-01
                expect: pass
                case: {id: A}
              - name: claims fail but passes
                as_of: 2024-01-01
                expect: fail
                case: {id: B, worker: Ann}
              - name: wrong count
                as_of: 2024-01-01
                expect: fail
                findings: 2
                case: {id: C}
              - name: wrong status
                as_of: 2024-01-01
                expect: fail
                status: overdue
                case: {id: D}
        """)
        let results = rule.runExamples()
        XCTAssertEqual(results.map(\.passed), [false, false, false, false])
        XCTAssertEqual(results.map { $0.explanation ?? "" }, [
            "expected no findings, got 1 (breach: Has a worker)",
            "expected a finding, got none",
            "expected 2 findings, got 1 (breach: Has a worker)",
            "expected status overdue, got breach: Has a worker",
        ])
    }

    func testAnErrorFindingNeverSatisfiesAFailExample() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: E
            title: t
            severity: low
            expect: child.visits[0].seen
            examples:
              - name: no visits at all
                as_of: 2024-01-01
                expect: fail
                case: {id: A, visits: []}
        """)
        let result = try XCTUnwrap(rule.runExamples().first)
        XCTAssertFalse(result.passed)
        XCTAssertTrue(result.explanation?.hasPrefix("the rule could not be evaluated: ") ?? false, result.explanation ?? "")
    }

    func testAggregateExamplesRunAcrossTheOneCase() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: PLANS
            title: Not too many plans
            severity: low
            for_each: child.cp_plans
            aggregate: {group_by: child.id, count: true, max: 1}
            examples:
              - {name: one plan, as_of: 2024-01-01, expect: pass, case: {id: A, cp_plans: [{id: P}]}}
              - {name: two plans, as_of: 2024-01-01, expect: fail, findings: 1, case: {id: B, cp_plans: [{id: P}, {id: Q}]}}
        """)
        XCTAssertEqual(rule.runExamples().map(\.passed), [true, true])
    }

    func testAggregateExamplesWithSeveralCases() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: CASELOAD
            title: Caseload
            severity: low
            aggregate: {group_by: child.worker, count: true, max: 2}
            message: "{{group}} holds {{value}}"
            examples:
              - name: two children
                as_of: 2024-01-01
                expect: pass
                cases:
                  - {id: A, worker: Ann}
                  - {id: B, worker: Ann}
              - name: three children
                as_of: 2024-01-01
                expect: fail
                cases: [{id: A, worker: Ann}, {id: B, worker: Ann}, {id: C, worker: Ann}, {id: D, worker: Bob}]
        """)
        let results = rule.runExamples()
        XCTAssertEqual(results.map(\.passed), [true, true])
        XCTAssertEqual(results[1].findings.map(\.message), ["Ann holds 3"])
    }

    func testExampleWithBothCaseAndCasesIsALoadError() {
        let diagnostics = Fixture.load("""
        rules:
          - id: X
            title: t
            severity: low
            expect: "true"
            examples:
              - name: both
                as_of: 2024-01-01
                expect: pass
                case: {id: A}
                cases: [{id: B}]
        """).1.map(\.description)
        XCTAssertEqual(diagnostics, ["rules.yaml:7:9: error: example 'both' has both 'case' and 'cases'; use 'case' for one record, 'cases' for several"])
    }

    func testMisspeltFieldInAnExampleCaseIsAWarning() {
        let (pack, diagnostics) = Fixture.load("""
        rules:
          - id: X
            title: t
            severity: low
            expect: "true"
            examples:
              - {name: typo, as_of: 2024-01-01, expect: pass, case: {id: A, cp_plans: [{start_dat: 2024-01-01}]}}
        """)
        XCTAssertEqual(diagnostics.map(\.description),
                       ["rules.yaml:7:81: warning: 'start_dat' is not a field of cp_plan in the case schema\n  hint: did you mean 'start_date'?"])
        XCTAssertEqual(pack.runExamples().map { $0.results.map(\.passed) }, [[true]])
    }

    func testExampleCasesAreTypedByTheSchema() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: D
            title: t
            severity: low
            for_each: child.cp_plans
            expect: item.start_date < date('2024-06-01')
            examples:
              - {name: quoted date in a date field, as_of: 2024-01-01, expect: pass, case: {id: A, cp_plans: [{id: "7", start_date: "2024-01-01"}]}}
        """)
        let result = try XCTUnwrap(rule.runExamples().first)
        XCTAssertTrue(result.passed, result.explanation ?? "")
    }
}
