/// A host type whose values fit in 64 bits (casecheck's calendar `date` is a day number).
/// Its values travel inside a ``Value`` as ``Value/scalar(_:)``, with no object of their
/// own: making, copying and freeing one touches no reference count, which matters for a
/// type that every record holds by the hundred.
///
/// Make one instance per type and keep it for the life of the process (a `static let`):
/// values refer to it without retaining it. Equality is same type and same bits; ordering
/// is ``compare(_:_:)``. Functions on the type are registered as overloads taking
/// `ArgKind.opaque(name)`, as for ``OpaqueValue`` types; CEL shows the type as
/// `CELType.opaque(name)`.
open class ScalarType: @unchecked Sendable {
    /// The type's name as CEL shows it: `type(x) == date`.
    public let name: String

    public init(name: String) { self.name = name }

    /// How a value prints in messages and in `string(x)`.
    open func describe(_ bits: Int64) -> String { String(bits) }

    /// Ordering of two values of this type: negative, zero, positive; nil when the type
    /// has no order. Numeric order of the bits unless overridden.
    open func compare(_ a: Int64, _ b: Int64) -> Int? { a < b ? -1 : (a == b ? 0 : 1) }
}

/// A value of a ``ScalarType``: the type and 64 bits.
public struct ScalarValue: @unchecked Sendable {
    /// Not retained: scalar types live as long as the process.
    public unowned(unsafe) let type: ScalarType
    public let bits: Int64

    public init(_ type: ScalarType, bits: Int64) {
        self.type = type
        self.bits = bits
    }

    /// True when `other` is of the same type with the same bits.
    @inlinable public func isEqual(to other: ScalarValue) -> Bool { type === other.type && bits == other.bits }

    public var textDescription: String { type.describe(bits) }
}
