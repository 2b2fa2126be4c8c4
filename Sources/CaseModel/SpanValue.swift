import CEL

/// The CEL `span` type: a statutory timescale (`span('3 months')`) as an opaque CEL value,
/// so that rules can write `plan.start_date + span('3 months')`.
///
/// Two spans are equal when they have the same amount and unit. They are ordered only when
/// the comparison is exact: days with weeks, months with years, working days with working
/// days. `span('1 month') < span('31 days')` has no answer and is an error in CEL.
public final class SpanValue: OpaqueValue {
    public static let typeName = "span"
    public static let celType = CELType.opaque(typeName)
    public static let argKind = ArgKind.opaque(typeName)

    public let span: CalendarSpan

    public init(_ span: CalendarSpan) { self.span = span }

    /// The span in a common unit of its family, for equality and ordering.
    private var normalised: (family: Int, amount: Int) {
        switch span.unit {
        case .days: return (0, span.amount)
        case .weeks: return (0, span.amount * 7)
        case .workingDays: return (1, span.amount)
        case .months: return (2, span.amount)
        case .years: return (2, span.amount * 12)
        }
    }

    public func isEqual(to other: any OpaqueValue) -> Bool {
        guard let other = other as? SpanValue else { return false }
        return span == other.span
    }

    public func compare(to other: any OpaqueValue) -> Int? {
        guard let other = other as? SpanValue else { return nil }
        let a = normalised, b = other.normalised
        guard a.family == b.family else { return nil }
        return a.amount == b.amount ? 0 : (a.amount < b.amount ? -1 : 1)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(SpanValue.typeName)
        hasher.combine(span)
    }

    public var textDescription: String { span.description }
}

extension Value {
    /// A CEL `span` value.
    public static func span(_ s: CalendarSpan) -> Value { .opaque(SpanValue(s)) }

    /// The span when this value is a CEL `span`; nil otherwise.
    public var asSpan: CalendarSpan? {
        if case .opaque(let o) = self, let s = o as? SpanValue { return s.span }
        return nil
    }
}
