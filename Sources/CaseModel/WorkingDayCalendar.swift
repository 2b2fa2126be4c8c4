/// Which days are working days: Monday to Friday, except bank holidays.
///
/// Bank holidays are known for a covered range of years (2015–2030 for England and Wales);
/// outside it only weekends are non-working days. Counting and adding working days are O(1):
/// the calendar precomputes, for each covered day, how many weekday bank holidays fall on or
/// before it, and the position of every covered working day.
///
/// Counting convention, the one spreadsheet `WORKDAY`/`NETWORKDAYS` users expect:
/// - ``workingDaysBetween(_:_:)`` counts the working days `d` with `a < d <= b`: the start day
///   is not counted, the end day is. It is negative (`-workingDaysBetween(b, a)`) when `b < a`.
/// - ``adding(workingDays:to:)`` with `n > 0` gives the `n`-th working day after the date (the
///   date itself never counts, so from a Saturday, Sunday or bank holiday the first working day
///   after it is day 1: Saturday + 1 working day = Monday). With `n < 0` it gives the `|n|`-th
///   working day before the date (Saturday - 1 working day = Friday). `n == 0` returns the date
///   unchanged, even when it is not a working day.
/// - For `n > 0`, `workingDaysBetween(a, adding(workingDays: n, to: a)) == n`.
public struct WorkingDayCalendar: Sendable {
    /// A name for messages: `England and Wales`.
    public let name: String
    /// The years whose bank holidays are listed; nil for a weekends-only calendar.
    public let coveredYears: ClosedRange<Int>?
    /// Bank holidays by date, with their names.
    public let holidays: [CalendarDate: String]

    /// First covered day number (1 January of the first covered year).
    private let start: Int
    /// Per covered day: weekday bank holidays on or before it, within the covered range.
    private let holidaysUpTo: [Int32]
    /// Offsets from `start` of each covered working day, in order.
    private let workingDayOffsets: [Int32]

    /// Builds a calendar. Holidays outside `coveredYears` are kept in `holidays` but do not
    /// affect counting (outside the covered years only weekends are non-working days).
    /// - Parameter coveredYears: defaults to the span of years of the given holidays.
    public init(name: String, holidays: [CalendarDate: String], coveredYears: ClosedRange<Int>? = nil) {
        self.name = name
        self.holidays = holidays
        let holidayYears = holidays.keys.map(\.year)
        var years = coveredYears
        if years == nil, let lo = holidayYears.min(), let hi = holidayYears.max() { years = lo...hi }
        self.coveredYears = years
        guard let years else {
            start = 0
            holidaysUpTo = []
            workingDayOffsets = []
            return
        }
        let first = CalendarDate.dayNumber(year: years.lowerBound, month: 1, day: 1)
        let last = CalendarDate.dayNumber(year: years.upperBound, month: 12, day: 31)
        var counts: [Int32] = []
        var offsets: [Int32] = []
        counts.reserveCapacity(last - first + 1)
        offsets.reserveCapacity((last - first + 1) * 5 / 7 + 1)
        var running: Int32 = 0
        for n in first...last {
            let d = CalendarDate(dayNumber: Int32(n))
            if !d.isWeekend {
                if holidays[d] != nil { running += 1 } else { offsets.append(Int32(n - first)) }
            }
            counts.append(running)
        }
        start = first
        holidaysUpTo = counts
        workingDayOffsets = offsets
    }

    /// Saturdays and Sundays only, no bank holidays.
    public static let weekendsOnly = WorkingDayCalendar(name: "weekends only", holidays: [:])

    /// The bank holiday's name on this date, if it is one.
    public func holidayName(on date: CalendarDate) -> String? { holidays[date] }

    /// Whether `date` falls within the years whose bank holidays are known.
    public func covers(_ date: CalendarDate) -> Bool {
        let offset = Int(date.dayNumber) - start
        return offset >= 0 && offset < holidaysUpTo.count
    }

    /// Monday to Friday and not a bank holiday (within the covered years).
    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        guard !date.isWeekend else { return false }
        return !covers(date) || holidays[date] == nil
    }

    /// Working days `d` with `a < d <= b`; negative when `b < a`. O(1).
    public func workingDaysBetween(_ a: CalendarDate, _ b: CalendarDate) -> Int {
        cumulative(Int(b.dayNumber)) - cumulative(Int(a.dayNumber))
    }

    /// The `n`-th working day after `date` (before it when `n < 0`); `date` when `n == 0`.
    /// See the type's documentation for how weekends and holidays at the start count.
    public func adding(workingDays n: Int, to date: CalendarDate) -> CalendarDate {
        if n == 0 { return date }
        // Beyond a billion working days the result saturates anyway; clamping avoids overflow.
        let n = min(max(n, -1_000_000_000), 1_000_000_000)
        let day = Int(date.dayNumber)
        // The first day whose cumulative count reaches the target is the working day sought.
        let target = n > 0 ? cumulative(day) + n : cumulative(day - 1) + n + 1
        return CalendarDate(dayNumber: Int32(clamping: firstDay(reaching: target)))
    }

    // MARK: - Counting

    /// A Monday used as the origin for weekday counting (1970-01-05).
    private static let mondayOrigin = 4

    /// Weekdays (Monday–Friday) from the origin Monday up to and including day `n`;
    /// differences give weekdays in half-open ranges `(a, b]`. Works for days before the origin.
    private static func weekdaysUpTo(_ n: Int) -> Int {
        let k = n - mondayOrigin
        let weeks = k >= 0 ? k / 7 : -((-k + 6) / 7)
        let rest = k - weeks * 7                                 // 0...6, Monday = 0
        return weeks * 5 + min(rest + 1, 5)
    }

    /// The first day `n` with `weekdaysUpTo(n) >= target`, always a weekday.
    private static func firstWeekday(reaching target: Int) -> Int {
        let t = target - 1                                       // 0-based weekday index
        let weeks = t >= 0 ? t / 5 : -((-t + 4) / 5)
        return mondayOrigin + weeks * 7 + (t - weeks * 5)
    }

    /// Working days from the origin up to and including day `n` (a running count whose
    /// differences are what matter).
    private func cumulative(_ n: Int) -> Int {
        let offset = n - start
        let holidaysBefore: Int
        if holidaysUpTo.isEmpty || offset < 0 { holidaysBefore = 0 }
        else if offset < holidaysUpTo.count { holidaysBefore = Int(holidaysUpTo[offset]) }
        else { holidaysBefore = Int(holidaysUpTo[holidaysUpTo.count - 1]) }
        return WorkingDayCalendar.weekdaysUpTo(n) - holidaysBefore
    }

    /// The first day whose cumulative working-day count reaches `target`.
    private func firstDay(reaching target: Int) -> Int {
        guard !holidaysUpTo.isEmpty else { return WorkingDayCalendar.firstWeekday(reaching: target) }
        let beforeRange = cumulative(start - 1)
        if target <= beforeRange { return WorkingDayCalendar.firstWeekday(reaching: target) }
        let index = target - beforeRange - 1
        if index < workingDayOffsets.count { return start + Int(workingDayOffsets[index]) }
        // Past the covered range: only weekends skip, so undo the holidays' shift.
        return WorkingDayCalendar.firstWeekday(reaching: target + Int(holidaysUpTo[holidaysUpTo.count - 1]))
    }
}
