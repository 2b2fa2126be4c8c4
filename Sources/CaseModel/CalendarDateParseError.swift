/// Why a text is not an ISO calendar date. `message` is written for a person editing a file:
/// it quotes the text and says what is wrong with it.
public struct CalendarDateParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Error, Hashable, Sendable {
        /// Not of the shape `YYYY-MM-DD` (wrong length, missing zero padding, letters...).
        case badFormat
        case monthOutOfRange(Int)
        /// The day does not exist in that month (`2024-02-30`, `2023-02-29`).
        case dayOutOfRange(day: Int, month: Int, year: Int)
        case yearOutOfRange(Int)
    }

    public var text: String
    public var reason: Reason

    public init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }

    public var message: String {
        switch reason {
        case .badFormat:
            return "'\(text)' is not a date; write dates as YYYY-MM-DD, for example 2024-03-01"
        case .monthOutOfRange(let m):
            return "'\(text)' is not a date: month \(m) does not exist (months run 01 to 12)"
        case .dayOutOfRange(let d, let m, let y):
            let days = CalendarDate.daysInMonth(year: y, month: m)
            return "'\(text)' is not a date: \(CalendarDateParseError.monthNames[m - 1]) \(y) has \(days) days, not \(d)"
        case .yearOutOfRange(let y):
            return "'\(text)' is not a date: year \(y) is out of range (0001 to 9999)"
        }
    }

    public var description: String { message }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]
}
