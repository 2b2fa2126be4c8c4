import CaseModel

/// One step of a cadence rule's timetable: "within 1 week", "every 6 weeks for 1 year",
/// "every 3 months".
public enum ScheduleStep: Hashable, Sendable, CustomStringConvertible {
    /// The first event is due this long after the start.
    case within(CalendarSpan)
    /// Events at most this far apart; for this long from the end of the previous step
    /// (`for`), or from then on when `for` is nil.
    case every(CalendarSpan, for: CalendarSpan?)

    public var description: String {
        switch self {
        case .within(let s): return "within \(s)"
        case .every(let s, let period?): return "every \(s) for \(period)"
        case .every(let s, nil): return "every \(s)"
        }
    }
}
