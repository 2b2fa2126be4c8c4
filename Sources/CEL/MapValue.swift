import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A CEL map. Keys are bool, int, uint or string; `1` and `1u` are the same key, as CEL's
/// heterogeneous equality requires. Insertion order is kept so that output is stable.
///
/// The entries live in one shared, copy-on-write storage object, so that passing a map
/// (or a record) around costs one reference count, not three. The keys and their index
/// sit in a separate, immutable ``MapShape`` that many maps can share: objects read from a
/// case file with the same fields in the same order (every visit of a record, say) share
/// one shape, so each holds only its values.
public struct MapValue: @unchecked Sendable {
    /// A shape plus the values in its key order, as arrays: the form a map is changed in.
    struct Table {
        var shape: MapShape.Keys
        var values: [Value]

        init(shape: MapShape.Keys = MapShape.Keys.empty, values: [Value] = []) {
            self.shape = shape
            self.values = values
        }

        func position(of key: MapKey) -> Int? { shape.position(of: key) }

        /// Adds an entry for a key known to be absent. The shape's arrays are taken over
        /// when this table holds the only reference to it.
        mutating func append(_ key: Value, _ mapKey: MapKey, _ value: Value) {
            var keys = shape.keys, mapKeys = shape.mapKeys, buckets = shape.buckets
            shape = MapShape.Keys.empty
            MapShape.Keys.append(key, mapKey, keys: &keys, mapKeys: &mapKeys, buckets: &buckets)
            shape = MapShape.Keys(keys: keys, mapKeys: mapKeys, buckets: buckets)
            values.append(value)
        }

        /// Removes the entry at a position.
        mutating func remove(at p: Int) {
            var keys = shape.keys, mapKeys = shape.mapKeys
            shape = MapShape.Keys.empty
            keys.remove(at: p)
            mapKeys.remove(at: p)
            shape = MapShape.Keys(keys: keys, mapKeys: mapKeys)
            values.remove(at: p)
        }
    }

    /// The shared, immutable holder of a map: its shape, then its values in the same
    /// allocation. One allocation a map, not two: a case file has thousands of small
    /// objects (every visit), and each is made, read and freed once per run.
    @usableFromInline
    final class Storage: ManagedBuffer<Storage.Header, Value>, @unchecked Sendable {
        @usableFromInline
        struct Header {
            /// Nil only while a ``Builder`` fills the storage: starting from a shared empty
            /// shape instead would have every thread retain and release that one object for
            /// every map it builds.
            @usableFromInline var shapeOrNil: MapShape.Keys?
            @inlinable var shape: MapShape.Keys { shapeOrNil.unsafelyUnwrapped }
            /// Values initialised so far (all of them, once the map is built).
            @usableFromInline var count: Int
        }

        /// Storage for up to `capacity` values, none there yet, with an empty shape.
        static func make(capacity: Int) -> Storage {
            unsafeDowncast(Storage.create(minimumCapacity: capacity) { _ in Header(shapeOrNil: nil, count: 0) },
                           to: Storage.self)
        }

        static func make(shape: MapShape.Keys, values: [Value]) -> Storage {
            let buffer = Storage.create(minimumCapacity: values.count) { _ in Header(shapeOrNil: shape, count: values.count) }
            let storage = unsafeDowncast(buffer, to: Storage.self)
            storage.withUnsafeMutablePointerToElements { elements in
                values.withUnsafeBufferPointer { source in
                    if let base = source.baseAddress { elements.initialize(from: base, count: source.count) }
                }
            }
            return storage
        }

        deinit {
            _ = withUnsafeMutablePointers { header, elements in elements.deinitialize(count: header.pointee.count) }
        }

        // The header is read through its pointer: `header`, a stored property of a class,
        // would be checked for exclusive access at run time on every field lookup.
        @inlinable var shape: MapShape.Keys { withUnsafeMutablePointerToHeader { $0.pointee.shape } }
        @inlinable var count: Int { withUnsafeMutablePointerToHeader { $0.pointee.count } }

        /// The value at a position known to be in range.
        @inlinable func value(at p: Int) -> Value {
            withUnsafeMutablePointerToElements { $0[p] }
        }

        var values: [Value] {
            withUnsafeMutablePointers { header, elements in Array(UnsafeBufferPointer(start: elements, count: header.pointee.count)) }
        }

