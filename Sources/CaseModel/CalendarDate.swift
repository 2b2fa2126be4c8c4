/// A calendar date with no time of day, stored as a day number (days since 1970-01-01,
/// proleptic Gregorian), so comparisons and day arithmetic are integer operations.
public struct CalendarDate: Hashable, Comparable, Sendable {
    public var dayNumber: Int32

    public init(dayNumber: Int32) { self.dayNumber = dayNumber }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }
}

extension CalendarDate: CustomStringConvertible {
    /// The ISO form, `2024-02-29`.
    public var description: String { isoString }
}
