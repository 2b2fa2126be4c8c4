/// Constructors for the error values the evaluator produces. Kept out of line: errors are
/// the slow path.
enum ErrorValues {
    @inline(never)
    static func noSuchOverload(_ function: String, _ args: [Value], at offset: Int?) -> Value {
        let types = args.map { $0.celType.description }.joined(separator: ", ")
        return .error(EvalError(.noSuchOverload,
                                "no such overload: \(displayName(function)) cannot be applied to (\(types))",
                                offset: offset))
    }

    @inline(never)
    static func noSuchKey(_ key: Value, at offset: Int?) -> Value {
        .error(EvalError(.noSuchKey, "no such key: \(key.literalText)", offset: offset))
    }

    @inline(never)
    static func make(_ kind: EvalError.Kind, _ message: String, at offset: Int?) -> Value {
        .error(EvalError(kind, message, offset: offset))
    }

    @inline(never)
    static func costLimit(at offset: Int?) -> Value {
        .error(EvalError(.costLimitExceeded,
                         "evaluation stopped: the expression exceeded its cost limit (too many steps, iterations or too large a value)",
                         offset: offset))
    }

    /// Operator names as a reader knows them: `_+_` is `+`.
    static func displayName(_ function: String) -> String {
        switch function {
        case "_+_": return "'+'"
        case "_-_": return "'-'"
        case "_*_": return "'*'"
        case "_/_": return "'/'"
        case "_%_": return "'%'"
        case "_<_": return "'<'"
        case "_<=_": return "'<='"
        case "_>_": return "'>'"
        case "_>=_": return "'>='"
        case "_==_": return "'=='"
        case "_!=_": return "'!='"
        case "-_": return "unary '-'"
        case "!_": return "'!'"
        case "_[_]": return "indexing"
        case "@in": return "'in'"
        case "_&&_": return "'&&'"
        case "_||_": return "'||'"
        case "_?_:_": return "'? :'"
        default: return "'\(function)'"
        }
    }
}
