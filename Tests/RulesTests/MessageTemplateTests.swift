import CaseModel
import XCTest
@testable import Rules

final class MessageTemplateTests: XCTestCase {
    private func d(_ s: String) -> CalendarDate { Fixture.date(s) }

    func testEveryFindingVariableIsAvailable() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: T
            title: t
            severity: low
            for_each: child.assessments
            as: a
            deadline: {start: a.start_date, done: a.authorised_date, within: 10 days}
            message: "{{child.id}}/{{a.id}}/{{item.id}}: due {{due}}, {{late}} late, {{days_late}} days, as of {{as_of}}; {{due.addDays(1)}}"
        """)
        let record = Fixture.record("{id: C1, assessments: [{id: A1, start_date: 2024-01-01}]}")
        XCTAssertEqual(rule.check(record: record, asOf: d("2024-01-12")).map(\.message),
                       ["C1/A1/A1: due 2024-01-11, 1 day late, 1 days, as of 2024-01-12; 2024-01-12"])
    }

    func testTextAroundAndBetweenInterpolationsIsKeptExactly() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: T
            title: t
            severity: low
            expect: "false"
            message: "{{ child.id }}{{child.worker}} — {braces} stay {{ 1 + 2 }}!"
        """)
        XCTAssertEqual(rule.check(record: Fixture.record("{id: C1, worker: Ann}"), asOf: d("2024-01-01")).map(\.message),
                       ["C1Ann — {braces} stay 3!"])
    }

    func testMissingValuesReadAsNoneAndFailuresShowInTheText() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: T
            title: t
            severity: low
            expect: "false"
            message: "worker {{child.worker}}; {{child.visits[5].date}}"
        """)
        let message = rule.check(record: Fixture.record("{id: C1}"), asOf: d("2024-01-01")).first?.message ?? ""
        XCTAssertTrue(message.hasPrefix("worker none; <error: "), message)
    }

    func testEmptyInterpolationIsALoadError() {
        let diagnostics = Fixture.load("""
        rules:
          - id: T
            title: t
            severity: low
            expect: "false"
            message: "a {{ }} b"
        """).1.map(\.description)
        XCTAssertEqual(diagnostics, ["rules.yaml:6:17: error: in 'message': '{{}}' is empty; put a value between the braces, such as {{due}}"])
    }

    func testTemplateSyntaxErrorIsALoadErrorAtItsColumn() {
        let diagnostics = Fixture.load("""
        rules:
          - id: T
            title: t
            severity: low
            expect: "false"
            message: "due {{due +}} ok"
        """).1.map(\.location.description)
        XCTAssertEqual(diagnostics, ["rules.yaml:6:26"])
    }

    func testVariablesOfFindingsAreNotAvailableInConditions() {
        let diagnostics = Fixture.load("""
        rules:
          - id: T
            title: t
            severity: low
            when: due != null
            expect: "false"
        """).1
        XCTAssertEqual(diagnostics.map(\.location.description), ["rules.yaml:5:11"])
    }

    func testDefaultMessageWhenTheRuleHasNone() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: T
            title: Assessment authorised on time
            severity: low
            for_each: child.assessments
            deadline: {start: item.start_date, done: item.authorised_date, within: 10 days}
        """)
        let record = Fixture.record("{id: C1, assessments: [{start_date: 2024-01-01}, {start_date: 2024-01-01, authorised_date: 2024-01-13}]}")
        XCTAssertEqual(rule.check(record: record, asOf: d("2024-01-15")).map(\.message),
                       ["Assessment authorised on time: overdue since 2024-01-11 (4 days)",
                        "Assessment authorised on time: due 2024-01-11, 2 days late"])
    }
}

final class TimescaleTests: XCTestCase {
    func testTimescalesInWords() throws {
        let pack = Fixture.rules("""
        rules:
          - {id: A, title: t, severity: low, deadline: {start: child.birth_date, done: child.birth_date, within: 45 working days, warn_within: 5 working days}}
          - {id: B, title: t, severity: low, cadence: {events: "[]", from: child.birth_date, first_within: 3 months, then_every: 6 months}}
          - id: C
            title: t
            severity: low
            cadence:
              events: "[]"
              from: child.birth_date
              schedule: [{within: 1 week}, {every: 6 weeks, for: 1 year}, {every: 3 months}]
          - {id: D, title: t, severity: low, duration: {start: child.birth_date, end: child.birth_date, min: 3 months, max: 2 years}}
          - {id: E, title: t, severity: low, aggregate: {group_by: child.worker, count: true, max: 20}}
          - {id: F, title: t, severity: low, expect: "true"}
        """)
        XCTAssertEqual(pack.rules.map(\.definition.kind.timescale), [
            "within 45 working days (due soon 5 working days before)",
            "first within 3 months, then every 6 months",
            "first within 1 week, then every 6 weeks for 1 year, then every 3 months",
            "at least 3 months and at most 2 years",
            "at most 20 per group",
            nil,
        ])
    }
}
