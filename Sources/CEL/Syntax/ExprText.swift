/// Writes a parsed expression back as CEL text, with only the parentheses its operators
/// need: `a.b < c && !d`. Used to name sub-expressions in traces, where the node's own
/// source span is not kept.
enum ExprText {
    static func render(_ expr: Expr) -> String { render(expr, atLeast: 0) }

    /// Binding strength of a node, loosest first, as the grammar nests them.
    private static func precedence(_ kind: Expr.Kind) -> Int {
        switch kind {
        case .conditional: return 1
        case .or: return 2
        case .and: return 3
        case .binary(let op, _, _):
            switch op {
            case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .in: return 4
            case .add, .subtract: return 5
            case .multiply, .divide, .remainder: return 6
            }
        case .unary: return 7
        case .select, .index, .memberCall, .comprehension: return 8
        default: return 9
        }
    }

    private static func render(_ expr: Expr, atLeast minimum: Int) -> String {
        let own = precedence(expr.kind)
        let text = body(expr, own)
        return own < minimum ? "(\(text))" : text
    }

    private static func list(_ items: [Expr]) -> String {
        items.map { render($0, atLeast: 0) }.joined(separator: ", ")
    }

    private static func body(_ expr: Expr, _ own: Int) -> String {
        switch expr.kind {
        case .literal(let v): return v.literalText
        case .identifier(let name): return name
        case .select(let operand, let field): return render(operand, atLeast: 8) + "." + field
        case .presenceTest(let operand, let field): return "has(\(render(operand, atLeast: 8)).\(field))"
        case .index(let container, let index): return render(container, atLeast: 8) + "[\(render(index, atLeast: 0))]"
        case .call(let name, let args): return "\(name)(\(list(args)))"
        case .memberCall(let target, let name, let args): return render(target, atLeast: 8) + ".\(name)(\(list(args)))"
        case .unary(let op, let operand): return (op == .not ? "!" : "-") + render(operand, atLeast: 7)
        case .binary(let op, let l, let r):
            return "\(render(l, atLeast: own)) \(op.symbol) \(render(r, atLeast: own + 1))"
        case .and(let operands): return operands.map { render($0, atLeast: own + 1) }.joined(separator: " && ")
        case .or(let operands): return operands.map { render($0, atLeast: own + 1) }.joined(separator: " || ")
        case .conditional(let c, let t, let e):
            return "\(render(c, atLeast: 2)) ? \(render(t, atLeast: 2)) : \(render(e, atLeast: 1))"
        case .list(let elements): return "[\(list(elements))]"
        case .map(let entries):
            return "{" + entries.map { "\(render($0.key, atLeast: 0)): \(render($0.value, atLeast: 0))" }.joined(separator: ", ") + "}"
        case .object(let typeName, let fields):
            return typeName + "{" + fields.map { "\($0.name): \(render($0.value, atLeast: 0))" }.joined(separator: ", ") + "}"
        case .comprehension(let c): return render(c)
        case .bind(let name, let value, let body):
            return "cel.bind(\(name), \(render(value, atLeast: 0)), \(render(body, atLeast: 0)))"
        }
    }

    private static func render(_ c: Comprehension) -> String {
        let variables = [c.first] + (c.second.map { [$0] } ?? [])
        let name: String
        switch c.kind {
        case .all: name = "all"
        case .exists: name = "exists"
        case .existsOne: name = c.second == nil ? "exists_one" : "existsOne"
        case .map: name = c.second == nil ? "map" : "transformList"
        case .filter: name = "filter"
        case .transformMap: name = "transformMap"
        case .transformMapEntry: name = "transformMapEntry"
        }
        let parts = variables + (c.filter.map { [render($0, atLeast: 0)] } ?? []) + [render(c.body, atLeast: 0)]
        return render(c.range, atLeast: 8) + ".\(name)(\(parts.joined(separator: ", ")))"
    }
}
