import CaseModel

/// `deadline`: something must be done within a timescale of a start.
enum DeadlineCheck {
    /// - Returns: a breach when done after the due date; overdue when not done and the
    ///   health-check date is past the due date; due soon when not done and the due date is
    ///   within `warnWithin` of the health-check date (with the days left as `value`); nil otherwise. Done on the due date is on time.
    static func evaluate(start: CalendarDate, done: CalendarDate?, within: CalendarSpan, warnWithin: CalendarSpan?,
                         asOf: CalendarDate, calendar: any RuleCalendar) -> CheckOutcome? {
        let due = calendar.adding(within, to: start)
        if let done {
            guard done > due else { return nil }
            return CheckOutcome(status: .breach, due: due, daysLate: due.days(to: done))
        }
        if asOf > due {
            return CheckOutcome(status: .overdue, due: due, daysLate: due.days(to: asOf))
        }
        if let warnWithin, calendar.adding(warnWithin, to: asOf) >= due {
            // Not late yet: `{{value}}` is the days left.
            return CheckOutcome(status: .dueSoon, due: due, value: Double(asOf.days(to: due)))
        }
        return nil
    }
}
