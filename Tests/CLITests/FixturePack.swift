/// A small rule pack and case files in the pack's layout (rules/, rules/schema.yaml,
/// rules/calendars/, cases/), written by each test into its temporary folder.
enum FixturePack {
    static let schema = """
    child:
      fields:
        id: {type: string, required: true}
        worker: string
        team: string
        birth_date: date
        cp_plans:
          type: list
          fields:
            id: string
            start_date: date
            end_date: date
            reviews: {type: list, items: date}
    """

    static let calendar = """
    name: Test calendar
    bank_holidays:
      2024:
        2024-01-01: New Year's Day
        2024-03-29: Good Friday
        2024-04-01: Easter Monday
        2024-05-06: Early May bank holiday
        2024-05-27: Spring bank holiday
        2024-08-26: Summer bank holiday
        2024-12-25: Christmas Day
        2024-12-26: Boxing Day
    """

    static let rules = """
    rules:
      - id: CP-REVIEW
        title: Review conferences held on time
        severity: high
        for_each: child.cp_plans
        as: plan
        cadence:
          events: plan.reviews
          from: plan.start_date
          until: plan.end_date
          first_within: 3 months
          then_every: 6 months
        message: "Review conference overdue since {{due}} ({{late}} late)"
        examples:
          - name: reviewed on time
            as_of: 2024-06-01
            expect: pass
            case: {id: X1, cp_plans: [{start_date: 2024-01-10, reviews: [2024-04-02]}]}
          - name: first review late
            as_of: 2024-06-01
            expect: fail
            case: {id: X2, cp_plans: [{start_date: 2024-01-10, reviews: []}]}
      - id: BIRTH-DATE
        title: Birth date recorded
        severity: low
        expect: has(child.birth_date)
      - id: CASELOAD
        title: Caseload per worker
        severity: medium
        aggregate: {group_by: child.worker, count: true, max: 2}
        message: "{{group}} holds {{value}} cases (local maximum 2)"
    """

    /// Three children: one with a late review, one without a birth date; Sam holds three.
    static let cases = """
    - id: C-2
      worker: Sam
      team: North
      cp_plans: [{id: P1, start_date: 2024-01-10, reviews: []}]
      birth_date: 2016-04-04
    - id: C-1
      worker: Sam
      team: North
    - id: C-3
      worker: Sam
      birth_date: 2019-09-09
      cp_plans: [{id: P1, start_date: 2024-01-10, reviews: [2024-04-02]}]
    """

    /// Writes the pack and the cases.
    static func install(in harness: CLIHarness, rules: String = FixturePack.rules, cases: String = FixturePack.cases) throws {
        try harness.write(schema, to: "rules/schema.yaml")
        try harness.write(calendar, to: "rules/calendars/england-and-wales.yaml")
        try harness.write(rules, to: "rules/pack.yaml")
        try harness.write(cases, to: "cases/north.yaml")
    }
}