        var table: Table { Table(shape: shape, values: values) }
    }

    private static let emptyStorage = Storage.make(shape: MapShape.Keys.empty, values: [])

    @usableFromInline var storage: Storage

    public var keys: [Value] { storage.shape.keys }
    public var values: [Value] { storage.values }

    public init() {
        storage = MapValue.emptyStorage
    }

    /// Builds a map from key/value pairs; returns nil when a key is not a valid map key
    /// type or appears twice.
    public init?(_ pairs: [(Value, Value)]) {
        var keys: [Value] = [], mapKeys: [MapKey] = [], buckets: [Int32] = [], values: [Value] = []
        keys.reserveCapacity(pairs.count)
        mapKeys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs {
            guard let mk = MapKey(k), MapShape.Keys.position(of: mk, in: mapKeys, buckets: buckets) == nil else { return nil }
            MapShape.Keys.append(k, mk, keys: &keys, mapKeys: &mapKeys, buckets: &buckets)
            values.append(v)
        }
        storage = Storage.make(shape: MapShape.Keys(keys: keys, mapKeys: mapKeys, buckets: buckets), values: values)
    }

    /// Builds a map with string keys (the shape of a case record). A repeated key keeps
    /// its first position and its last value.
    public init(stringKeyed pairs: [(String, Value)]) {
        var keys: [Value] = [], mapKeys: [MapKey] = [], buckets: [Int32] = [], values: [Value] = []
        keys.reserveCapacity(pairs.count)
        mapKeys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs {
            let mk = MapKey.string(k)
            if let p = MapShape.Keys.position(of: mk, in: mapKeys, buckets: buckets) {
                values[p] = v
            } else {
                MapShape.Keys.append(.string(k), mk, keys: &keys, mapKeys: &mapKeys, buckets: &buckets)
                values.append(v)
            }
        }
        storage = Storage.make(shape: MapShape.Keys(keys: keys, mapKeys: mapKeys, buckets: buckets), values: values)
    }

    /// Builds a map from a shape and one value per key, in the shape's order. Maps built
    /// on one shape share its keys and index: nothing is hashed or indexed per map.
    public init(shape: MapShape, values: [Value]) {
        precondition(values.count == shape.count, "a map needs one value for each key of its shape")
        storage = Storage.make(shape: shape.keys, values: values)
    }

    /// The shape this map's keys are held in (shared with other maps built on it).
    public var shape: MapShape { MapShape(keys: storage.shape) }

    public var count: Int { storage.count }

    /// Looks a key up; nil when absent (or when the key is not a valid key type).
    public subscript(key: Value) -> Value? {
        guard let mk = MapKey(key), let p = storage.shape.position(of: mk) else { return nil }
        return storage.value(at: p)
    }

    /// Looks a key up by its identity.
    @inlinable public subscript(mapKey key: MapKey) -> Value? {
        guard let p = storage.shape.position(of: key) else { return nil }
        return storage.value(at: p)
    }

    /// Looks a key up by its identity and a hash computed beforehand with
    /// ``MapKey/fastHash`` (the compiler does this once per field name).
    @inlinable public func value(forKey key: MapKey, hash: Int) -> Value? {
        guard let p = storage.shape.position(of: key, hash: hash) else { return nil }
        return storage.value(at: p)
    }

    /// Looks a key up, remembering in `cache` where it was: the next map of the same shape
    /// (the next visit of a record, say) then finds it without comparing keys. One cache
    /// serves one place in an expression, from any number of threads.
    @inlinable public func value(forKey key: MapKey, hash: Int, cache: FieldPositionCache) -> Value? {
        let storage = storage
        return storage.withUnsafeMutablePointerToHeader { header -> Value? in
            let serial = header.pointee.shape.serial
            let known = cache.entry.load(ordering: .relaxed)
            if known >> 16 == serial & 0xFFFF_FFFF_FFFF, known & 0xFFFF != 0 {
                return storage.value(at: Int(known & 0xFFFF) - 1)
            }
            guard let p = header.pointee.shape.position(of: key, hash: hash) else { return nil }
            if p < 0xFFFF { cache.entry.store(serial << 16 | UInt64(p + 1), ordering: .relaxed) }
            return storage.value(at: p)
        }
    }

