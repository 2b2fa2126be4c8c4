import CaseModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One object of the schema (the child, a plan, a visit), ready for lookups.
final class ResolvedObject {
    let name: String
    /// Declaration order; a field's index is its position here.
    let fieldNames: [String]
    let fieldTypes: [ResolvedType]
    let requiredFields: [String]
    private let indexByName: [String: Int]
    /// What the field types refer to without retaining it (nested objects, list item
    /// types, code lists), kept alive here.
    private let owned: [AnyObject]
    /// The names' UTF-8 bytes end to end, so a key read from JSON bytes is matched without
    /// first being made into a String and hashed.
    private let nameBytes: [UInt8]
    private let nameStarts: [Int]

    /// A copy that shares no object or buffer with this one, nested objects included.
    /// Reading a record retains and releases the schema's objects all the time; threads
    /// reading with one shared schema would fight over those reference counts.
    func copyForAnotherThread() -> ResolvedObject { ResolvedObject(copying: self) }

    private init(copying other: ResolvedObject) {
        name = String(decoding: Array(other.name.utf8), as: UTF8.self)
        fieldNames = other.fieldNames.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        var owned: [AnyObject] = []
        fieldTypes = other.fieldTypes.map { $0.copyForAnotherThread(owned: &owned) }
        self.owned = owned
        requiredFields = other.requiredFields.map { String(decoding: Array($0.utf8), as: UTF8.self) }
        indexByName = Dictionary(uniqueKeysWithValues: other.indexByName.map { ($0.key, $0.value) })
        nameBytes = other.nameBytes.map { $0 }
        nameStarts = other.nameStarts.map { $0 }
    }

    init(_ schema: ObjectSchema) {
        name = schema.name
        fieldNames = schema.fields.map(\.name)
        var owned: [AnyObject] = []
        fieldTypes = schema.fields.map { ResolvedType($0, owned: &owned) }
        self.owned = owned
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

    /// The index of the field whose name is exactly these bytes. `likely` is tried first:
    /// exports list fields in the same order as the schema, so it is usually the field
    /// after the one just read.
    func fieldIndex(matching key: UnsafeBufferPointer<UInt8>, likely: Int = 0) -> Int? {
        let fields = nameStarts.count - 1
        if likely >= 0 && likely < fields && matches(key, field: likely) { return likely }
        for i in 0..<fields where i != likely && matches(key, field: i) { return i }
        return nil
    }

    @inline(__always)
    private func matches(_ key: UnsafeBufferPointer<UInt8>, field i: Int) -> Bool {
        nameStarts.withUnsafeBufferPointer { starts in
            let start = starts[i], length = starts[i + 1] - start
            guard length == key.count else { return false }
            return nameBytes.withUnsafeBufferPointer { names in
                memcmp(names.baseAddress! + start, key.baseAddress!, length) == 0
            }
        }
    }
}
