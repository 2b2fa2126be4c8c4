import CaseModel
import XCTest
@testable import Rules

final class RuleExplanationTests: XCTestCase {
    func testExplanationShowsItemsWhenValuesAndDueDatesWithHolidaysSkipped() throws {
        let calendar = WorkingDayCalendar(name: "test", holidays: [Fixture.date("2024-03-29"): "Good Friday",
                                                                   Fixture.date("2024-04-01"): "Easter Monday"])
        let (pack, diagnostics) = RulePack.load(sources: [RuleSource(name: "r.yaml", text: """
        rules:
          - id: ASSESS
            title: Assessments within 45 working days
            severity: high
            for_each: child.assessments
            as: a
            when: a.id != 'SKIP'
            deadline: {start: a.start_date, done: a.authorised_date, within: 45 working days}
        """)], schema: Fixture.schema, calendar: calendar)
        XCTAssertEqual(diagnostics, [])
        let rule = try XCTUnwrap(pack.rules.first)
        let record = Fixture.record("{id: C1, assessments: [{id: SKIP, start_date: 2024-01-01}, {id: A2, start_date: 2024-03-01, authorised_date: 2024-05-08}]}")
        let explanation = rule.explain(record: record, asOf: Fixture.date("2024-06-01"))
        XCTAssertEqual(explanation.forEach?.value, "2 items")
        XCTAssertEqual(explanation.items.map(\.path), ["assessments[0]", "assessments[1]"])
        XCTAssertEqual(explanation.items.map(\.checked), [false, true])
        XCTAssertEqual(explanation.items[0].when?.value, "no")
        XCTAssertEqual(explanation.items[1].steps.map(\.value), ["2024-03-01", "2024-05-08"])
        XCTAssertEqual(explanation.items[1].steps.map(\.role), ["deadline.start", "deadline.done"])
        XCTAssertEqual(explanation.items[1].dueDates,
                       ["2024-03-01 + 45 working days = 2024-05-07 (skipping 20 weekend days; bank holidays Good Friday 2024-03-29, Easter Monday 2024-04-01)",
                        "done 2024-05-08, 1 day after the due date"])
        XCTAssertEqual(explanation.findings.map(\.daysLate), [1], "the verdict is the rule's own")
    }

    func testCadenceExplanationListsEachGap() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: R
            title: t
            severity: low
            for_each: child.cp_plans
            cadence: {events: item.reviews, from: item.start_date, first_within: 1 month, then_every: 2 months}
        """)
        let record = Fixture.record("{id: C1, cp_plans: [{start_date: 2024-01-01, reviews: [2024-03-01, 2024-01-20]}]}")
        let notes = rule.explain(record: record, asOf: Fixture.date("2024-06-01")).items.first?.dueDates
        XCTAssertEqual(notes, [
            "after the start 2024-01-01: due 2024-02-01, next event 2024-01-20 (on time)",
            "after 2024-01-20: due 2024-03-20, next event 2024-03-01 (on time)",
            "after 2024-03-01: due 2024-05-01, nothing since (checked up to 2024-06-01)",
        ])
    }
}

final class RuleExplanationPartsTests: XCTestCase {
    func testDeadlineAndDurationSayHowTheDatesCompare() throws {
        let pack = Fixture.rules("""
        rules:
          - id: D
            title: t
            severity: low
            for_each: child.assessments
            deadline: {start: item.start_date, done: item.authorised_date, within: 10 days}
          - id: S
            title: t
            severity: low
            for_each: child.cp_plans
            duration: {start: item.start_date, end: item.end_date, min: 3 months, max: 2 years}
        """)
        let record = Fixture.record("""
        {id: C1, assessments: [{start_date: 2024-01-01, authorised_date: 2024-01-11}, {start_date: 2024-05-01}, {start_date: 2024-05-30}],
         cp_plans: [{start_date: 2024-01-01, end_date: 2024-02-01}, {start_date: 2024-05-01}]}
        """)
        let asOf = Fixture.date("2024-06-01")
        XCTAssertEqual(pack.rules[0].explain(record: record, asOf: asOf).items.map { $0.dueDates.last }, [
            "done 2024-01-11, on the due date",
            "not done; 21 days past the due date as of 2024-06-01",
            "not done yet; due in 8 days as of 2024-06-01",
        ])
        XCTAssertEqual(pack.rules[1].explain(record: record, asOf: asOf).items.map(\.dueDates), [
            ["earliest end: 2024-01-01 + 3 months = 2024-04-01", "latest end: 2024-01-01 + 2 years = 2026-01-01",
             "ends 2024-02-01 (31 days from the start), before the earliest end 2024-04-01"],
            ["earliest end: 2024-05-01 + 3 months = 2024-08-01", "latest end: 2024-05-01 + 2 years = 2026-05-01",
             "still open, measured to 2024-06-01 (31 days from the start), before the earliest end 2024-08-01"],
        ])
    }

    func testEachStepCarriesThePartsOfItsExpression() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: R
            title: t
            severity: low
            for_each: child.cp_plans
            as: plan
            expect: plan.end_date == null || daysBetween(plan.start_date, plan.end_date) >= 90
        """)
        let record = Fixture.record("{id: C1, cp_plans: [{start_date: 2024-01-01, end_date: 2024-02-01}]}")
        let explanation = rule.explain(record: record, asOf: Fixture.date("2024-06-01"))
        let step = try XCTUnwrap(explanation.items.first?.steps.first)
        XCTAssertEqual(step.value, "no")
        XCTAssertEqual(step.parts.map { "\($0.depth) \($0.expression) → \($0.value)" }, [
            "1 plan.end_date == null → no",
            "2 plan.end_date → 2024-02-01",
            "1 daysBetween(plan.start_date, plan.end_date) >= 90 → no",
            "2 daysBetween(plan.start_date, plan.end_date) → 31",
            "3 plan.start_date → 2024-01-01",
            "3 plan.end_date → 2024-02-01",
        ])
        let text = RuleExplanationText.render(explanation, rule: rule.definition, caseID: "C1")
        XCTAssertTrue(text.contains("""
          expect: plan.end_date == null || daysBetween(plan.start_date, plan.end_date) >= 90  →  no
              plan.end_date == null  →  no
                plan.end_date  →  2024-02-01
        """), text)
        XCTAssertTrue(text.hasSuffix("Verdict: 1 finding\n  breach cp_plans[0]: t\n"), text)
    }
}