    /// Looks a string key up.
    public subscript(string key: String) -> Value? {
        get { self[mapKey: .string(key)] }
        set {
            let mk = MapKey.string(key)
            mutate { table in
                if let p = table.position(of: mk) {
                    if let newValue {
                        table.values[p] = newValue
                    } else {
                        table.remove(at: p)
                    }
                } else if let newValue {
                    table.append(.string(key), mk, newValue)
                }
            }
        }
    }

    /// Changes the map: its entries are copied out, changed and put in new storage, so a
    /// change costs time in proportion to the map's size. Maps are built whole
    /// (``init(stringKeyed:)``, ``init(shape:values:)``) where speed matters.
    private mutating func mutate(_ change: (inout Table) -> Void) {
        var table = storage.table
        storage = MapValue.emptyStorage
        change(&table)
        storage = Storage.make(shape: table.shape, values: table.values)
    }

    /// Key/value pairs in insertion order.
    public var entries: Zip2Sequence<[Value], [Value]> { zip(storage.shape.keys, storage.values) }

    /// Values gathered for a map whose keys are settled once all are read (a loader
    /// learns an object's fields as it reads them): they go straight into the storage the
    /// map will use, so no array is made and thrown away for each object.
    public struct Builder {
        @usableFromInline var storage: Storage
        @usableFromInline var capacity: Int

        /// Room for `capacity` values; more can be added, at the cost of a copy.
        public init(capacity: Int) {
            self.capacity = Swift.max(1, capacity)
            storage = Storage.make(capacity: self.capacity)
        }

        public var count: Int { storage.count }

        /// Inlinable: a loader calls this for every field of every record.
        @inlinable
        public mutating func append(_ value: Value) {
            if storage.count == capacity { grow() }
            storage.append(value)
        }

        @usableFromInline
        mutating func grow() {
            let bigger = Storage.make(capacity: capacity * 2)
            for v in storage.values { bigger.append(v) }
            storage = bigger
            capacity *= 2
        }

        /// The values so far, in order.
        public var values: [Value] { storage.values }

        /// The map: these values under the keys of `shape`, in its order.
        public consuming func build(shape: MapShape) -> MapValue {
            precondition(storage.count == shape.count, "a map needs one value for each key of its shape")
            storage.withUnsafeMutablePointerToHeader { $0.pointee.shapeOrNil = shape.keys }
            return MapValue(storage: storage)
        }
    }

    init(storage: Storage) { self.storage = storage }
}

extension MapValue.Storage {
    /// Adds a value after the last; the caller has made sure there is room.
    @inlinable
    func append(_ value: Value) {
        withUnsafeMutablePointers { header, elements in
            (elements + header.pointee.count).initialize(to: value)
            header.pointee.count += 1
        }
    }
}

/// Where a field was found in the last map shape one place in an expression looked at:
/// the shape's serial number and the field's position plus one, packed in one word so that
/// threads sharing the cache never see half an entry.
public final class FieldPositionCache: Sendable {
    @usableFromInline let entry = Atomic<UInt64>(0)

    public init() {}
}

/// Serial numbers for shapes, never reused, so a cache entry cannot be mistaken for one
/// about a later shape made at the same address.
@usableFromInline let shapeSerials = Atomic<UInt64>(0)

/// The keys of a map, in order, with their lookup index: immutable, and shared by every
/// map built on it (``MapValue/init(shape:values:)``). Loaders make one shape per kind of
/// object and field order, so a file's thousands of visits hold one set of keys between
/// them.
public struct MapShape: @unchecked Sendable {
    /// Keys in order plus an open-addressing hash index over them. The index uses
    /// ``MapKey/fastHash``, which the compiler precomputes for field names, so selecting a
    /// record field hashes nothing at run time.
    @usableFromInline
    final class Keys: @unchecked Sendable {
        @usableFromInline let keys: [Value]
        /// The `MapKey` of each entry, parallel to `keys`.
        @usableFromInline let mapKeys: [MapKey]
        /// Hash buckets holding an entry position, or -1 when empty. Power-of-two sized,
        /// at most half full. Empty while the map has at most ``linearLimit`` entries: most
        /// objects in case records (a visit, a plan) have a handful of fields, and comparing
        /// a few keys costs less than building and keeping a bucket array.
        @usableFromInline let buckets: [Int32]

        /// Maps up to this size have no buckets and are searched key by key.
        @usableFromInline static let linearLimit = 8

        static let empty = Keys(keys: [], mapKeys: [], buckets: [])

