/// A CEL map. Keys are bool, int, uint or string; `1` and `1u` are the same key, as CEL's
/// heterogeneous equality requires. Insertion order is kept so that output is stable.
public struct MapValue: @unchecked Sendable {
    public private(set) var keys: [Value]
    @usableFromInline var index: [MapKey: Int]
    public private(set) var values: [Value]

    public init() {
        keys = []
        values = []
        index = [:]
    }

    /// Builds a map from key/value pairs; returns nil when a key is not a valid map key
    /// type or appears twice.
    public init?(_ pairs: [(Value, Value)]) {
        self.init()
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs {
            guard let mk = MapKey(k), index[mk] == nil else { return nil }
            index[mk] = keys.count
            keys.append(k)
            values.append(v)
        }
    }

    /// Builds a map with string keys (the shape of a case record).
    public init(stringKeyed pairs: [(String, Value)]) {
        self.init()
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[string: k] = v }
    }

    public var count: Int { keys.count }

    /// Looks a key up; nil when absent (or when the key is not a valid key type).
    public subscript(key: Value) -> Value? {
        guard let mk = MapKey(key), let i = index[mk] else { return nil }
        return values[i]
    }

    /// Looks a key up by its precomputed identity (the compiler builds the `MapKey` of a
    /// field name once, so that a selection does not rebuild it per evaluation).
    @inlinable public subscript(mapKey key: MapKey) -> Value? {
        guard let i = index[key] else { return nil }
        return values[i]
    }

    /// Looks a string key up.
    public subscript(string key: String) -> Value? {
        get {
            guard let i = index[.string(key)] else { return nil }
            return values[i]
        }
        set {
            if let i = index[.string(key)] {
                if let newValue { values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                index[.string(key)] = keys.count
                keys.append(.string(key))
                values.append(newValue)
            }
        }
    }

    private mutating func remove(at i: Int) {
        keys.remove(at: i)
        values.remove(at: i)
        index = [:]
        for (j, k) in keys.enumerated() { index[MapKey(k)!] = j }
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
