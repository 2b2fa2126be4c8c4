import CaseModel

/// A calendar whose working days are Monday to Friday, with no bank holidays. For tests and
/// for packs without a `calendars/` file; real runs use the bank-holiday calendar.
public struct WeekdayCalendar: RuleCalendar {
    public init() {}

    public func adding(_ span: CalendarSpan, to date: CalendarDate) -> CalendarDate {
        switch span.unit {
        case .days: return date.addingDays(span.amount)
        case .weeks: return date.addingDays(span.amount * 7)
        case .months: return date.addingMonths(span.amount)
        case .years: return date.addingYears(span.amount)
        case .workingDays:
            // Step day by day: spans are short (tens of days) and this calendar is not the hot path.
            var d = date
            var left = abs(span.amount)
            let step = span.amount < 0 ? -1 : 1
            while left > 0 {
                d = d.addingDays(step)
                if !d.isWeekend { left -= 1 }
            }
            return d
        }
    }
}
