/// A CEL runtime value.
///
/// Errors are values too (`.error`), as the CEL spec requires: an expression such as
/// `false && (1 / 0 == 1)` must be able to absorb an error produced by one operand.
/// Host types (casecheck's calendar `date`, for instance) travel as `.opaque`.
public enum Value: @unchecked Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
    case list([Value])
    case map(MapValue)
    case type(CELType)
    case timestamp(Timestamp)
    case duration(CELDuration)
    /// A value of a type registered by the host (see ``OpaqueValue``).
    case opaque(any OpaqueValue)
    /// A value of a host type that fits in 64 bits, held without an object (see ``ScalarType``).
    case scalar(ScalarValue)
    /// The result of a failed evaluation: carried along until something absorbs it or it
    /// becomes the result of the program.
    case error(EvalError)
}

extension Value {
    /// The CEL type of this value, as `type(x)` reports it.
    public var celType: CELType {
        switch self {
        case .null: return .null
        case .bool: return .bool
        case .int: return .int
        case .uint: return .uint
        case .double: return .double
        case .string: return .string
        case .bytes: return .bytes
        case .list: return .list
        case .map: return .map
        case .type: return .type
        case .timestamp: return .timestamp
        case .duration: return .duration
        case .opaque(let o): return .opaque(Swift.type(of: o).typeName)
        case .scalar(let s): return .opaque(s.type.name)
        case .error: return .error
        }
    }

    /// True when this value is an error.
    @inlinable public var isError: Bool {
        if case .error = self { return true }
        return false
    }
}
