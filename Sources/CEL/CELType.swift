/// A CEL type, both as the static type the checker reasons about and as the runtime
/// value of `type(x)`.
public indirect enum CELType: Hashable, Sendable, CustomStringConvertible {
    case null, bool, int, uint, double, string, bytes, timestamp, duration
    /// `list` without an element type is `list(dyn)`.
    case list
    case map
    case type
    case error
    /// Any type: used where nothing is known statically.
    case dyn
    /// A host-registered type, by name (e.g. `date`).
    case opaque(String)
    /// A list whose elements have a known type (checker only).
    case listOf(CELType)
    /// A map with known key and value types (checker only).
    case mapOf(CELType, CELType)
    /// An object with declared fields (checker only), such as a case record described by a schema.
    case object(ObjectType)

    public var description: String {
        switch self {
        case .null: return "null_type"
        case .bool: return "bool"
        case .int: return "int"
        case .uint: return "uint"
        case .double: return "double"
        case .string: return "string"
        case .bytes: return "bytes"
        case .timestamp: return "google.protobuf.Timestamp"
        case .duration: return "google.protobuf.Duration"
        case .list: return "list"
        case .map: return "map"
        case .type: return "type"
        case .error: return "error"
        case .dyn: return "dyn"
        case .opaque(let name): return name
        case .listOf(let e): return "list(\(e))"
        case .mapOf(let k, let v): return "map(\(k), \(v))"
        case .object(let o): return o.name
        }
    }
}

/// A statically known record shape: field names and their types. At run time such values
/// are plain maps; the checker uses the shape to catch misspelt fields before evaluation.
public struct ObjectType: Hashable, Sendable {
    public var name: String
    public var fields: [String: CELType]

    public init(name: String, fields: [String: CELType]) {
        self.name = name
        self.fields = fields
    }
}
