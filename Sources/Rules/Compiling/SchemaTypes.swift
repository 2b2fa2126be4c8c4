import CEL
import CaseModel

/// The case schema as CEL types, so the checker can reject `plan.end_dat` before any case is read.
enum SchemaTypes {
    static func celType(of field: FieldType) -> CELType {
        switch field {
        case .string: return .string
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        case .date: return DateValue.celType
        case .list(let element): return .listOf(celType(of: element))
        case .object(let object): return celType(of: object)
        case .any: return .dyn
        }
    }

    static func celType(of object: ObjectSchema) -> CELType {
        var fields: [String: CELType] = [:]
        for field in object.fields { fields[field.name] = celType(of: field.type) }
        return .object(ObjectType(name: object.name, fields: fields))
    }

    /// The element type of a list type; `.dyn` when unknown.
    static func elementType(of type: CELType) -> CELType {
        if case .listOf(let element) = type { return element }
        return .dyn
    }
}
