import CEL

/// The CEL `date` type: a calendar date as an opaque CEL value.
///
/// Instances for 1900-01-01 ... 2100-12-31 are interned in a table built on first use, so
/// a record with thousands of dates shares objects instead of allocating one per date.
/// Dates outside that range are allocated as needed. Never compare instances by identity:
/// use `isEqual(to:)` or the `date` property.
public final class DateValue: OpaqueValue {
    public static let typeName = "date"
    /// The CEL type of dates, for the checker and for overload signatures.
    public static let celType = CELType.opaque(typeName)
    public static let argKind = ArgKind.opaque(typeName)

    public let date: CalendarDate

    private init(uninterned date: CalendarDate) { self.date = date }

    /// The shared instance for `date` (or a fresh one outside the interned range).
    public static func make(_ date: CalendarDate) -> DateValue {
        let offset = Int(date.dayNumber) - Int(internedRange.lowerBound.dayNumber)
        if offset >= 0 && offset < interned.count { return interned[offset] }
        return DateValue(uninterned: date)
    }

    /// The dates that share one instance each.
    public static let internedRange: ClosedRange<CalendarDate> =
        CalendarDate(year: 1900, month: 1, day: 1)!...CalendarDate(year: 2100, month: 12, day: 31)!

    // A static let is initialised once, lazily and thread-safely.
    private static let interned: [DateValue] = {
        let first = internedRange.lowerBound.dayNumber, last = internedRange.upperBound.dayNumber
        return (first...last).map { DateValue(uninterned: CalendarDate(dayNumber: $0)) }
    }()

    public func isEqual(to other: any OpaqueValue) -> Bool {
        guard let other = other as? DateValue else { return false }
        return date == other.date
    }

    public func compare(to other: any OpaqueValue) -> Int? {
        guard let other = other as? DateValue else { return nil }
        return date == other.date ? 0 : (date < other.date ? -1 : 1)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(DateValue.typeName)
        hasher.combine(date.dayNumber)
    }

    public var textDescription: String { date.isoString }
}

extension Value {
    /// A CEL `date` value.
    public static func date(_ d: CalendarDate) -> Value { .opaque(DateValue.make(d)) }

    /// The calendar date when this value is a CEL `date`; nil otherwise.
    public var asDate: CalendarDate? {
        if case .opaque(let o) = self, let d = o as? DateValue { return d.date }
        return nil
    }
}
