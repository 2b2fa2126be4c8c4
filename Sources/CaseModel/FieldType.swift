/// The type of a case-record field, as `rules/schema.yaml` declares it.
public indirect enum FieldType: Hashable, Sendable, CustomStringConvertible {
    case string, int, double, bool, date
    /// A list whose items have the given type (`list` of objects for `cp_plans`, of dates for `reviews`).
    case list(FieldType)
    case object(ObjectSchema)
    /// Anything; not checked.
    case any

    public var description: String {
        switch self {
        case .string: return "string"
        case .int: return "int"
        case .double: return "double"
        case .bool: return "bool"
        case .date: return "date"
        case .list(let t): return "list of \(t)"
        case .object(let o): return "object \(o.name)"
        case .any: return "any"
        }
    }
}

/// The declared fields of an object in the case schema (the child, a plan, a visit...).
public struct ObjectSchema: Hashable, Sendable {
    public struct Field: Hashable, Sendable {
        public var name: String
        public var type: FieldType
        public var required: Bool
        public var description: String?
        /// The values a string field may take (`cin`, `cp`, `lac`, `other`), when the schema lists them.
        public var allowedValues: [String]?
        /// Where the field is declared, for messages; nil for fields built in code.
        public var location: SourceLocation?

        public init(name: String, type: FieldType, required: Bool = false, description: String? = nil,
                    allowedValues: [String]? = nil, location: SourceLocation? = nil) {
            self.name = name
            self.type = type
            self.required = required
            self.description = description
            self.allowedValues = allowedValues
            self.location = location
        }
    }

    /// A name for messages and the checker (`child`, `cp_plan`).
    public var name: String
    /// Fields in declaration order.
    public var fields: [Field]

    public init(name: String, fields: [Field]) {
        self.name = name
        self.fields = fields
    }

    public func field(named name: String) -> Field? { fields.first { $0.name == name } }
}
