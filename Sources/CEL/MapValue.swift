/// A CEL map. Keys are bool, int, uint or string; `1` and `1u` are the same key, as CEL's
/// heterogeneous equality requires. Insertion order is kept so that output is stable.
public struct MapValue: @unchecked Sendable {
    public private(set) var keys: [Value]
    /// Positions by key, built only once the map outgrows ``MapValue/linearLimit``: most maps
    /// in case records (a visit, a plan) have a handful of fields, and comparing a few keys
    /// is cheaper than hashing one, and saves a hash table per object.
    @usableFromInline var index: [MapKey: Int]
    public private(set) var values: [Value]

    /// Maps up to this size are searched key by key.
    @usableFromInline static let linearLimit = 12

    public init() {
        keys = []
        values = []
        index = [:]
    }

    /// An empty map with room for `capacity` entries.
    public init(minimumCapacity capacity: Int) {
        self.init()
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Builds a map from key/value pairs; returns nil when a key is not a valid map key
    /// type or appears twice.
    public init?(_ pairs: [(Value, Value)]) {
        self.init(minimumCapacity: pairs.count)
        for (k, v) in pairs {
            guard let mk = MapKey(k), position(of: mk) == nil else { return nil }
            append(k, mk, v)
        }
    }

    /// Builds a map with string keys (the shape of a case record).
    public init(stringKeyed pairs: [(String, Value)]) {
        self.init(minimumCapacity: pairs.count)
        for (k, v) in pairs { self[string: k] = v }
    }

    public var count: Int { keys.count }

    /// Where a key is, by hash once the map is large, else by comparing keys.
    @inlinable func position(of key: MapKey) -> Int? {
        if keys.count > MapValue.linearLimit { return index[key] }
        if case .string(let wanted) = key {
            for i in keys.indices {
                if case .string(let k) = keys[i], k == wanted { return i }
            }
            return nil
        }
        for i in keys.indices where MapKey(keys[i]) == key { return i }
        return nil
    }

    private mutating func append(_ key: Value, _ mapKey: MapKey, _ value: Value) {
        keys.append(key)
        values.append(value)
        if keys.count == MapValue.linearLimit + 1 {
            index.reserveCapacity(keys.count * 2)
            for (j, k) in keys.enumerated() { index[MapKey(k)!] = j }
        } else if keys.count > MapValue.linearLimit + 1 {
            index[mapKey] = keys.count - 1
        }
    }

    /// Looks a key up; nil when absent (or when the key is not a valid key type).
    public subscript(key: Value) -> Value? {
        guard let mk = MapKey(key), let i = position(of: mk) else { return nil }
        return values[i]
    }

    /// Looks a key up by its precomputed identity (the compiler builds the `MapKey` of a
    /// field name once, so that a selection does not rebuild it per evaluation).
    @inlinable public subscript(mapKey key: MapKey) -> Value? {
        guard let i = position(of: key) else { return nil }
        return values[i]
    }

    /// Looks a string key up.
    public subscript(string key: String) -> Value? {
        get {
            guard let i = position(of: .string(key)) else { return nil }
            return values[i]
        }
        set {
            if let i = position(of: .string(key)) {
                if let newValue { values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                append(.string(key), .string(key), newValue)
            }
        }
    }

    private mutating func remove(at i: Int) {
        keys.remove(at: i)
        values.remove(at: i)
        index = [:]
        if keys.count > MapValue.linearLimit {
            for (j, k) in keys.enumerated() { index[MapKey(k)!] = j }
        }
    }

    /// Key/value pairs in insertion order.
    public var entries: Zip2Sequence<[Value], [Value]> { zip(keys, values) }
}

/// The hashable identity of a map key. Int and uint keys of equal value coincide; a double
/// with an integral value looks up the same entry (CEL's heterogeneous equality).
public enum MapKey: Hashable, Sendable {
    case bool(Bool)
    case integer(Int64)
    case bigUnsigned(UInt64)
    case string(String)

    public init?(_ value: Value) {
        switch value {
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .integer(i)
        case .uint(let u): self = u <= UInt64(Int64.max) ? .integer(Int64(u)) : .bigUnsigned(u)
        case .double(let d):
            guard d.rounded() == d, d.isFinite else { return nil }
            if d >= -9.223372036854775808e18 && d < 9.223372036854775808e18 { self = .integer(Int64(d)) }
            else if d >= 0 && d < 1.8446744073709551616e19 { self = .bigUnsigned(UInt64(d)) }
            else { return nil }
        case .string(let s): self = .string(s)
        default: return nil
        }
    }
}
