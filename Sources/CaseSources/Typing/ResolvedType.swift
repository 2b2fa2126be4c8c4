import CaseModel

/// The schema compiled for loading: field lookup by name is a dictionary probe instead of a
/// linear search through `ObjectSchema.fields`, once per key of every record.
indirect enum ResolvedType {
    case string, int, double, bool, date
    /// Text limited to the codes the schema lists (`values: [cin, cp, lac, other]`).
    case code(AllowedCodes)
    case list(ResolvedType)
    case object(ResolvedObject)
    case any

    init(_ field: ObjectSchema.Field) {
        if case .string = field.type, let values = field.allowedValues, !values.isEmpty {
            self = .code(AllowedCodes(values))
        } else {
            self.init(field.type)
        }
    }

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

    /// The same type made of new objects (see ``ResolvedObject/copyForAnotherThread()``).
    func copyForAnotherThread() -> ResolvedType {
        switch self {
        case .list(let item): return .list(item.copyForAnotherThread())
        case .object(let object): return .object(object.copyForAnotherThread())
        case .code(let codes): return .code(AllowedCodes(codes.list.map { String(decoding: Array($0.utf8), as: UTF8.self) }))
        case .string: return .string
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .date: return .date
        case .any: return .any
        }
    }

    /// What a value of this type looks like, in words for someone editing a case file.
    var expectation: String {
        switch self {
        case .string, .code: return "text"
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
