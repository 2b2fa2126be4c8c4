/// A compiled node: its closure, its statically known type, and its value when it is a
/// constant (literals, and operations on constants folded at compile time).
struct Compiled {
    var eval: Eval
    var type: CELType
    var constant: Value?

    static func constant(_ value: Value, type: CELType? = nil) -> Compiled {
        Compiled(eval: { _ in value }, type: type ?? value.celType, constant: value)
    }
}

/// Turns a parsed expression into a tree of closures, checking it on the way: names are
/// resolved to slots (declared variables) or local indices (comprehension variables), and
/// what can be proven wrong before evaluation is reported as a compile error.
final class Compiler {
    let environment: Environment
    /// When false (conformance's `disable_check`), undeclared names and functions become
    /// evaluation errors instead of compile errors.
    let checking: Bool

    /// A comprehension variable in scope.
    struct Local {
        var name: String
        var index: Int
        var type: CELType
    }

    private var scopes: [Local] = []
    private(set) var localCount = 0
    /// Steps charged per evaluation of the current comprehension body (or of the whole
    /// expression, at the bottom of the stack).
    private var costs: [Int] = [0]

    static let typeDenotations: [String: CELType] = [
        "int": .int, "uint": .uint, "double": .double, "bool": .bool, "string": .string,
        "bytes": .bytes, "list": .list, "map": .map, "null_type": .null, "type": .type,
        "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration,
    ]

    /// Set only by ``Environment/trace(_:activation:maxDepth:limits:)``; nil compiles the
    /// ordinary closures, untouched.
    let tracer: TraceRecorder?

    init(environment: Environment, checking: Bool, tracer: TraceRecorder? = nil) {
        self.environment = environment
        self.checking = checking
        self.tracer = tracer
    }

    /// Steps charged once per evaluation for the expression outside comprehension bodies.
    var rootCost: Int { costs[0] }

    func compile(_ expr: Expr) throws -> Compiled {
        guard let tracer else { return try compileNode(expr) }
        return try tracer.record(expr, insideLoop: !scopes.isEmpty) { try compileNode(expr) }
    }

    private func compileNode(_ expr: Expr) throws -> Compiled {
        costs[costs.count - 1] += 1
        switch expr.kind {
        case .literal(let v): return .constant(v)
        case .identifier(let name): return try compileIdentifier(name, at: expr.offset)
        case .select(let operand, let field): return try compileSelect(expr, operand, field)
        case .presenceTest(let operand, let field): return try compilePresence(operand, field, at: expr.offset)
        case .index(let container, let index): return try compileIndex(container, index, at: expr.offset)
        case .call(let name, let args): return try compileGlobalCall(name, args, at: expr.offset)
        case .memberCall(let target, let name, let args): return try compileMemberCall(target, name, args, at: expr.offset)
        case .unary(let op, let operand): return try compileUnary(op, operand, at: expr.offset)
        case .binary(let op, let l, let r): return try compileBinary(op, l, r, at: expr.offset)
        case .and(let operands): return try compileLogical(operands, isAnd: true, at: expr.offset)
        case .or(let operands): return try compileLogical(operands, isAnd: false, at: expr.offset)
        case .conditional(let c, let t, let e): return try compileConditional(c, t, e, at: expr.offset)
        case .list(let elements): return try compileList(elements, at: expr.offset)
        case .map(let entries): return try compileMap(entries, at: expr.offset)
        case .object(let typeName, let fields): return try compileObject(typeName, fields, at: expr.offset)
        case .comprehension(let c): return try compileComprehension(c, at: expr.offset)
        case .bind(let name, let value, let body): return try compileBind(name, value, body)
        }
    }

    /// A compile error, or (with checking off) a node that fails when evaluated.
    func unsupported(_ message: String, at offset: Int, hint: String? = nil,
                     kind: EvalError.Kind = .other) throws -> Compiled {
        if checking { throw SyntaxError(message, at: offset, hint: hint) }
        let error = ErrorValues.make(kind, message, at: offset)
        return Compiled(eval: { _ in error }, type: .dyn, constant: nil)
    }

    // MARK: cost accounting

    func beginBody() { costs.append(0) }
    func endBody() -> Int { costs.removeLast() }

    // MARK: scopes

    func lookupLocal(_ name: String) -> Local? {
        scopes.last(where: { $0.name == name })
    }

    func pushLocal(_ name: String, type: CELType) -> Int {
        let index = scopes.count
        scopes.append(Local(name: name, index: index, type: type))
        localCount = max(localCount, scopes.count)
        return index
    }

    func popLocal() { scopes.removeLast() }

    // MARK: constant folding

