import CaseModel

/// `duration`: a span (a plan, an episode) must last at least `min` and at most `max`.
enum DurationCheck {
    /// - Returns: a breach when a closed span ended before `start + min` (closed prematurely),
    ///   or when the span — an open one measured to the health-check date — runs past
    ///   `start + max` (drift); nil otherwise. `value` is the span's length in days.
    static func evaluate(start: CalendarDate, end: CalendarDate?, min: CalendarSpan?, max: CalendarSpan?,
                         asOf: CalendarDate, calendar: any RuleCalendar) -> CheckOutcome? {
        let measuredTo = end ?? asOf
        let length = Double(start.days(to: measuredTo))
        if let min, let end {
            let earliest = calendar.adding(min, to: start)
            if end < earliest {
                return CheckOutcome(status: .breach, due: earliest, daysLate: end.days(to: earliest), value: length)
            }
        }
        if let max {
            let latest = calendar.adding(max, to: start)
            if measuredTo > latest {
                return CheckOutcome(status: .breach, due: latest, daysLate: latest.days(to: measuredTo), value: length)
            }
        }
        return nil
    }
}
