/// Conversions between day numbers and (year, month, day), and calendar arithmetic.
///
/// The conversions use the "era" method: the proleptic Gregorian calendar repeats every
/// 400 years (146,097 days), and counting years from 1 March puts the leap day at the end
/// of the year, so month lengths before it are fixed. Everything is integer arithmetic.
extension CalendarDate {
    /// Days from 0000-03-01 to 1970-01-01 in the shifted (March-based) count.
    private static let epochShift: Int = 719_468

    /// The earliest and latest dates representable without overflow in later arithmetic
    /// (years -999,999 ... 999,999 would fit; ISO strings limit to 0001...9999 anyway).
    static let validYears: ClosedRange<Int> = -999_999...999_999

    /// Builds a date from its parts; nil when the parts do not name a real day
    /// (month outside 1...12, day outside the month, year out of range).
    public init?(year: Int, month: Int, day: Int) {
        guard CalendarDate.validYears.contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysInMonth(year: year, month: month) else { return nil }
        self.init(dayNumber: Int32(CalendarDate.dayNumber(year: year, month: month, day: day)))
    }

    /// Whether `year` is a Gregorian leap year: divisible by 4, except centuries not divisible by 400.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Number of days in a month (1...12) of a year.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day number for a valid (year, month, day).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        // Treat January and February as months 11 and 12 of the previous year.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400                                   // 0...399
        let shiftedMonth = month > 2 ? month - 3 : month + 9            // March = 0
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1          // 0...365
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - epochShift
    }

    /// The (year, month, day) of this date.
    public var components: (year: Int, month: Int, day: Int) {
        let z = Int(dayNumber) + CalendarDate.epochShift
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097                                // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153                    // March = 0
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    public var year: Int { components.year }
    public var month: Int { components.month }
    public var day: Int { components.day }

    /// ISO day of the week: Monday = 1 ... Sunday = 7.
    public var dayOfWeek: Int {
        // 1970-01-01 was a Thursday (4).
        let d = (Int(dayNumber) + 3) % 7
        return (d < 0 ? d + 7 : d) + 1
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { dayOfWeek >= 6 }

    /// The date `n` days later (earlier when negative).
    public func addingDays(_ n: Int) -> CalendarDate {
        // Clamp first so an absurd n saturates instead of overflowing.
        CalendarDate(dayNumber: Int32(clamping: Int(dayNumber) + min(max(n, -Int(Int32.max)), Int(Int32.max))))
    }

    /// The same day `n` calendar months later (earlier when negative). When that month is
    /// shorter the day clamps to its last day: 31 Jan + 1 month = 29 Feb (leap) or 28 Feb.
    public func addingMonths(_ n: Int) -> CalendarDate {
        let (y, m, d) = components
        let total = y * 12 + (m - 1) + min(max(n, -100_000_000), 100_000_000)
        var newYear = total / 12
        var newMonth = total % 12
        if newMonth < 0 { newMonth += 12; newYear -= 1 }
        newYear = min(max(newYear, CalendarDate.validYears.lowerBound), CalendarDate.validYears.upperBound)
        let month = newMonth + 1
        let day = min(d, CalendarDate.daysInMonth(year: newYear, month: month))
        return CalendarDate(dayNumber: Int32(CalendarDate.dayNumber(year: newYear, month: month, day: day)))
    }

    /// The same day `n` years later; 29 February clamps to 28 February in a common year.
    public func addingYears(_ n: Int) -> CalendarDate { addingMonths(min(max(n, -10_000_000), 10_000_000) * 12) }

    /// Calendar days from this date to `other` (positive when `other` is later).
    public func days(to other: CalendarDate) -> Int { Int(other.dayNumber) - Int(dayNumber) }

    /// Calendar days from `a` to `b` (positive when `b` is later): `daysBetween(1 Jan, 3 Jan) == 2`.
    public static func daysBetween(_ a: CalendarDate, _ b: CalendarDate) -> Int { a.days(to: b) }
}
