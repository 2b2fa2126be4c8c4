import CEL

/// The static CEL types of schema fields, so the rule checker can reject a misspelt field
/// (`plan.start_dat`) or a date compared with a number before any record is read.
extension FieldType {
    /// The checker type: `date` is the opaque `date` type, a list of objects is
    /// `list(object)`, and so on. Any field may also be null (absent).
    public var celType: CELType {
        switch self {
        case .string: return .string
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .date: return DateValue.celType
        case .list(let item): return .listOf(item.celType)
        case .object(let schema): return schema.celType
        case .any: return .dyn
        }
    }
}

extension ObjectSchema {
    /// The checker type of objects of this shape.
    public var celType: CELType { .object(objectType) }

    /// The object's fields and their checker types.
    public var objectType: ObjectType {
        var fields: [String: CELType] = [:]
        for field in self.fields { fields[field.name] = field.type.celType }
        return ObjectType(name: name, fields: fields)
    }
}
