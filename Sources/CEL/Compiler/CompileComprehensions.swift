extension Compiler {
    /// Compiles a macro (`all`, `exists`, `exists_one`, `map`, `filter`, and the
    /// two-variable forms) into a loop. Every iteration is charged the static cost of the
    /// body, so nested and long comprehensions stop at the evaluation's cost limit.
    func compileComprehension(_ c: Comprehension, at offset: Int) throws -> Compiled {
        let range = try compile(c.range)
        var firstType: CELType = .dyn
        var secondType: CELType = .dyn
        switch range.type {
        case .listOf(let t):
            if c.second == nil { firstType = t } else { firstType = .int; secondType = t }
        case .list:
            if c.second != nil { firstType = .int }
        case .mapOf(let k, let v):
            firstType = k
            secondType = v
        case .object(let o):
            firstType = .string
            if let t = Compiler.commonTypeOfFields(o) { secondType = t }
        case .map, .dyn, .error, .opaque: break
        default:
            if checking {
                throw SyntaxError("only lists and maps can be iterated, but this is \(range.type)", at: c.range.offset)
            }
        }
        beginBody()
        let first = pushLocal(c.first, type: firstType)
        let second = c.second.map { pushLocal($0, type: secondType) }
        let body: Compiled
        let filter: Compiled?
        do {
            defer {
                if second != nil { popLocal() }
                popLocal()
            }
            body = try compile(c.body)
            filter = try c.filter.map { try compile($0) }
        }
        let cost = max(1, endBody())

        if checking {
            let predicate: Compiled? = {
                switch c.kind {
                case .all, .exists, .existsOne, .filter: return body
                default: return filter
                }
            }()
            if let p = predicate, !TypeRules.isOpen(p.type), p.type != .bool {
                throw SyntaxError("the condition of \(c.kind) must be a bool, but this is \(p.type)",
                                  at: c.filter?.offset ?? c.body.offset)
            }
        }

        let loop = Loop(range: range.eval, first: first, second: second, cost: cost, offset: offset)
        let bodyEval = body.eval
        let hasFilter = filter != nil
        let alwaysTrue: Eval = { _ in .bool(true) }
        let filterEval: Eval = filter?.eval ?? alwaysTrue
        switch c.kind {
        case .all, .exists:
            let decisive = c.kind == .exists
            let name = decisive ? "exists" : "all"
            return Compiled(eval: { frame in
                var error: Value?
                var settled = false
                let failure = loop.run(&frame) { f in
                    let v = bodyEval(&f)
                    if case .bool(let b) = v {
                        if b == decisive {
                            settled = true
                            return false
                        }
                    } else if error == nil {
                        if case .error = v { error = v } else { error = ErrorValues.noSuchOverload(name, [v], at: offset) }
                    }
                    return true
                }
                if let failure { return failure }
                if settled { return .bool(decisive) }
                return error ?? .bool(!decisive)
            }, type: .bool, constant: nil)
        case .existsOne:
            return Compiled(eval: { frame in
                var count = 0
                var error: Value?
                let failure = loop.run(&frame) { f in
                    let v = bodyEval(&f)
                    switch v {
                    case .bool(let b):
                        if b { count += 1 }
                        return true
                    case .error:
                        error = v
                    default:
                        error = ErrorValues.noSuchOverload("exists_one", [v], at: offset)
                    }
                    return false
                }
                if let failure { return failure }
                if let error { return error }
                return .bool(count == 1)
            }, type: .bool, constant: nil)
        case .filter:
            return Compiled(eval: { frame in
                var out: [Value] = []
                var error: Value?
                let failure = loop.run(&frame, sized: { out.reserveCapacity($0) }) { f in
                    let v = bodyEval(&f)
                    switch v {
                    case .bool(let keep):
                        if keep { out.append(f.locals[first]) }
                        return true
                    case .error: error = v
                    default: error = ErrorValues.noSuchOverload("filter", [v], at: offset)
                    }
                    return false
                }
                if let failure { return failure }
                return error ?? .list(out)
            }, type: range.type.isList ? range.type : .listOf(firstType), constant: nil)
        case .map:
            return Compiled(eval: { frame in
                var out: [Value] = []
                var error: Value?
                let failure = loop.run(&frame, sized: { out.reserveCapacity($0) }) { f in
                    if hasFilter {
                        switch filterEval(&f) {
                        case .bool(true): break
                        case .bool(false): return true
                        case .error(let e):
                            error = .error(e)
                            return false
                        case let other:
                            error = ErrorValues.noSuchOverload("map", [other], at: offset)
                            return false
                        }
                    }
                    let v = bodyEval(&f)
                    if case .error = v {
                        error = v
                        return false
                    }
                    out.append(v)
                    return true
                }
                if let failure { return failure }
                return error ?? .list(out)
            }, type: .listOf(body.type), constant: nil)
        case .transformMap, .transformMapEntry:
            let isEntry = c.kind == .transformMapEntry
            return Compiled(eval: { frame in
                var keys: [Value] = []
                var values: [Value] = []
                var seen = Set<MapKey>()
                var error: Value?
                let failure = loop.run(&frame) { f in
                    if hasFilter {
                        switch filterEval(&f) {
                        case .bool(true): break
                        case .bool(false): return true
                        case .error(let e):
                            error = .error(e)
                            return false
                        case let other:
                            error = ErrorValues.noSuchOverload("transformMap", [other], at: offset)
                            return false
                        }
                    }
                    let v = bodyEval(&f)
                    if case .error = v {
                        error = v
                        return false
                    }
                    if isEntry {
                        guard case .map(let entry) = v else {
                            error = ErrorValues.noSuchOverload("transformMapEntry", [v], at: offset)
                            return false
                        }
                        for (k, x) in entry.entries {
                            guard let mk = MapKey(k), seen.insert(mk).inserted else {
                                error = ErrorValues.make(.invalidArgument, "transformMapEntry produced the key \(k.literalText) twice", at: offset)
                                return false
                            }
                            keys.append(k)
                            values.append(x)
                        }
                    } else {
                        let k = f.locals[first]
                        if let mk = MapKey(k) { seen.insert(mk) }
                        keys.append(k)
                        values.append(v)
                    }
                    return true
                }
                if let failure { return failure }
                if let error { return error }
                guard let map = MapValue(Array(zip(keys, values))) else {
                    return ErrorValues.make(.invalidArgument, "\(isEntry ? "transformMapEntry" : "transformMap") cannot build a map with these keys", at: offset)
                }
                return .map(map)
            }, type: .map, constant: nil)
        }
    }

    /// The type all of an object type's fields share, if they share one.
    static func commonTypeOfFields(_ o: ObjectType) -> CELType? {
        let types = Array(o.fields.values)
        guard let first = types.first, types.allSatisfy({ $0 == first }) else { return nil }
        return first
    }
}

