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
    /// Bit `i` set when field `i` is required, for the first 64 fields; with
    /// ``requiresFieldsPast64`` it lets a reader skip the check when all are present.
    let requiredMask: UInt64
    let requiresFieldsPast64: Bool
    private let indexByName: [String: Int]
    /// What the field types refer to without retaining it (nested objects, list item
    /// types, code lists), kept alive here.
    private let owned: [AnyObject]
    /// The names' UTF-8 bytes end to end, so a key read from JSON bytes is matched without
    /// first being made into a String and hashed.
    /// Held in memory this object owns rather than in arrays: reading a class's array
    /// property retains and releases the array, on every key of every record.
    private let nameBytes: UnsafeMutableBufferPointer<UInt8>
    private let nameStarts: UnsafeMutableBufferPointer<Int>
    /// True when no field name holds a quote, a backslash, a control character or non-ASCII
    /// text, so a name can be matched against raw JSON bytes as it stands.
    private let plainNames: Bool
    /// See ``words(of:)``.
    private let nameWords: UnsafeMutableBufferPointer<(text: (UInt64, UInt64), mask: (UInt64, UInt64))>

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
        requiredMask = other.requiredMask
        requiresFieldsPast64 = other.requiresFieldsPast64
        indexByName = Dictionary(uniqueKeysWithValues: other.indexByName.map { ($0.key, $0.value) })
        nameBytes = ResolvedObject.copy(Array(other.nameBytes))
        nameStarts = ResolvedObject.copy(Array(other.nameStarts))
        plainNames = other.plainNames
        nameWords = ResolvedObject.words(of: other.fieldNames)
    }

    init(_ schema: ObjectSchema) {
        name = schema.name
        fieldNames = schema.fields.map(\.name)
        var owned: [AnyObject] = []
        fieldTypes = schema.fields.map { ResolvedType($0, owned: &owned) }
        self.owned = owned
        requiredFields = schema.fields.filter(\.required).map(\.name)
        var mask: UInt64 = 0
        for (i, field) in schema.fields.enumerated() where field.required && i < 64 { mask |= 1 << UInt64(i) }
        requiredMask = mask
        requiresFieldsPast64 = schema.fields.dropFirst(64).contains { $0.required }
        var table: [String: Int] = [:]
        for (i, field) in schema.fields.enumerated() where table[field.name] == nil { table[field.name] = i }
        indexByName = table
        var bytes: [UInt8] = [], starts: [Int] = []
        for field in schema.fields {
            starts.append(bytes.count)
            bytes += Array(field.name.utf8)
        }
        starts.append(bytes.count)
        nameBytes = ResolvedObject.copy(bytes)
        nameStarts = ResolvedObject.copy(starts)
        nameWords = ResolvedObject.words(of: schema.fields.map(\.name))
        plainNames = bytes.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
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

    /// `field` when the bytes at `offset` are its name in double quotes; nil otherwise
    /// (another field, an escape, the end of the input). Field names are plain text with
    /// no quote or backslash, so a match is the whole key.
    @inline(__always)
    func quotedName(of field: Int, isAt bytes: UnsafeBufferPointer<UInt8>, offset: Int) -> Int? {
        guard field >= 0, field < nameStarts.count - 1 else { return nil }
        let start = nameStarts[field], length = nameStarts[field + 1] - start
        guard offset + length + 2 <= bytes.count, plainNames,
              bytes[offset + length + 1] == UInt8(ascii: "\"") else { return nil }
        let key = UnsafeRawPointer(bytes.baseAddress! + offset + 1)
        // Names of up to sixteen bytes are compared as two masked words where the input
        // has room to load them; a call to memcmp for a few bytes costs more than that.
        if length <= 16 && offset + 17 <= bytes.count {
            let words = nameWords[field]
            let first = UInt64(littleEndian: key.loadUnaligned(as: UInt64.self))
            let second = UInt64(littleEndian: key.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
            return first & words.mask.0 == words.text.0 && second & words.mask.1 == words.text.1 ? field : nil
        }
        return matches(UnsafeBufferPointer(start: key.assumingMemoryBound(to: UInt8.self), count: length), field: field) ? field : nil
    }

    /// The first sixteen bytes of each field's name as two little-endian words, and masks
    /// that keep as many bytes of a loaded word as the name has.
    private static func words(of names: [String]) -> UnsafeMutableBufferPointer<(text: (UInt64, UInt64), mask: (UInt64, UInt64))> {
        ResolvedObject.copy(names.map { name in
            var text: (UInt64, UInt64) = (0, 0), mask: (UInt64, UInt64) = (0, 0)
            for (i, byte) in name.utf8.prefix(16).enumerated() {
                let shift = UInt64(i % 8) * 8
                if i < 8 {
                    text.0 |= UInt64(byte) << shift
                    mask.0 |= 0xFF << shift
                } else {
                    text.1 |= UInt64(byte) << shift
                    mask.1 |= 0xFF << shift
                }
            }
            return (text, mask)
        })
    }

    /// The bytes of a field's name with its two quotes.
    @inline(__always)
    func quotedNameLength(of field: Int) -> Int { nameStarts[field + 1] - nameStarts[field] + 2 }

    @inline(__always)
    private func matches(_ key: UnsafeBufferPointer<UInt8>, field i: Int) -> Bool {
        let start = nameStarts[i], length = nameStarts[i + 1] - start
        return length == key.count && memcmp(nameBytes.baseAddress! + start, key.baseAddress!, length) == 0
    }

    deinit {
        nameBytes.deallocate()
        nameStarts.deallocate()
        nameWords.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
    }
}
