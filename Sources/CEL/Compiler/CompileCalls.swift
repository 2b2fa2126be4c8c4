extension Compiler {
    func compileGlobalCall(_ name: String, _ argExprs: [Expr], at offset: Int) throws -> Compiled {
        let registered = environment.functions.overloads(named: name)
        if registered.isEmpty {
            switch (name, argExprs.count) {
            case ("dyn", 1):
                let arg = try compile(argExprs[0])
                return Compiled(eval: arg.eval, type: .dyn, constant: arg.constant)
            case ("type", 1):
                let arg = try compile(argExprs[0])
                let e = arg.eval
                let result = Compiled(eval: { frame in
                    let v = e(&frame)
                    if case .error = v { return v }
                    return .type(v.celType)
                }, type: .type, constant: nil)
                return arg.constant != nil ? fold(result) : result
            default: break
            }
        }
        let args = try argExprs.map { try compile($0) }
        let overloads = registered.filter { !$0.isMember }
        return try call(name, overloads, args, isMember: false, at: offset)
    }

    func compileMemberCall(_ targetExpr: Expr, _ name: String, _ argExprs: [Expr], at offset: Int) throws -> Compiled {
        // `math.greatest(...)`: a function with a dotted name, when `math` is not a variable.
        if let qualifier = Parser.qualifiedName(targetExpr), !startsWithLocal(qualifier) {
            let head = String(qualifier.split(separator: ".", maxSplits: 1)[0])
            let isVariable = environment.variables.contains { $0.name == head || $0.name.hasPrefix(head + ".") }
            let qualified = qualifier + "." + name
            let overloads = environment.functions.overloads(named: qualified).filter { !$0.isMember }
            if !isVariable && !overloads.isEmpty {
                let args = try argExprs.map { try compile($0) }
                return try call(qualified, overloads, args, isMember: false, at: offset)
            }
        }
        let target = try compile(targetExpr)
        let args = try argExprs.map { try compile($0) }
        let overloads = environment.functions.overloads(named: name).filter { $0.isMember }
        return try call(name, overloads, [target] + args, isMember: true, at: offset)
    }

    /// A call through the registry: arguments are evaluated left to right, an error among
    /// them is the result, and the first overload accepting the values runs.
    private func call(_ name: String, _ overloads: [Overload], _ args: [Compiled], isMember: Bool,
                      at offset: Int) throws -> Compiled {
        let shown = isMember ? "method '\(name)'" : "function '\(name)'"
        let argCount = isMember ? args.count - 1 : args.count
        if overloads.isEmpty {
            let names = Array(environment.functions.functions.keys).filter { !$0.hasPrefix("_") && !$0.hasPrefix("@") }
            let exists = !environment.functions.overloads(named: name).isEmpty
            let message = exists
                ? (isMember ? "'\(name)' is a function, not a method: write \(name)(...)"
                            : "'\(name)' is a method: write value.\(name)(...)")
                : "undeclared reference to \(shown)"
            return try unsupported(message, at: offset,
                                   hint: exists ? nil : Suggestion.hint(for: name, among: names),
                                   kind: .noSuchOverload)
        }
        let sameArity = overloads.filter { $0.parameters.count == args.count }
        if sameArity.isEmpty {
            let counts = Set(overloads.map { $0.parameters.count - (isMember ? 1 : 0) }).sorted()
            return try unsupported("\(shown) takes \(counts.map(String.init).joined(separator: " or ")) argument(s), not \(argCount)",
                                   at: offset, kind: .noSuchOverload)
        }
        let argTypes = args.map(\.type)
        if checking && !TypeRules.anyOverloadMayMatch(sameArity, argTypes) {
            let types = argTypes.map(\.description).joined(separator: ", ")
            throw SyntaxError("no overload of \(shown) accepts (\(types))", at: offset)
        }
        let type = TypeRules.overloadResult(sameArity, argTypes)
        let table = DispatchTable(name: name, overloads: sameArity, arity: args.count)
        let evals = args.map(\.eval)
        let eval: Eval
        switch evals.count {
        case 1:
            let a = args[0].eval
            eval = { frame in
                let x = a(&frame)
                if case .error = x { return x }
                return table.call([x], at: offset, &frame)
            }
        case 2:
            let a = args[0].eval, b = args[1].eval
            eval = { frame in
                let x = a(&frame)
                if case .error = x { return x }
                let y = b(&frame)
                if case .error = y { return y }
                return table.call([x, y], at: offset, &frame)
            }
        default:
            eval = { frame in
                var values: [Value] = []
                values.reserveCapacity(evals.count)
                for e in evals {
                    let v = e(&frame)
                    if case .error = v { return v }
                    values.append(v)
                }
                return table.call(values, at: offset, &frame)
            }
        }
        let result = Compiled(eval: eval, type: type, constant: nil)
        // Calls without arguments are not folded: a host function such as today() may not be pure.
        return !args.isEmpty && args.allSatisfy({ $0.constant != nil }) ? fold(result) : result
    }
}
