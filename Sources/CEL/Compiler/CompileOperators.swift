extension Compiler {
    // MARK: logic

    /// `&&` and `||` over any number of operands, with CEL's commutative treatment of
    /// errors: `false && error` is false whichever side the error is on; otherwise the
    /// first error (or a no-overload error for a non-bool operand) is the result.
    func compileLogical(_ operands: [Expr], isAnd: Bool, at offset: Int) throws -> Compiled {
        let compiled = try operands.map { try compile($0) }
        if checking {
            for (c, e) in zip(compiled, operands) where !TypeRules.isOpen(c.type) && c.type != .bool {
                throw SyntaxError("'\(isAnd ? "&&" : "||")' needs bool operands, but this is \(c.type)", at: e.offset)
            }
        }
        let evals = compiled.map(\.eval)
        let decisive = !isAnd // the value that settles the result: false for &&, true for ||
        let name = isAnd ? "_&&_" : "_||_"
        if compiled.count == 2 {
            // Taken from the compiled nodes rather than the array, whose generic storage
            // would add a conversion thunk to every call.
            let a = compiled[0].eval, b = compiled[1].eval
            return Compiled(eval: { frame in
                let x = a(&frame)
                if case .bool(let v) = x, v == decisive { return x }
                let y = b(&frame)
                if case .bool(let w) = y {
                    if w == decisive { return y }
                    if case .bool = x { return y }
                }
                return Compiler.logicalError(x, y, name: name, at: offset)
            }, type: .bool, constant: nil)
        }
        if compiled.count == 3 {
            let a = compiled[0].eval, b = compiled[1].eval, c = compiled[2].eval
            return Compiled(eval: { frame in
                var error: Value?
                @inline(__always)
                func settles(_ v: Value) -> Bool {
                    if case .bool(let x) = v { return x == decisive }
                    if error == nil {
                        if case .error = v { error = v } else { error = ErrorValues.noSuchOverload(name, [v], at: offset) }
                    }
                    return false
                }
                let x = a(&frame)
                if settles(x) { return x }
                let y = b(&frame)
                if settles(y) { return y }
                let z = c(&frame)
                if settles(z) { return z }
                return error ?? .bool(!decisive)
            }, type: .bool, constant: nil)
        }
        return Compiled(eval: { frame in
            var error: Value?
            for e in evals {
                let v = e(&frame)
                if case .bool(let b) = v {
                    if b == decisive { return v }
                } else if error == nil {
                    if case .error = v { error = v } else { error = ErrorValues.noSuchOverload(name, [v], at: offset) }
                }
            }
            return error ?? .bool(!decisive)
        }, type: .bool, constant: nil)
    }

    /// The result of a two-operand `&&`/`||` neither of whose operands settled it.
    static func logicalError(_ x: Value, _ y: Value, name: String, at offset: Int) -> Value {
        if case .error = x { return x }
        if case .bool = x {} else { return ErrorValues.noSuchOverload(name, [x, y], at: offset) }
        if case .error = y { return y }
        return ErrorValues.noSuchOverload(name, [x, y], at: offset)
    }

    func compileConditional(_ c: Expr, _ t: Expr, _ e: Expr, at offset: Int) throws -> Compiled {
        let condition = try compile(c)
        if checking && !TypeRules.isOpen(condition.type) && condition.type != .bool {
            throw SyntaxError("the condition before '?' must be a bool, but this is \(condition.type)", at: c.offset)
        }
        let then = try compile(t)
        let otherwise = try compile(e)
        let type = then.type == otherwise.type ? then.type : .dyn
        let ce = condition.eval, te = then.eval, ee = otherwise.eval
        return Compiled(eval: { frame in
            switch ce(&frame) {
            case .bool(true): return te(&frame)
            case .bool(false): return ee(&frame)
            case .error(let err): return .error(err)
            case let other: return ErrorValues.noSuchOverload("_?_:_", [other], at: offset)
            }
        }, type: type, constant: nil)
    }

    // MARK: unary

    func compileUnary(_ op: UnaryOperator, _ operandExpr: Expr, at offset: Int) throws -> Compiled {
        let operand = try compile(operandExpr)
        let overloads = environment.functions.overloads(named: op.functionName).filter { !$0.isMember && $0.parameters.count == 1 }
        let o = operand.eval
        let result: Compiled
        switch op {
        case .not:
            if checking && !TypeRules.isOpen(operand.type) && operand.type != .bool
                && !TypeRules.anyOverloadMayMatch(overloads, [operand.type]) {
                throw SyntaxError("'!' needs a bool, but this is \(operand.type)", at: offset)
            }
            result = Compiled(eval: { frame in
                let v = o(&frame)
                switch v {
                case .bool(let b): return .bool(!b)
                case .error: return v
                default: return Dispatch.call(overloads, [v], name: "!_", at: offset, &frame)
                }
            }, type: .bool, constant: nil)
        case .negate:
            switch operand.type {
            case .int, .double, .dyn, .error, .opaque: break
            default:
                if checking && !TypeRules.anyOverloadMayMatch(overloads, [operand.type]) {
                    throw SyntaxError("unary '-' needs an int or a double, but this is \(operand.type)", at: offset)
                }
            }
            result = Compiled(eval: { frame in
                let v = o(&frame)
                if case .error = v { return v }
                if let r = Arithmetic.negate(v, at: offset) { return r }
                return Dispatch.call(overloads, [v], name: "-_", at: offset, &frame)
            }, type: operand.type == .int || operand.type == .double ? operand.type : .dyn, constant: nil)
        }
        return operand.constant != nil ? fold(result) : result
    }

    // MARK: binary

    func compileBinary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, at offset: Int) throws -> Compiled {
        let l = try compile(lhs)
        let r = try compile(rhs)
        let name = op.functionName
        let overloads = environment.functions.overloads(named: name).filter { !$0.isMember && $0.parameters.count == 2 }
        let table = DispatchTable(name: name, overloads: overloads, arity: 2)
        var type = TypeRules.resultType(op, l.type, r.type)
        if let supported = TypeRules.builtinSupports(op, l.type, r.type), !supported {
            if TypeRules.anyOverloadMayMatch(overloads, [l.type, r.type]) {
                type = TypeRules.overloadResult(overloads, [l.type, r.type])
            } else if checking {
                throw SyntaxError("'\(op.symbol)' cannot be applied to \(l.type) and \(r.type)", at: offset)
            }
        }
        let eval: Eval
        switch op {
        case .equal: eval = Compiler.equality(l, r, negate: false)
        case .notEqual: eval = Compiler.equality(l, r, negate: true)
        case .less, .lessEqual, .greater, .greaterEqual:
            eval = Compiler.ordering(op, l, r, table, at: offset)
        case .in:
            let le = l.eval, re = r.eval
            eval = { frame in
                let a = le(&frame)
                if case .error = a { return a }
                let b = re(&frame)
                if case .error = b { return b }
                if let found = Access.contains(b, a) { return .bool(found) }
                return table.call([a, b], at: offset, &frame)
            }
        case .add, .subtract, .multiply, .divide, .remainder:
            eval = Compiler.arithmetic(op, l, r, table, at: offset)
        }
        let result = Compiled(eval: eval, type: type, constant: nil)
        return l.constant != nil && r.constant != nil ? fold(result) : result
    }

    /// `==` / `!=`, with a fast path when one side is a constant string or int.
    static func equality(_ l: Compiled, _ r: Compiled, negate: Bool) -> Eval {
        let le = l.eval, re = r.eval
        if case .string(let c)? = r.constant {
            return { frame in
                let a = le(&frame)
                if case .string(let s) = a { return .bool(Equality.sameText(s, c) != negate) }
                if case .error = a { return a }
                return .bool(Equality.equal(a, .string(c)) != negate)
            }
        }
        if case .int(let c)? = r.constant {
            return { frame in
                let a = le(&frame)
                if case .int(let i) = a { return .bool((i == c) != negate) }
                if case .error = a { return a }
                return .bool(Equality.equal(a, .int(c)) != negate)
            }
        }
        if case .null? = r.constant {
            return { frame in
                let a = le(&frame)
                switch a {
                case .null: return .bool(!negate)
                case .error: return a
                default: return .bool(negate)
                }
            }
        }
        return { frame in
            let a = le(&frame)
            if case .error = a { return a }
            let b = re(&frame)
            if case .error = b { return b }
            return .bool(Equality.equal(a, b) != negate)
        }
    }

    /// Arithmetic with the int case inline (it is by far the most common) and the rest
    /// through ``Arithmetic`` and then the registered overloads.
    static func arithmetic(_ op: BinaryOperator, _ l: Compiled, _ r: Compiled, _ table: DispatchTable,
                           at offset: Int) -> Eval {
        let le = l.eval, re = r.eval
        @inline(__always)
        @Sendable func intFast(_ x: Int64, _ y: Int64) -> Int64? {
            switch op {
            case .add:
                let (v, o) = x.addingReportingOverflow(y)
                return o ? nil : v
            case .subtract:
                let (v, o) = x.subtractingReportingOverflow(y)
                return o ? nil : v
            case .multiply:
                let (v, o) = x.multipliedReportingOverflow(by: y)
                return o ? nil : v
            case .divide:
                if y == 0 { return nil }
                let (v, o) = x.dividedReportingOverflow(by: y)
                return o ? nil : v
            default:
                if y == 0 { return nil }
                let (v, o) = x.remainderReportingOverflow(dividingBy: y)
                return o ? nil : v
            }
        }
        @Sendable func general(_ a: Value, _ b: Value, _ frame: inout Frame) -> Value {
            if case .error = a { return a }
            if case .error = b { return b }
            let builtin: Value?
            switch op {
            case .add: builtin = Arithmetic.add(a, b, &frame, at: offset)
            case .subtract: builtin = Arithmetic.subtract(a, b, at: offset)
            case .multiply: builtin = Arithmetic.multiply(a, b, at: offset)
            case .divide: builtin = Arithmetic.divide(a, b, at: offset)
            default: builtin = Arithmetic.remainder(a, b, at: offset)
            }
            if let builtin { return builtin }
            return table.call([a, b], at: offset, &frame)
        }
        if case .int(let c)? = r.constant {
            return { frame in
                let a = le(&frame)
                if case .int(let x) = a, let v = intFast(x, c) { return .int(v) }
                return general(a, .int(c), &frame)
            }
        }
        return { frame in
            let a = le(&frame)
            if case .error = a { return a }
            let b = re(&frame)
            if case .int(let x) = a, case .int(let y) = b, let v = intFast(x, y) { return .int(v) }
            return general(a, b, &frame)
        }
    }

    /// `<`, `<=`, `>`, `>=`: built-in orderings first, then registered overloads.
    static func ordering(_ op: BinaryOperator, _ l: Compiled, _ r: Compiled, _ table: DispatchTable,
                         at offset: Int) -> Eval {
        let le = l.eval, re = r.eval
        let accept: @Sendable (Comparison) -> Bool
        switch op {
        case .less: accept = { $0 == .less }
        case .lessEqual: accept = { $0 == .less || $0 == .equal }
        case .greater: accept = { $0 == .greater }
        default: accept = { $0 == .greater || $0 == .equal }
        }
        @Sendable func general(_ a: Value, _ b: Value, _ frame: inout Frame) -> Value {
            if case .error = a { return a }
            if case .error = b { return b }
            if let c = Ordering.compare(a, b) { return .bool(accept(c)) }
            return table.call([a, b], at: offset, &frame)
        }
        @inline(__always)
        @Sendable func intOrder(_ x: Int64, _ y: Int64) -> Bool {
            switch op {
            case .less: return x < y
            case .lessEqual: return x <= y
            case .greater: return x > y
            default: return x >= y
            }
        }
        return { frame in
            let a = le(&frame)
            if case .error = a { return a }
            let b = re(&frame)
            if case .int(let x) = a, case .int(let y) = b { return .bool(intOrder(x, y)) }
            return general(a, b, &frame)
        }
    }
}