        /// ``MapKey/fastHash`` of each entry, parallel to `keys`.
        @usableFromInline let hashes: [Int]
        /// ``MapKey/stringBits`` of each entry, parallel to `keys` (zero for other keys).
        @usableFromInline let stringBits: [MapKey.Bits]
        /// A number no other shape made by this process has (see ``FieldPositionCache``).
        @usableFromInline let serial: UInt64

        init(keys: [Value], mapKeys: [MapKey], buckets: [Int32]) {
            self.keys = keys
            self.mapKeys = mapKeys
            self.buckets = buckets
            self.hashes = mapKeys.map(\.fastHash)
            self.stringBits = mapKeys.map { $0.stringBits ?? MapKey.Bits(0, 0) }
            self.serial = shapeSerials.add(1, ordering: .relaxed).newValue
        }

        /// Keys known to be distinct; the index is built here.
        convenience init(keys: [Value], mapKeys: [MapKey]) {
            self.init(keys: keys, mapKeys: mapKeys, buckets: Keys.index(mapKeys, capacity: mapKeys.count * 2))
        }

        /// Where a key is; its hash is computed only when the shape has buckets.
        @inlinable
        func position(of key: MapKey) -> Int? {
            position(of: key, hash: key.fastHash)
        }

        /// Where a key is, given its ``MapKey/fastHash``. Reads the arrays in place: passing
        /// them to a function would retain and release both on every field lookup.
        @inlinable
        func position(of key: MapKey, hash: Int) -> Int? {
            // Keys are compared only where the hashes agree, and then first by their bits:
            // the same short text has the same bits, and comparing the keys themselves
            // copies them (a retain and a release each).
            let bits = key.stringBits
            return hashes.withUnsafeBufferPointer { hashes in
                stringBits.withUnsafeBufferPointer { stringBits in
                    buckets.withUnsafeBufferPointer { buckets in
                        Keys.probe(hash, buckets, count: hashes.count) { p in
                            hashes[p] == hash && ((bits != nil && stringBits[p] == bits!) || mapKeys[p] == key)
                        }
                    }
                }
            }
        }

        @inlinable
        static func position(of key: MapKey, hash: Int, in mapKeys: [MapKey], buckets: [Int32]) -> Int? {
            buckets.withUnsafeBufferPointer { buckets in
                probe(hash, buckets, count: mapKeys.count) { mapKeys[$0] == key }
            }
        }

        /// The entry, among `count`, that `matches`: each in turn when there are no buckets,
        /// else along the open-addressing chain from `hash`.
        @inlinable @inline(__always)
        static func probe(_ hash: Int, _ buckets: UnsafeBufferPointer<Int32>, count: Int, matches: (Int) -> Bool) -> Int? {
            if buckets.isEmpty {
                for p in 0..<count where matches(p) { return p }
                return nil
            }
            let mask = buckets.count &- 1
            var b = hash & mask
            while true {
                let p = Int(buckets[b])
                if p < 0 { return nil }
                if matches(p) { return p }
                b = (b &+ 1) & mask
            }
        }

        static func position(of key: MapKey, in mapKeys: [MapKey], buckets: [Int32]) -> Int? {
            // The hash only chooses a bucket: without buckets it is not needed.
            position(of: key, hash: buckets.isEmpty ? 0 : key.fastHash, in: mapKeys, buckets: buckets)
        }

        /// Adds a key known to be absent, growing the index when it is due.
        static func append(_ key: Value, _ mapKey: MapKey, keys: inout [Value], mapKeys: inout [MapKey], buckets: inout [Int32]) {
            keys.append(key)
            mapKeys.append(mapKey)
            if buckets.isEmpty {
                if keys.count > linearLimit { buckets = index(mapKeys, capacity: keys.count * 2) }
            } else if keys.count * 2 > buckets.count {
                buckets = index(mapKeys, capacity: buckets.count * 2)
            } else {
                insert(mapKeys.count - 1, mapKeys, into: &buckets)
            }
        }

        /// The bucket array for these keys; empty for maps small enough to search in turn.
        static func index(_ mapKeys: [MapKey], capacity: Int) -> [Int32] {
            guard mapKeys.count > linearLimit else { return [] }
            var size = 8
            while size < capacity || size < mapKeys.count * 2 { size *= 2 }
            var buckets = [Int32](repeating: -1, count: size)
            for p in 0..<mapKeys.count { insert(p, mapKeys, into: &buckets) }
            return buckets
        }