extension CELType {
    var isList: Bool {
        switch self {
        case .list, .listOf: return true
        default: return false
        }
    }
}

/// The iteration shared by every macro: evaluates the range, binds the variables for each
/// element (or key), charges the cost, and calls the body until it asks to stop.
struct Loop: Sendable {
    let range: Eval
    let first: Int
    let second: Int?
    let cost: Int
    let offset: Int

    /// Returns an error value when the range is not iterable or a limit is hit; nil otherwise.
    @inline(__always)
    func run(_ frame: inout Frame, _ body: (inout Frame) -> Bool) -> Value? {
        run(&frame, sized: { _ in }, body)
    }

    /// As ``run(_:_:)``, first telling `sized` how many elements there are (so that a
    /// result can be allocated once).
    @inline(__always)
    func run(_ frame: inout Frame, sized: (Int) -> Void, _ body: (inout Frame) -> Bool) -> Value? {
        let r = range(&frame)
        switch r {
        case .list(let xs):
            sized(xs.count)
            for i in 0..<xs.count {
                guard frame.chargeIteration(cost) else { return ErrorValues.costLimit(at: offset) }
                if let second {
                    frame.locals[first] = .int(Int64(i))
                    frame.locals[second] = xs[i]
                } else {
                    frame.locals[first] = xs[i]
                }
                if !body(&frame) { break }
            }
            return nil
        case .map(let m):
            sized(m.count)
            for (k, v) in m.entries {
                guard frame.chargeIteration(cost) else { return ErrorValues.costLimit(at: offset) }
                frame.locals[first] = k
                if let second { frame.locals[second] = v }
                if !body(&frame) { break }
            }
            return nil
        case .error:
            return r
        default:
            return ErrorValues.make(.noSuchOverload, "only lists and maps can be iterated, not \(r.celType)", at: offset)
        }
    }
}