    /// Evaluates a node whose inputs are all constants, once, at compile time. Leaves it
    /// alone when the evaluation hits a limit.
    func fold(_ compiled: Compiled) -> Compiled {
        let (value, exhausted) = Frame.withFrame(slots: [], localCount: 0, steps: 0, limits: .default) { frame in
            (compiled.eval(&frame), frame.exhausted)
        }
        if exhausted { return compiled }
        if case .error = value { return Compiled(eval: compiled.eval, type: compiled.type, constant: nil) }
        // The static type stays as inferred: dyn(x) must stay dyn even when x is known.
        return .constant(value, type: compiled.type)
    }

    // MARK: cel.bind

    /// `cel.bind(name, value, body)`: the value is computed once and read through a local,
    /// like a comprehension variable. An error in it only matters if the body uses it.
    private func compileBind(_ name: String, _ valueExpr: Expr, _ bodyExpr: Expr) throws -> Compiled {
        let value = try compile(valueExpr)
        let index = pushLocal(name, type: value.type)
        defer { popLocal() }
        let body = try compile(bodyExpr)
        let v = value.eval, b = body.eval
        return Compiled(eval: { frame in
            frame.locals[index] = v(&frame)
            return b(&frame)
        }, type: body.type, constant: nil)
    }

    // MARK: identifiers

    private func compileIdentifier(_ name: String, at offset: Int) throws -> Compiled {
        if let local = lookupLocal(name) {
            let i = local.index
            return Compiled(eval: { $0.locals[i] }, type: local.type, constant: nil)
        }
        if let variable = environment.variables.first(where: { $0.name == name }) {
            let slot = variable.slot
            return Compiled(eval: { $0.slots[slot] }, type: variable.type, constant: nil)
        }
        if let type = environment.types[name] ?? Compiler.typeDenotations[name] {
            return .constant(.type(type), type: .type)
        }
        let candidates = scopes.map(\.name) + environment.variables.map(\.name)
        let hint = Suggestion.hint(for: name, among: candidates)
        return try unsupported("undeclared reference to '\(name)'", at: offset, hint: hint, kind: .other)
    }

    /// Whether a dotted name starts with a comprehension variable (which then shadows any
    /// declared variable or function of the same name).
    func startsWithLocal(_ qualified: String) -> Bool {
        let head = qualified.split(separator: ".", maxSplits: 1).first.map(String.init) ?? qualified
        return lookupLocal(head) != nil
    }

    // MARK: selection

    private func compileSelect(_ whole: Expr, _ operand: Expr, _ field: String) throws -> Compiled {
        // `a.b.c` may name a variable declared with a dotted name, or a type.
        if let qualified = Parser.qualifiedName(whole), !startsWithLocal(qualified) {
            if let variable = environment.variables.first(where: { $0.name == qualified }) {
                let slot = variable.slot
                return Compiled(eval: { $0.slots[slot] }, type: variable.type, constant: nil)
            }
            if let type = environment.types[qualified] ?? Compiler.typeDenotations[qualified] {
                return .constant(.type(type), type: .type)
            }
        }
        let base = try compile(operand)
        let (fieldType, nullIfAbsent) = try fieldType(of: base.type, field, at: whole.offset)
        let key = MapKey.string(field)
        let hash = key.fastHash
        let offset = whole.offset
        let cache = FieldPositionCache()
        // Selecting straight from a variable reads the map in place, without copying it
        // out of its slot first (which would cost a retain and a release).
        if case .identifier(let name) = operand.kind {
            if let local = lookupLocal(name) {
                let i = local.index
                return Compiled(eval: { frame in
                    if let v = frame.locals[i].field(key, hash: hash, cache: cache) { return v }
                    return Access.select(frame.locals[i], field, key: key, hash: hash, nullIfAbsent: nullIfAbsent, at: offset)
                }, type: fieldType, constant: nil)
            }
            if let variable = environment.variables.first(where: { $0.name == name }) {
                let slot = variable.slot
                return Compiled(eval: { frame in
                    if let v = frame.slots[slot].field(key, hash: hash, cache: cache) { return v }
                    return Access.select(frame.slots[slot], field, key: key, hash: hash, nullIfAbsent: nullIfAbsent, at: offset)
                }, type: fieldType, constant: nil)
            }
        }
        let operandEval = base.eval
        let result = Compiled(eval: { frame in
            let operand = operandEval(&frame)
            if let v = operand.field(key, hash: hash, cache: cache) { return v }
            return Access.select(operand, field, key: key, hash: hash, nullIfAbsent: nullIfAbsent, at: offset)
        }, type: fieldType, constant: nil)
        return base.constant != nil ? fold(result) : result
    }

