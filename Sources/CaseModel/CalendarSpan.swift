/// A statutory timescale as written in a rule: `45 working days`, `6 weeks`, `3 months`.
/// Months and years are calendar months (end-of-month clamps); working days skip weekends
/// and bank holidays.
public struct CalendarSpan: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Hashable, Sendable, CaseIterable {
        case days, workingDays, weeks, months, years
    }

    public var amount: Int
    public var unit: Unit

    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Reads back as written: "45 working days", "1 month".
    public var description: String {
        let one = amount == 1 || amount == -1
        switch unit {
        case .days: return "\(amount) \(one ? "day" : "days")"
        case .workingDays: return "\(amount) \(one ? "working day" : "working days")"
        case .weeks: return "\(amount) \(one ? "week" : "weeks")"
        case .months: return "\(amount) \(one ? "month" : "months")"
        case .years: return "\(amount) \(one ? "year" : "years")"
        }
    }
}
