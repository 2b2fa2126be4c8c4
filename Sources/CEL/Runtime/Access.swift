extension Value {
    /// The value of a field when this is a map holding it. A method so that it runs on the
    /// value where it is stored (borrowed), without copying it out first.
    @inline(__always)
    func field(_ key: MapKey, hash: Int) -> Value? {
        if case .map(let m) = self { return m.value(forKey: key, hash: hash) }
        return nil
    }

    @inline(__always)
    func field(_ key: MapKey, hash: Int, cache: FieldPositionCache) -> Value? {
        if case .map(let m) = self { return m.value(forKey: key, hash: hash, cache: cache) }
        return nil
    }
}

/// Field selection, indexing and membership on runtime values.
enum Access {
    /// `operand.field` on a map (or a record carried as a map).
    @inline(__always)
    static func select(_ operand: Value, _ field: String, key: MapKey, hash: Int, nullIfAbsent: Bool, at offset: Int) -> Value {
        switch operand {
        case .map(let m):
            if let v = m.value(forKey: key, hash: hash) { return v }
            if nullIfAbsent { return .null }
            return ErrorValues.make(.noSuchKey, "no such key: '\(field)'", at: offset)
        case .error: return operand
        case .null:
            return ErrorValues.make(.noSuchField, "'.\(field)' cannot be read from null (the value is missing)", at: offset)
        default:
            return ErrorValues.make(.noSuchField,
                                    "\(operand.celType) has no fields; '.\(field)' cannot be read from it", at: offset)
        }
    }

    /// `has(operand.field)`.
    static func has(_ operand: Value, _ field: String, key: MapKey, at offset: Int) -> Value {
        switch operand {
        case .map(let m): return .bool(m[mapKey: key] != nil)
        case .error: return operand
        default:
            return ErrorValues.make(.noSuchField,
                                    "has() needs a map or record, but got \(operand.celType)", at: offset)
        }
    }

    /// `container[index]` for lists (int, uint or integral double index) and maps.
    static func index(_ container: Value, _ index: Value, at offset: Int) -> Value? {
        switch container {
        case .list(let xs):
            let i: Int64
            switch index {
            case .int(let v): i = v
            case .uint(let v):
                guard v <= UInt64(Int64.max) else { return outOfRange(index, xs.count, at: offset) }
                i = Int64(v)
            case .double(let d):
                guard d.isFinite, d == d.rounded(), d >= -9.2e18, d <= 9.2e18 else {
                    return ErrorValues.make(.invalidArgument, "list index \(d) is not a whole number", at: offset)
                }
                i = Int64(d)
            default:
                return ErrorValues.make(.invalidArgument, "a list index must be a number, not \(index.celType)", at: offset)
            }
            guard i >= 0 && i < Int64(xs.count) else { return outOfRange(index, xs.count, at: offset) }
            return xs[Int(i)]
        case .map(let m):
            if let v = m[index] { return v }
            return ErrorValues.noSuchKey(index, at: offset)
        default:
            return nil
        }
    }

    @inline(never)
    static func outOfRange(_ index: Value, _ count: Int, at offset: Int) -> Value {
        ErrorValues.make(.outOfRange, "index \(index.literalText) is out of range for a list of \(count) elements", at: offset)
    }

    /// `element in container`; nil when the container is neither a list nor a map.
    static func contains(_ container: Value, _ element: Value) -> Bool? {
        switch container {
        case .list(let xs):
            for x in xs where Equality.equal(x, element) { return true }
            return false
        case .map(let m): return m[element] != nil
        default: return nil
        }
    }
}
