import CaseModel

/// Working days Monday to Friday, no bank holidays: ``WorkingDayCalendar/weekendsOnly`` as a
/// ``RuleCalendar``, for tests and for packs without a `calendars/` file.
public struct WeekdayCalendar: RuleCalendar {
    public init() {}

    public func adding(_ span: CalendarSpan, to date: CalendarDate) -> CalendarDate {
        WorkingDayCalendar.weekendsOnly.adding(span, to: date)
    }
}
