import CaseModel

/// The schema compiled for loading: field lookup by name is a dictionary probe instead of a
/// linear search through `ObjectSchema.fields`, once per key of every record.
///
/// Copying a `ResolvedType` costs nothing: its references are unowned (see
/// ``SchemaReference``), so reading a field's type for every key of every record touches
/// no reference count. The ``ResolvedObject`` a type was made for keeps what it refers to.
enum ResolvedType {
    case string, int, double, bool, date
    /// Text limited to the codes the schema lists (`values: [cin, cp, lac, other]`).
    case code(SchemaReference<AllowedCodes>)
    case list(SchemaReference<ResolvedListItem>)
    case object(SchemaReference<ResolvedObject>)
    case any

    /// The type of a field; objects it needs are added to `owned`, which the caller keeps.
    init(_ field: ObjectSchema.Field, owned: inout [AnyObject]) {
        if case .string = field.type, let values = field.allowedValues, !values.isEmpty {
            self = .code(SchemaReference(AllowedCodes(values), owned: &owned))
        } else {
            self.init(field.type, owned: &owned)
        }
    }

    init(_ type: FieldType, owned: inout [AnyObject]) {
        switch type {
        case .string: self = .string
        case .int: self = .int
        case .double: self = .double
        case .bool: self = .bool
        case .date: self = .date
        case .list(let item): self = .list(SchemaReference(ResolvedListItem(ResolvedType(item, owned: &owned)), owned: &owned))
        case .object(let schema): self = .object(SchemaReference(ResolvedObject(schema), owned: &owned))
        case .any: self = .any
        }
    }

    /// The same type made of new objects (see ``ResolvedObject/copyForAnotherThread()``),
    /// which are added to `owned`.
    func copyForAnotherThread(owned: inout [AnyObject]) -> ResolvedType {
        switch self {
        case .list(let item):
            return .list(SchemaReference(ResolvedListItem(item.target.type.copyForAnotherThread(owned: &owned)), owned: &owned))
        case .object(let object): return .object(SchemaReference(object.target.copyForAnotherThread(), owned: &owned))
        case .code(let codes):
            let list = codes.target.list.map { String(decoding: Array($0.utf8), as: UTF8.self) }
            return .code(SchemaReference(AllowedCodes(list), owned: &owned))
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

/// The item type of a list field, boxed so that a ``ResolvedType`` can refer to it.
final class ResolvedListItem {
    let type: ResolvedType

    init(_ type: ResolvedType) { self.type = type }
}

/// A reference that neither retains nor releases: part of a schema whose owner (a
/// ``ResolvedObject``) keeps it alive for as long as records are read with it.
struct SchemaReference<Target: AnyObject> {
    unowned(unsafe) let target: Target

    /// Refers to `target`, which is added to `owned` to be kept alive.
    init(_ target: Target, owned: inout [AnyObject]) {
        owned.append(target)
        self.target = target
    }
}
