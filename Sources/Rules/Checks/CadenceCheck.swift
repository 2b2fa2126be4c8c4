import CaseModel

/// `cadence`: events must recur — the first within a timescale of the start, then at most a
/// given interval apart — until the end (or, while open, the health-check date).
enum CadenceCheck {
    /// Every lapse in the timeline: each gap longer than the schedule allows is a breach
    /// (dated by the due date it missed); a gap still open at the health-check date past its
    /// due date is overdue. Events are sorted first, so the order in the file does not matter;
    /// events before `from` or after the end do not count. An event on its due date is on time.
    static func evaluate(from: CalendarDate, until: CalendarDate?, events: [CalendarDate], schedule: [ScheduleStep],
                         asOf: CalendarDate, calendar: any RuleCalendar) -> [CheckOutcome] {
        let end = until.map { min($0, asOf) } ?? asOf
        guard end >= from else { return [] }
        let timeline = events.filter { $0 >= from && $0 <= end }.sorted()
        let plan = Timetable(from: from, schedule: schedule, calendar: calendar)
        var lapses: [CheckOutcome] = []
        var previous: CalendarDate?
        for event in timeline {
            if let due = plan.due(after: previous), event > due {
                lapses.append(CheckOutcome(status: .breach, due: due, daysLate: due.days(to: event), occurrence: due.isoString))
            }
            previous = event
        }
        // The stretch after the last event: to the end of the span, or still running.
        if let due = plan.due(after: previous), end > due {
            let closed = until.map { $0 <= asOf } ?? false
            lapses.append(CheckOutcome(status: closed ? .breach : .overdue, due: due, daysLate: due.days(to: end),
                                       occurrence: due.isoString))
        }
        return lapses
    }

    /// The schedule laid onto a timeline starting at `from`.
    struct Timetable {
        let from: CalendarDate
        let first: CalendarSpan?
        /// Interval steps with the date each stops applying (nil: for ever).
        let phases: [(every: CalendarSpan, until: CalendarDate?)]
        let calendar: any RuleCalendar

        init(from: CalendarDate, schedule: [ScheduleStep], calendar: any RuleCalendar) {
            self.from = from
            self.calendar = calendar
            var first: CalendarSpan?
            var phases: [(CalendarSpan, CalendarDate?)] = []
            // `for` periods run back to back from the start.
            var elapsed: [CalendarSpan] = []
            for step in schedule {
                switch step {
                case .within(let s): first = s
                case .every(let s, let period):
                    if let period {
                        elapsed.append(period)
                        phases.append((s, Timetable.advance(from, by: elapsed, calendar)))
                    } else {
                        phases.append((s, nil))
                    }
                }
            }
            self.first = first ?? phases.first?.0
            self.phases = phases
        }

        private static func advance(_ date: CalendarDate, by spans: [CalendarSpan], _ calendar: any RuleCalendar) -> CalendarDate {
            spans.reduce(date) { calendar.adding($1, to: $0) }
        }

        /// When the next event is due after one on `previous` (after the start when nil);
        /// nil when the schedule has ended and nothing more is required.
        func due(after previous: CalendarDate?) -> CalendarDate? {
            guard let previous else { return first.map { calendar.adding($0, to: from) } }
            for phase in phases where phase.until.map({ previous < $0 }) ?? true {
                return calendar.adding(phase.every, to: previous)
            }
            return nil
        }
    }
}