        private static func insert(_ p: Int, _ mapKeys: [MapKey], into buckets: inout [Int32]) {
            let mask = buckets.count - 1
            var b = mapKeys[p].fastHash & mask
            while buckets[b] >= 0 { b = (b + 1) & mask }
            buckets[b] = Int32(p)
        }
    }

    @usableFromInline let keys: Keys

    init(keys: Keys) { self.keys = keys }

    /// A shape with these string keys, in this order; nil when a key appears twice.
    public init?(stringKeys names: [String]) {
        var keys: [Value] = [], mapKeys: [MapKey] = [], buckets: [Int32] = []
        keys.reserveCapacity(names.count)
        mapKeys.reserveCapacity(names.count)
        for name in names {
            let mk = MapKey.string(name)
            guard Keys.position(of: mk, in: mapKeys, buckets: buckets) == nil else { return nil }
            Keys.append(.string(name), mk, keys: &keys, mapKeys: &mapKeys, buckets: &buckets)
        }
        self.keys = Keys(keys: keys, mapKeys: mapKeys, buckets: buckets)
    }

    /// How many keys the shape has.
    public var count: Int { keys.keys.count }

    /// The keys in order.
    public var keyValues: [Value] { keys.keys }

    /// True when both are the same shared shape (not merely equal keys).
    public func isIdentical(to other: MapShape) -> Bool { keys === other.keys }
}

/// The hashable identity of a map key. Int and uint keys of equal value coincide; a double
/// with an integral value looks up the same entry (CEL's heterogeneous equality).
///
/// Strings compare by code points (CEL does not normalise Unicode), and hash with a cheap
/// FNV-1a over their UTF-8 bytes (``fastHash``) for the maps' own index.
public enum MapKey: Hashable, Sendable {
    case bool(Bool)
    case integer(Int64)
    case bigUnsigned(UInt64)
    case string(String)

    @inlinable
    public static func == (a: MapKey, b: MapKey) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return MapKey.sameUTF8(x, y)
        case (.integer(let x), .integer(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.bigUnsigned(let x), .bigUnsigned(let y)): return x == y
        default: return false
        }
    }

    /// Byte-wise string equality (Swift's `==` would equate canonically equivalent text).
    @inlinable
    public static func sameUTF8(_ x: String, _ y: String) -> Bool {
        // Identical representations (the same small-string bits or the same buffer) are
        // equal; otherwise Swift's `==` rules out most differences cheaply, and only
        // canonically equivalent text needs the byte comparison.
        if unsafeBitCast(x, to: (UInt, UInt).self) == unsafeBitCast(y, to: (UInt, UInt).self) { return true }
        guard x == y else { return false }
        let n = x.utf8.count
        if n != y.utf8.count { return false }
        if n == 0 { return true }
        var x = x, y = y
        return x.withUTF8 { a in
            y.withUTF8 { b in memcmp(a.baseAddress!, b.baseAddress!, n) == 0 }
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fastHash)
    }

    /// The two words of a string key as Swift holds it. Equal bits mean equal text (the same
    /// short string, or the same stored one); different bits prove nothing, so a lookup
    /// then compares the text. Nil for other keys.
    @usableFromInline typealias Bits = SIMD2<UInt64>

    @inlinable
    var stringBits: Bits? {
        guard case .string(let s) = self, MemoryLayout<String>.size == 16 else { return nil }
        let words = unsafeBitCast(s, to: (UInt64, UInt64).self)
        return Bits(words.0, words.1)
    }

    /// A quick, stable hash: FNV-1a over a string's UTF-8 bytes, a multiplicative mix for
    /// numbers. Equal keys hash equally (an int and the equal uint are the same key).
    @inlinable
    public var fastHash: Int {
        switch self {
        case .string(let s):
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in s.utf8 {
                h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return Int(truncatingIfNeeded: h ^ (h >> 29))
        case .integer(let i):
            let h = UInt64(bitPattern: i) &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: h ^ (h >> 32))
        case .bigUnsigned(let u):
            let h = u &* 0x9E37_79B9_7F4A_7C15
            return Int(truncatingIfNeeded: h ^ (h >> 32))
        case .bool(let b):
            return b ? 0x5bd1_e995 : 0x1b87_3593
        }
    }

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
