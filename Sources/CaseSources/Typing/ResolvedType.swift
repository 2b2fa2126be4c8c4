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

/// One object of the schema (the child, a plan, a visit), ready for lookups.
final class ResolvedObject {
    let name: String
    /// Declaration order; a field's index is its position here.
    let fieldNames: [String]
    let fieldTypes: [ResolvedType]
    let requiredFields: [String]
    private let indexByName: [String: Int]
    /// The names' UTF-8 bytes end to end, so a key read from JSON bytes is matched without
    /// first being made into a String and hashed.
    private let nameBytes: [UInt8]
    private let nameStarts: [Int]

    init(_ schema: ObjectSchema) {
        name = schema.name
        fieldNames = schema.fields.map(\.name)
        fieldTypes = schema.fields.map { ResolvedType($0) }
        requiredFields = schema.fields.filter(\.required).map(\.name)
        var table: [String: Int] = [:]
        for (i, field) in schema.fields.enumerated() where table[field.name] == nil { table[field.name] = i }
        indexByName = table
        var bytes: [UInt8] = [], starts: [Int] = []
        for field in schema.fields {
            starts.append(bytes.count)
            bytes += Array(field.name.utf8)
        }
        starts.append(bytes.count)
        nameBytes = bytes
        nameStarts = starts
    }

    func fieldIndex(named name: String) -> Int? { indexByName[name] }

    /// The index of the field whose name is exactly these bytes.
    func fieldIndex(matching key: UnsafeBufferPointer<UInt8>) -> Int? {
        nameBytes.withUnsafeBufferPointer { names in
            for i in 0..<fieldNames.count {
                let start = nameStarts[i], length = nameStarts[i + 1] - start
                guard length == key.count else { continue }
                var j = 0
                while j < length && names[start + j] == key[j] { j += 1 }
                if j == length { return i }
            }
            return nil
        }
    }
}

/// The codes a text field may hold.
final class AllowedCodes {
    let list: [String]
    let set: Set<String>

    init(_ values: [String]) {
        list = values
        set = Set(values)
    }
}