    /// The type of `operand.field` given the operand's static type, and whether an absent
    /// field reads as null (declared fields of object types do). Unknown fields of object
    /// types are errors with a suggestion.
    private func fieldType(of type: CELType, _ field: String, at offset: Int) throws -> (CELType, Bool) {
        switch type {
        case .object(let object):
            if let t = object.fields[field] { return (t, true) }
            if checking {
                throw SyntaxError("'\(object.name)' has no field '\(field)'", at: offset,
                                  hint: Suggestion.hint(for: field, among: Array(object.fields.keys)))
            }
            return (.dyn, false)
        case .mapOf(_, let v): return (v, false)
        case .dyn, .map, .error, .opaque: return (.dyn, false)
        default:
            if checking {
                throw SyntaxError("a value of type \(type) has no fields, so '.\(field)' cannot be read", at: offset)
            }
            return (.dyn, false)
        }
    }

    private func compilePresence(_ operand: Expr, _ field: String, at offset: Int) throws -> Compiled {
        let base = try compile(operand)
        _ = try fieldType(of: base.type, field, at: offset)
        let key = MapKey.string(field)
        let operandEval = base.eval
        return Compiled(eval: { frame in
            Access.has(operandEval(&frame), field, key: key, at: offset)
        }, type: .bool, constant: nil)
    }

    // MARK: indexing

    private func compileIndex(_ containerExpr: Expr, _ indexExpr: Expr, at offset: Int) throws -> Compiled {
        let container = try compile(containerExpr)
        let index = try compile(indexExpr)
        let resultType: CELType
        switch container.type {
        case .listOf(let t): resultType = t
        case .mapOf(_, let v): resultType = v
        default: resultType = .dyn
        }
        let overloads = environment.functions.overloads(named: "_[_]").filter { !$0.isMember && $0.parameters.count == 2 }
        let c = container.eval, i = index.eval
        let result = Compiled(eval: { frame in
            let cv = c(&frame)
            if case .error = cv { return cv }
            let iv = i(&frame)
            if case .error = iv { return iv }
            if let v = Access.index(cv, iv, at: offset) { return v }
            return Dispatch.call(overloads, [cv, iv], name: "_[_]", at: offset, &frame)
        }, type: resultType, constant: nil)
        return container.constant != nil && index.constant != nil ? fold(result) : result
    }

    // MARK: literals

    private func compileList(_ elements: [Expr], at offset: Int) throws -> Compiled {
        let compiled = try elements.map { try compile($0) }
        let elementType = Compiler.commonType(compiled.map(\.type))
        let type: CELType = .listOf(elementType)
        if compiled.allSatisfy({ $0.constant != nil }) {
            return .constant(.list(compiled.map { $0.constant! }), type: type)
        }
        let evals = compiled.map(\.eval)
        return Compiled(eval: { frame in
            var out: [Value] = []
            out.reserveCapacity(evals.count)
            for e in evals {
                let v = e(&frame)
                if case .error = v { return v }
                out.append(v)
            }
            return .list(out)
        }, type: type, constant: nil)
    }

    private func compileMap(_ entries: [(key: Expr, value: Expr)], at offset: Int) throws -> Compiled {
        var keys: [Compiled] = []
        var values: [Compiled] = []
        for entry in entries {
            let k = try compile(entry.key)
            switch k.type {
            case .dyn, .int, .uint, .string, .bool, .error: break
            default:
                if checking {
                    throw SyntaxError("a map key must be an int, uint, string or bool, not \(k.type)", at: entry.key.offset)
                }
            }
            keys.append(k)
            values.append(try compile(entry.value))
        }
        let type: CELType = .mapOf(Compiler.commonType(keys.map(\.type)), Compiler.commonType(values.map(\.type)))
        let keyEvals = keys.map(\.eval), valueEvals = values.map(\.eval)
        let keyOffsets = entries.map(\.key.offset)
        let result = Compiled(eval: { frame in
            var pairs: [(Value, Value)] = []
            pairs.reserveCapacity(keyEvals.count)
            var seen = Set<MapKey>()
            for i in 0..<keyEvals.count {
                let k = keyEvals[i](&frame)
                if case .error = k { return k }
                let v = valueEvals[i](&frame)
                if case .error = v { return v }
                guard let mk = MapKey(k), !k.isDouble else {
                    return ErrorValues.make(.invalidArgument, "\(k.celType) cannot be a map key", at: keyOffsets[i])
                }
                guard seen.insert(mk).inserted else {
                    return ErrorValues.make(.invalidArgument, "the map has the key \(k.literalText) twice", at: keyOffsets[i])
                }
                pairs.append((k, v))
            }
            return .map(MapValue(pairs)!)
        }, type: type, constant: nil)
        let allConstant = keys.allSatisfy { $0.constant != nil } && values.allSatisfy { $0.constant != nil }
        return allConstant ? fold(result) : result
    }

    /// The one type shared by all, or dyn.
    static func commonType(_ types: [CELType]) -> CELType {
        guard let first = types.first else { return .dyn }
        return types.allSatisfy { $0 == first } ? first : .dyn
    }
}

extension Value {
    var isDouble: Bool {
        if case .double = self { return true }
        return false
    }
}
