/// A node of the parsed expression tree. Every node keeps the UTF-8 byte offset of the
/// source text it came from, for error messages.
struct Expr {
    var offset: Int
    var kind: Kind
    /// Levels of nesting below and including this node (a literal is 1).
    var depth: Int

    init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
        self.depth = 1 + Expr.deepestChild(of: kind)
    }

    private static func deepestChild(of kind: Kind) -> Int {
        switch kind {
        case .literal, .identifier: return 0
        case .select(let e, _), .presenceTest(let e, _), .unary(_, let e): return e.depth
        case .index(let a, let b), .binary(_, let a, let b): return max(a.depth, b.depth)
        case .call(_, let args), .and(let args), .or(let args), .list(let args):
            return args.reduce(0) { max($0, $1.depth) }
        case .memberCall(let t, _, let args): return args.reduce(t.depth) { max($0, $1.depth) }
        case .conditional(let a, let b, let c): return max(a.depth, b.depth, c.depth)
        case .map(let entries): return entries.reduce(0) { max($0, $1.key.depth, $1.value.depth) }
        case .object(_, let fields): return fields.reduce(0) { max($0, $1.value.depth) }
        case .comprehension(let c): return max(c.range.depth, c.body.depth, c.filter?.depth ?? 0)
        case .bind(_, let value, let body): return max(value.depth, body.depth)
        }
    }

    indirect enum Kind {
        case literal(Value)
        /// A plain name: a variable, a comprehension variable or a type denotation.
        case identifier(String)
        /// `operand.field`
        case select(Expr, field: String)
        /// `has(operand.field)`: whether the field is present.
        case presenceTest(Expr, field: String)
        /// `operand[index]`
        case index(Expr, Expr)
        /// `name(args)`
        case call(String, [Expr])
        /// `target.name(args)`
        case memberCall(Expr, String, [Expr])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `a && b && ...`, kept flat so long chains do not nest deeply.
        case and([Expr])
        /// `a || b || ...`
        case or([Expr])
        case conditional(Expr, Expr, Expr)
        case list([Expr])
        case map([(key: Expr, value: Expr)])
        /// `Name{field: value, ...}`: a message construction.
        case object(typeName: String, fields: [(name: String, value: Expr, offset: Int)])
        case comprehension(Comprehension)
        /// `cel.bind(name, value, body)`: `body` with `name` bound to `value`.
        case bind(name: String, value: Expr, body: Expr)
    }
}

enum UnaryOperator {
    case not, negate

    var functionName: String { self == .not ? "!_" : "-_" }
}

enum BinaryOperator {
    case add, subtract, multiply, divide, remainder
    case less, lessEqual, greater, greaterEqual, equal, notEqual, `in`

    /// The name CEL gives the operator as a function, used to look up overloads.
    var functionName: String {
        switch self {
        case .add: return "_+_"
        case .subtract: return "_-_"
        case .multiply: return "_*_"
        case .divide: return "_/_"
        case .remainder: return "_%_"
        case .less: return "_<_"
        case .lessEqual: return "_<=_"
        case .greater: return "_>_"
        case .greaterEqual: return "_>=_"
        case .equal: return "_==_"
        case .notEqual: return "_!=_"
        case .in: return "@in"
        }
    }

    var symbol: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .remainder: return "%"
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .equal: return "=="
        case .notEqual: return "!="
        case .in: return "in"
        }
    }
}

/// A macro expanded at parse time: `range.all(x, p)` and its relatives. `first` is the
/// iteration variable (the index or key in the two-variable forms) and `second` the value
/// variable of the two-variable forms.
struct Comprehension {
    enum Kind {
        /// `all(x, p)` / `all(i, v, p)`
        case all
        /// `exists(x, p)` / `exists(i, v, p)`
        case exists
        /// `exists_one(x, p)` / `existsOne(i, v, p)`
        case existsOne
        /// `map(x, t)` / `map(x, p, t)` / `transformList(i, v, [p,] t)`: `filter` is optional.
        case map
        /// `filter(x, p)`
        case filter
        /// `transformMap(k, v, [p,] t)`: a map with the same keys and transformed values.
        case transformMap
        /// `transformMapEntry(k, v, [p,] e)`: `e` yields a one-entry map merged into the result.
        case transformMapEntry
    }

    var kind: Kind
    var range: Expr
    var first: String
    var second: String?
    /// The predicate (all, exists, existsOne, filter) or the transform (map family).
    var body: Expr
    /// The optional filter of the map family.
    var filter: Expr?
}
