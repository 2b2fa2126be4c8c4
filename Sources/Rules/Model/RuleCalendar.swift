import CaseModel

/// The date arithmetic rules need: adding a statutory timescale ("45 working days",
/// "3 months") to a date. `WorkingDayCalendar` (bank holidays from `rules/calendars/`)
/// conforms; rules never do calendar arithmetic of their own.
public protocol RuleCalendar: Sendable {
    /// `date + span`: calendar months clamp at month end; working days skip weekends and
    /// bank holidays.
    func adding(_ span: CalendarSpan, to date: CalendarDate) -> CalendarDate
}
