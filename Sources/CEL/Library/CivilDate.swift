/// A day of the proleptic Gregorian calendar, converted to and from a count of days since
/// 1970-01-01. Pure integer arithmetic (the era-based method), so it is exact for every year
/// a timestamp can hold and needs no calendar object.
struct CivilDate: Equatable {
    var year: Int64
    /// 1 ... 12
    var month: Int64
    /// 1 ... 31
    var day: Int64

    /// The date `days` days after 1970-01-01 (negative before it).
    init(daysSinceEpoch days: Int64) {
        let shifted = days + 719_468                       // count from 0000-03-01
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097              // 0 ... 146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153          // 0 = March
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    init(year: Int64, month: Int64, day: Int64) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01.
    var daysSinceEpoch: Int64 {
        let y = month <= 2 ? year - 1 : year                // years start in March
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 0 = Sunday ... 6 = Saturday.
    static func dayOfWeek(daysSinceEpoch days: Int64) -> Int64 {
        let r = (days + 4) % 7                              // 1970-01-01 was a Thursday
        return r < 0 ? r + 7 : r
    }

    static func isLeapYear(_ year: Int64) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Floor division and modulo, for splitting seconds into days when the seconds are negative.
@inline(__always) func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
}

@inline(__always) func floorModulo(_ a: Int64, _ b: Int64) -> Int64 {
    let r = a % b
    return r != 0 && (r < 0) != (b < 0) ? r + b : r
}
