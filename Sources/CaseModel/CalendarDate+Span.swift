/// Adding statutory timescales to dates.
extension WorkingDayCalendar {
    /// `date + span`: days and weeks are calendar days, months and years calendar months
    /// (end-of-month clamps), working days follow ``adding(workingDays:to:)``.
    public func adding(_ span: CalendarSpan, to date: CalendarDate) -> CalendarDate {
        switch span.unit {
        case .days: return date.addingDays(span.amount)
        case .weeks: return date.addingDays(span.amount * 7)
        case .workingDays: return adding(workingDays: span.amount, to: date)
        case .months: return date.addingMonths(span.amount)
        case .years: return date.addingYears(span.amount)
        }
    }

    /// `date - span`, the inverse direction of ``adding(_:to:)``.
    public func subtracting(_ span: CalendarSpan, from date: CalendarDate) -> CalendarDate {
        adding(CalendarSpan(-span.amount, span.unit), to: date)
    }
}

extension CalendarDate {
    /// This date plus a span, counting working days in `calendar`.
    public func adding(_ span: CalendarSpan, in calendar: WorkingDayCalendar) -> CalendarDate {
        calendar.adding(span, to: self)
    }

    /// This date minus a span, counting working days in `calendar`.
    public func subtracting(_ span: CalendarSpan, in calendar: WorkingDayCalendar) -> CalendarDate {
        calendar.subtracting(span, from: self)
    }
}
