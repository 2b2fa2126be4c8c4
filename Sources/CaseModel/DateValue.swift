import CEL

/// The CEL `date` type: a calendar date, held in a ``Value`` as its day number (a
/// ``ScalarValue``), so that a record's hundreds of dates cost no objects and no
/// reference counting.
public enum DateValue {
    public static let typeName = "date"
    /// The CEL type of dates, for the checker and for overload signatures.
    public static let celType = CELType.opaque(typeName)
    public static let argKind = ArgKind.opaque(typeName)
    /// The scalar type every date value refers to.
    public static let scalarType: ScalarType = DateScalarType()
}

/// Dates as scalars: the bits are the day number, so their numeric order is date order.
private final class DateScalarType: ScalarType, @unchecked Sendable {
    init() { super.init(name: DateValue.typeName) }

    override func describe(_ bits: Int64) -> String { CalendarDate(dayNumber: Int32(truncatingIfNeeded: bits)).isoString }
}

extension Value {
    /// A CEL `date` value.
    @inlinable
    public static func date(_ d: CalendarDate) -> Value { .scalar(ScalarValue(DateValue.scalarType, bits: Int64(d.dayNumber))) }

    /// The calendar date when this value is a CEL `date`; nil otherwise.
    @inlinable
    public var asDate: CalendarDate? {
        if case .scalar(let s) = self, s.type === DateValue.scalarType { return CalendarDate(dayNumber: Int32(truncatingIfNeeded: s.bits)) }
        return nil
    }
}
