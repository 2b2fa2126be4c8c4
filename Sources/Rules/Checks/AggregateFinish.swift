import CaseModel

/// An aggregate rule's verdict on the groups tallied across all records.
struct AggregateFinish {
    let rule: CompiledRule
    let asOf: CalendarDate

    func findings(_ tally: AggregateTally) -> [Finding] { tally.errors }
}
