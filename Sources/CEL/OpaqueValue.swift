/// A value of a host-defined type (casecheck's calendar `date`, for example).
///
/// The evaluator uses `isEqual(to:)` for `==`, `!=` and `in`, and `compare(to:)` for
/// `<`, `<=`, `>`, `>=`. Arithmetic and functions on the type are registered as overloads
/// in a ``FunctionRegistry`` (e.g. `_+_` for `date + duration`).
///
/// Class-bound so that a `Value` stays two words wide; hosts with many small values (dates)
/// can intern instances instead of allocating one per value.
public protocol OpaqueValue: AnyObject, Sendable {
    /// The type's name as CEL shows it: `type(x) == date`.
    static var typeName: String { get }
    /// Equality with another opaque value (of any type; return false for other types).
    func isEqual(to other: any OpaqueValue) -> Bool
    /// Ordering: negative, zero, positive; nil when the two cannot be ordered.
    func compare(to other: any OpaqueValue) -> Int?
    /// Hash for use as a map key or in sets.
    func hash(into hasher: inout Hasher)
    /// How the value prints in messages and in `string(x)`.
    var textDescription: String { get }
}

extension OpaqueValue {
    public func compare(to other: any OpaqueValue) -> Int? { nil }
}
