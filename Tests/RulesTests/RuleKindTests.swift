import CEL
import CaseModel
import XCTest
@testable import Rules

/// Each kind through the public API: YAML rule in, record in, findings out.
final class RuleKindTests: XCTestCase {
    private func d(_ s: String) -> CalendarDate { Fixture.date(s) }

    func testExpectFalseIsABreachAndTrueIsNothing() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: WORKER
            title: Every child has a worker
            severity: medium
            expect: child.worker != null
            message: "{{child.id}} has no allocated worker"
        """)
        let without = rule.check(record: Fixture.record("{id: C1}"), asOf: d("2024-01-01"))
        XCTAssertEqual(without.map(\.status), [.breach])
        XCTAssertEqual(without.map(\.message), ["C1 has no allocated worker"])
        XCTAssertNil(without.first?.item)
        XCTAssertEqual(rule.check(record: Fixture.record("{id: C2, worker: Ann}"), asOf: d("2024-01-01")), [])
    }

    func testAnEvaluationErrorIsAnErrorFindingNamingTheExpressionNeverAPass() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: DIV
            title: t
            severity: low
            expect: 10 / size(child.visits) > 1
        """)
        let findings = rule.check(record: Fixture.record("{id: C1, visits: []}"), asOf: d("2024-01-01"))
        XCTAssertEqual(findings.map(\.status), [.error])
        XCTAssertTrue(findings[0].message.contains("'expect' (`10 / size(child.visits) > 1`)"), findings[0].message)
    }

    func testAnExpressionOfTheWrongTypeAtRunTimeIsAnErrorFinding() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: DYN
            title: t
            severity: low
            for_each: child.visits
            deadline: {start: item.kind, done: item.date, within: 1 day}
        """, schema: nil)
        let findings = rule.check(record: Fixture.record("{id: C1, visits: [{kind: cp, date: 2024-01-01}]}"), asOf: d("2024-02-01"))
        XCTAssertEqual(findings.map(\.status), [.error])
        XCTAssertEqual(findings.first?.item, "visits[0]")
        XCTAssertTrue(findings[0].message.contains("'deadline.start'"), findings[0].message)
    }

    func testWhenFiltersItemsAndForEachNamesThem() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: ASSESS
            title: Assessments within 45 working days
            severity: high
            for_each: child.assessments
            as: a
            when: a.start_date >= date('2024-01-01') && a.start_date.addWorkingDays(1) > a.start_date
            deadline: {start: a.start_date, done: a.authorised_date, within: 45 working days, warn_within: 5 working days}
            message: "{{item.id}}: due {{due}}, {{days_late}} days late ({{late}})"
        """)
        let record = Fixture.record("""
        {id: C1, assessments: [
          {id: OLD, start_date: 2023-01-02},
          {id: LATE, start_date: 2024-03-01, authorised_date: 2024-05-06},
          {id: OPEN, start_date: 2024-04-01},
          {id: SOON, start_date: 2024-04-29}]}
        """)
        let findings = rule.check(record: record, asOf: d("2024-06-28"))
        XCTAssertEqual(findings.map(\.item), ["assessments[1]", "assessments[2]", "assessments[3]"])
        XCTAssertEqual(findings.map(\.status), [.breach, .overdue, .dueSoon])
        XCTAssertEqual(findings[0].message, "LATE: due 2024-05-03, 3 days late (3 days)")
        XCTAssertEqual(findings[1].due, d("2024-06-03"))
        XCTAssertEqual(findings[2].due, d("2024-07-01"))
    }

    func testCadenceOverVisitRecordsWithItemsOutOfOrder() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: VISITS
            title: Children on a plan seen every 10 working days
            severity: high
            for_each: child.cp_plans
            as: plan
            cadence:
              events: child.visits.filter(v, v.seen)
              from: plan.start_date
              until: plan.end_date
              then_every: 10 working days
        """)
        let record = Fixture.record("""
        {id: C1, cp_plans: [{start_date: 2024-01-01}],
         visits: [{date: 2024-01-26, seen: true}, {date: 2024-01-12, seen: true}, {date: 2024-01-19, seen: false}]}
        """)
        // Due 2024-01-15 (10 working days after Mon 1 Jan): the 12th is on time, the 26th is on time (due 26th).
        XCTAssertEqual(rule.check(record: record, asOf: d("2024-02-09")), [])
        let overdue = rule.check(record: record, asOf: d("2024-02-12"))
        XCTAssertEqual(overdue.map(\.status), [.overdue])
        XCTAssertEqual(overdue.first?.due, d("2024-02-09"))
        XCTAssertEqual(overdue.first?.daysLate, 3)
    }

    func testSteppedScheduleRuleLoadsAndRuns() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: LAC-VISITS
            title: Looked-after children visited on time
            severity: high
            for_each: child.placements
            as: p
            cadence:
              events: child.visits.map(v, v.date)
              from: p.start_date
              until: p.end_date
              schedule:
                - within: 1 week
                - every: 6 weeks
                  for: 1 year
                - every: 3 months
        """)
        guard case .cadence(let c) = rule.definition.kind else { return XCTFail("not a cadence") }
        XCTAssertEqual(c.schedule, [.within(CalendarSpan(1, .weeks)), .every(CalendarSpan(6, .weeks), for: CalendarSpan(1, .years)),
                                    .every(CalendarSpan(3, .months), for: nil)])
        let record = Fixture.record("{id: C1, placements: [{id: P1, start_date: 2024-01-01}], visits: [{date: 2024-01-09}]}")
        let findings = rule.check(record: record, asOf: d("2024-02-01"))
        XCTAssertEqual(findings.map(\.status), [.breach])
        XCTAssertEqual(findings.first?.due, d("2024-01-08"))
    }

    func testDurationRuleFindsPrematureClosureAndDrift() throws {
        let pack = Fixture.rules("""
        rules:
          - id: CP-SHORT
            title: Plans not ended before the first review
            severity: high
            for_each: child.cp_plans
            duration: {start: item.start_date, end: item.end_date, min: 3 months}
            message: "Plan ended after {{value}} days, before {{due}}"
          - id: CP-LONG
            title: Plans not drifting past two years
            severity: medium
            for_each: child.cp_plans
            duration: {start: item.start_date, end: item.end_date, max: 2 years}
        """)
        let record = Fixture.record("{id: C1, cp_plans: [{id: A, start_date: 2024-01-10, end_date: 2024-02-01}, {id: B, start_date: 2021-06-01}]}")
        let short = pack.rules[0].check(record: record, asOf: d("2024-06-01"))
        XCTAssertEqual(short.map(\.message), ["Plan ended after 22 days, before 2024-04-10"])
        let long = pack.rules[1].check(record: record, asOf: d("2024-06-01"))
        XCTAssertEqual(long.map(\.item), ["cp_plans[1]"])
        XCTAssertEqual(long.first?.daysLate, 366)
    }

    func testNoOverlapReportsEachOverlappingPair() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: PLACEMENTS
            title: Placements do not overlap
            severity: medium
            for_each: child.placements
            no_overlap: {start: item.start_date, end: item.end_date}
            message: "{{item.id}} overlaps {{other.id}} by {{value}} days"
        """)
        let record = Fixture.record("""
        {id: C1, placements: [{id: P1, start_date: 2024-01-01, end_date: 2024-03-01},
                              {id: P2, start_date: 2024-03-01, end_date: 2024-04-10},
                              {id: P3, start_date: 2024-04-01}]}
        """)
        let findings = rule.check(record: record, asOf: d("2024-06-01"))
        XCTAssertEqual(findings.map(\.message), ["P3 overlaps P2 by 9 days"])
        XCTAssertEqual(findings.map(\.item), ["placements[2]"])
        let reordered = Fixture.record("""
        {id: C1, placements: [{id: P3, start_date: 2024-04-01},
                              {id: P1, start_date: 2024-01-01, end_date: 2024-03-01},
                              {id: P2, start_date: 2024-03-01, end_date: 2024-04-10}]}
        """)
        let again = rule.check(record: reordered, asOf: d("2024-06-01"))
        XCTAssertEqual(again.map(\.message), ["P2 overlaps P3 by 9 days"])
        XCTAssertEqual(again.map(\.fingerprint), findings.map(\.fingerprint), "the same pair keeps its fingerprint")
    }

    func testAggregateCountsAcrossRecordsPerGroup() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: CASELOAD
            title: Caseload per worker within the local maximum
            severity: medium
            when: child.episodes.exists(e, e.closure_date == null)
            aggregate: {group_by: child.worker, count: true, max: 2}
            message: "{{group}} holds {{value}} open cases (local maximum 2)"
        """)
        XCTAssertTrue(rule.isAggregate)
        let records = [
            Fixture.record("{id: C1, worker: Ann, episodes: [{referral_date: 2024-01-01}]}"),
            Fixture.record("{id: C2, worker: Ann, episodes: [{referral_date: 2024-01-01}]}"),
            Fixture.record("{id: C3, worker: Ann, episodes: [{referral_date: 2024-01-01}]}"),
            Fixture.record("{id: C4, worker: Ann, episodes: [{referral_date: 2024-01-01, closure_date: 2024-02-01}]}"),
            Fixture.record("{id: C5, worker: Bob, episodes: [{referral_date: 2024-01-01}]}"),
            Fixture.record("{id: C6, episodes: [{referral_date: 2024-01-01}]}"),
        ]
        let asOf = d("2024-06-01")
        XCTAssertEqual(rule.check(record: records[0], asOf: asOf), [], "aggregates find nothing per record")
        // Tally in two halves, as two threads would, then merge.
        var first = AggregateTally(), second = AggregateTally()
        for r in records[..<3] { first.merge(rule.tally(record: r, asOf: asOf)) }
        for r in records[3...] { second.merge(rule.tally(record: r, asOf: asOf)) }
        first.merge(second)
        XCTAssertEqual(first.figures, ["Ann": 3, "Bob": 1, "(none)": 1])
        let findings = rule.finish(first, asOf: asOf)
        XCTAssertEqual(findings.map(\.message), ["Ann holds 3 open cases (local maximum 2)"])
        XCTAssertEqual(findings.first?.group, "Ann")
        XCTAssertNil(findings.first?.caseID)
        XCTAssertEqual(findings.first?.status, .breach)
    }

    func testAggregateSumAndMinimum() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: HOURS
            title: Hours per team
            severity: low
            aggregate: {group_by: child.team, sum: child.hours, min: 10}
        """)
        var tally = AggregateTally()
        for yaml in ["{id: A, team: North, hours: 4.5}", "{id: B, team: North, hours: 3}", "{id: C, team: South, hours: 12}"] {
            tally.merge(rule.tally(record: Fixture.record(yaml), asOf: d("2024-01-01")))
        }
        let findings = rule.finish(tally, asOf: d("2024-01-01"))
        XCTAssertEqual(findings.map(\.group), ["North"])
        XCTAssertEqual(findings.map(\.message), ["Hours per team: North has 7.5, less than the minimum 10"])
    }

    func testAggregateErrorsAreKeptAsErrorFindings() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: BAD-SUM
            title: t
            severity: low
            aggregate: {group_by: child.team, sum: child.hours + child.nope, max: 1}
        """, schema: nil)
        let tally = rule.tally(record: Fixture.record("{id: A, team: North, hours: 1}"), asOf: d("2024-01-01"))
        XCTAssertEqual(tally.errors.map(\.status), [.error])
        XCTAssertEqual(rule.finish(tally, asOf: d("2024-01-01")).map(\.caseID), ["A"])
    }

    func testForEachThatFailsAtRunTimeIsOneErrorFinding() throws {
        let rule = try Fixture.rule("""
        rules:
          - id: FE
            title: t
            severity: low
            for_each: child.plans
            expect: "true"
        """, schema: nil)
        let findings = rule.check(record: Fixture.record("{id: A}"), asOf: d("2024-01-01"))
        XCTAssertEqual(findings.map(\.status), [.error])
        XCTAssertTrue(findings[0].message.hasPrefix("could not evaluate 'for_each' (`child.plans`)"), findings[0].message)
    }
}
