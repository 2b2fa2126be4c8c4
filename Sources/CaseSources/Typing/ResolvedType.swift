import CaseModel

/// The schema compiled for loading: field lookup by name is a dictionary probe instead of a
/// linear search through `ObjectSchema.fields`, once per key of every record.
indirect enum ResolvedType {
    case string, int, double, bool, date
    case list(ResolvedType)
    case object(ResolvedObject)
    case any

    init(_ type: FieldType) {
        switch type {
        case .string: self = .string
        case .int: self = .int
        case .double: self = .double
        case .bool: self = .bool
        case .date: self = .date
        case .list(let item): self = .list(ResolvedType(item))
        case .object(let schema): self = .object(ResolvedObject(schema))
        case .any: self = .any
        }
    }

    /// What a value of this type looks like, in words for someone editing a case file.
    var expectation: String {
        switch self {
        case .string: return "text"
        case .int: return "a whole number"
        case .double: return "a number"
        case .bool: return "true or false"
        case .date: return "a date (YYYY-MM-DD)"
        case .list: return "a list"
        case .object: return "an object (a set of named fields)"
        case .any: return "any value"
        }
    }
}

/// One object of the schema (the child, a plan, a visit), ready for lookups.
final class ResolvedObject {
    let name: String
    let fields: [String: ResolvedType]
    /// Declaration order, for did-you-mean hints and required-field checks.
    let fieldNames: [String]
    let requiredFields: [String]

    init(_ schema: ObjectSchema) {
        name = schema.name
        var table: [String: ResolvedType] = [:]
        for field in schema.fields { table[field.name] = ResolvedType(field.type) }
        fields = table
        fieldNames = schema.fields.map(\.name)
        requiredFields = schema.fields.filter(\.required).map(\.name)
    }
}
