/// The benchmark's schema and rules, embedded so that the figures do not move when the rule
/// pack in `rules/` changes. One rule of each kind, shaped like the real pack's.
enum BenchRules {
    static let schema = """
    child:
      fields:
        id: {type: string, required: true}
        worker: string
        team: string
        birth_date: date
        episodes:
          type: list
          fields:
            id: string
            referral_date: date
            decision_date: date
            closure_date: date
        assessments:
          type: list
          fields:
            id: string
            episode: string
            start_date: date
            authorised_date: date
        cp_plans:
          type: list
          fields:
            id: string
            episode: string
            start_date: date
            end_date: date
            reviews: {type: list, items: date}
            core_groups: {type: list, items: date}
        visits:
          type: list
          fields:
            date: date
            kind: string
            seen: bool
            seen_alone: bool
            worker: string
    """

    static let rules = """
    rules:
      - id: DQ-BIRTH-DATE
        title: Birth date recorded and not in the future
        severity: low
        expect: has(child.birth_date) && child.birth_date <= as_of
      - id: ASMT-45
        title: Assessments authorised within 45 working days
        severity: high
        for_each: child.assessments
        as: a
        deadline: {start: a.start_date, done: a.authorised_date, within: 45 working days, warn_within: 5 working days}
        message: "Assessment {{a.id}} was due by {{due}} ({{late}} late)"
      - id: CP-REVIEW
        title: Review conferences held on time
        severity: high
        for_each: child.cp_plans
        as: plan
        cadence: {events: plan.reviews, from: plan.start_date, until: plan.end_date, first_within: 3 months, then_every: 6 months}
        message: "Review conference overdue since {{due}} ({{late}} late)"
      - id: VISIT-CP
        title: Child on a protection plan seen every 10 working days
        severity: high
        for_each: child.cp_plans
        as: plan
        cadence:
          events: child.visits.filter(v, v.kind == 'cp' && v.seen).map(v, v.date)
          from: plan.start_date
          until: plan.end_date
          first_within: 10 working days
          then_every: 10 working days
      - id: CP-DRIFT
        title: Protection plan open longer than two years
        severity: medium
        for_each: child.cp_plans
        as: plan
        duration: {start: plan.start_date, end: plan.end_date, min: 3 months, max: 2 years}
      - id: CP-OVERLAP
        title: Protection plans do not overlap
        severity: medium
        for_each: child.cp_plans
        as: plan
        no_overlap: {start: plan.start_date, end: plan.end_date}
      - id: CASELOAD
        title: Caseload per worker within the local maximum
        severity: medium
        when: child.episodes.exists(e, e.closure_date == null)
        aggregate: {group_by: child.worker, count: true, max: 20}
        message: "{{group}} holds {{value}} open cases (local maximum 20)"
    """
}
