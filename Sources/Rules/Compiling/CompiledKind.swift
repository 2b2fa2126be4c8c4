import CaseModel

/// A rule's check with its expressions compiled.
enum CompiledKind: Sendable {
    case expect(CompiledExpression)
    case deadline(start: CompiledExpression, done: CompiledExpression, within: CalendarSpan, warnWithin: CalendarSpan?)
    case cadence(events: CompiledExpression, from: CompiledExpression, until: CompiledExpression?, schedule: [ScheduleStep])
    case duration(start: CompiledExpression, end: CompiledExpression, min: CalendarSpan?, max: CalendarSpan?)
    case noOverlap(start: CompiledExpression, end: CompiledExpression)
    /// `sum` nil means count the units.
    case aggregate(groupBy: CompiledExpression, sum: CompiledExpression?, max: Double?, min: Double?)
}
