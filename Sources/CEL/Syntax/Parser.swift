/// A hand-written recursive-descent parser for the CEL grammar. Expands macros (`has`,
/// `all`, `exists`, `exists_one`, `map`, `filter` and the two-variable forms) while parsing.
///
/// Nesting is bounded twice: the parser's own recursion (so that `((((...` cannot overflow
/// the stack while parsing) and the depth of the finished tree (so that `-----x` or
/// `a.b.c...` chains cannot overflow it while compiling or evaluating).
struct Parser {
    private var tokens: [Token]
    private var index = 0
    private var recursion = 0
    private let maxDepth: Int

    /// Longest accepted expression, in bytes: bounds the memory and time a single
    /// expression can take.
    static let maxSourceLength = 100_000

    init(tokens: [Token], maxDepth: Int) {
        self.tokens = tokens
        self.maxDepth = maxDepth
    }

    static func parse(_ source: String, maxDepth: Int = 200) throws -> Expr {
        if source.utf8.count > maxSourceLength {
            throw SyntaxError("the expression is too long (over \(maxSourceLength) bytes)", at: 0)
        }
        var parser = Parser(tokens: try Lexer.tokenize(source), maxDepth: maxDepth)
        let expr = try parser.parseExpression()
        let trailing = parser.current
        if trailing.kind != .endOfInput {
            throw SyntaxError("unexpected \(trailing.display) after the end of the expression", at: trailing.start,
                              hint: parser.hintForTrailing(trailing))
        }
        return expr
    }

    /// Words from other languages that rule writers reach for.
    private func hintForTrailing(_ trailing: Token) -> String? {
        switch trailing.kind {
        case .punctuation(.rightParen): return "there is one ')' too many"
        case .identifier("and"), .identifier("AND"): return "write && for 'and'"
        case .identifier("or"), .identifier("OR"): return "write || for 'or'"
        default: break
        }
        if index > 0, case .identifier(let previous) = tokens[index - 1].kind, previous == "not" || previous == "NOT" {
            return "write ! for 'not', as in !has(x.y)"
        }
        if index > 0, case .identifier(let previous) = tokens[index - 1].kind, previous == "is" {
            return "write == to compare"
        }
        return nil
    }

    // MARK: token access

    private var current: Token { tokens[index] }

    private mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isPunctuation(_ p: Token.Punctuation) -> Bool {
        current.kind == .punctuation(p)
    }

    private mutating func accept(_ p: Token.Punctuation) -> Bool {
        if isPunctuation(p) {
            _ = advance()
            return true
        }
        return false
    }

    private mutating func expect(_ p: Token.Punctuation, _ context: String) throws {
        guard accept(p) else {
            throw SyntaxError("expected '\(p.rawValue)' \(context), found \(current.display)", at: current.start)
        }
    }

    // MARK: expressions

    mutating func parseExpression() throws -> Expr {
        recursion += 1
        defer { recursion -= 1 }
        if recursion > maxDepth {
            throw SyntaxError("the expression is nested too deeply (more than \(maxDepth) levels)", at: current.start)
        }
        let condition = try parseOr()
        guard isPunctuation(.question) else { return condition }
        _ = advance()
        let then = try parseOr()
        try expect(.colon, "in the conditional 'condition ? a : b'")
        let otherwise = try parseExpression()
        return try node(.conditional(condition, then, otherwise), at: condition.offset)
    }

    private mutating func parseOr() throws -> Expr {
        let first = try parseAnd()
        guard isPunctuation(.or) else { return first }
        var operands = [first]
        while accept(.or) { operands.append(try parseAnd()) }
        return try node(.or(operands), at: first.offset)
    }

    private mutating func parseAnd() throws -> Expr {
        let first = try parseRelation()
        guard isPunctuation(.and) else { return first }
        var operands = [first]
        while accept(.and) { operands.append(try parseRelation()) }
        return try node(.and(operands), at: first.offset)
    }

    private mutating func parseRelation() throws -> Expr {
        var left = try parseAddition()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .punctuation(.less): op = .less
            case .punctuation(.lessEqual): op = .lessEqual
            case .punctuation(.greater): op = .greater
            case .punctuation(.greaterEqual): op = .greaterEqual
            case .punctuation(.equal): op = .equal
            case .punctuation(.notEqual): op = .notEqual
            case .inKeyword: op = .in
            default: return left
            }
            let opToken = advance()
            let right = try parseAddition()
            left = try node(.binary(op, left, right), at: opToken.start)
        }
    }

    private mutating func parseAddition() throws -> Expr {
        var left = try parseMultiplication()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .punctuation(.plus): op = .add
            case .punctuation(.minus): op = .subtract
            default: return left
            }
            let opToken = advance()
            let right = try parseMultiplication()
            left = try node(.binary(op, left, right), at: opToken.start)
        }
    }

    private mutating func parseMultiplication() throws -> Expr {
        var left = try parseUnary()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .punctuation(.star): op = .multiply
            case .punctuation(.slash): op = .divide
            case .punctuation(.percent): op = .remainder
            default: return left
            }
            let opToken = advance()
            let right = try parseUnary()
            left = try node(.binary(op, left, right), at: opToken.start)
        }
    }

    private mutating func parseUnary() throws -> Expr {
        var operators: [(UnaryOperator, Int)] = []
        while true {
            if isPunctuation(.exclamation) {
                operators.append((.not, advance().start))
            } else if isPunctuation(.minus) {
                operators.append((.negate, advance().start))
            } else {
                break
            }
        }
        // A minus directly before an integer literal forms a negative literal, so that
        // -9223372036854775808 (whose magnitude does not fit in an int) is accepted.
        var operand: Expr
        if let last = operators.last, last.0 == .negate, case .intLiteral(let magnitude) = current.kind {
            _ = advance()
            operators.removeLast()
            if magnitude > UInt64(Int64.max) + 1 {
                throw SyntaxError("the number -\(magnitude) is too small (integers are 64-bit)", at: last.1)
            }
            let value = magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
            operand = try parsePostfix(try node(.literal(.int(value)), at: last.1))
        } else {
            operand = try parseMember()
        }
        for (op, offset) in operators.reversed() {
            operand = try node(.unary(op, operand), at: offset)
        }
        return operand
    }

    private mutating func parseMember() throws -> Expr {
        let primary = try parsePrimary()
        return try parsePostfix(primary)
    }

    private mutating func parsePostfix(_ start: Expr) throws -> Expr {
        var expr = start
        while true {
            if isPunctuation(.dot) {
                _ = advance()
                let nameToken = advance()
                let name: String
                var quoted = false
                switch nameToken.kind {
                case .identifier(let n): name = n
                case .quotedIdentifier(let n): name = n; quoted = true
                case .trueKeyword: name = "true"
                case .falseKeyword: name = "false"
                case .nullKeyword: name = "null"
                case .inKeyword: name = "in"
                default:
                    throw SyntaxError("expected a field or method name after '.', found \(nameToken.display)", at: nameToken.start)
                }
                if !quoted && isPunctuation(.leftParen) {
                    _ = advance()
                    let args = try parseArguments(closing: .rightParen, "to close the argument list")
                    expr = try expandMemberCall(target: expr, name: name, args: args, at: nameToken.start)
                } else {
                    // The field name, not the dot, is what an error about the selection points at.
                    expr = try node(.select(expr, field: name), at: nameToken.start)
                }
            } else if isPunctuation(.leftBracket) {
                let bracket = advance()
                let index = try parseExpression()
                try expect(.rightBracket, "to close the index")
                expr = try node(.index(expr, index), at: bracket.start)
            } else if isPunctuation(.leftBrace), let typeName = Parser.qualifiedName(expr) {
                let brace = advance()
                expr = try parseObject(typeName: typeName, at: expr.offset, brace: brace.start)
            } else {
                return expr
            }
        }
    }

    /// `a.b.c` as a dotted name, when the expression is only identifiers and selections.
    static func qualifiedName(_ expr: Expr) -> String? {
        switch expr.kind {
        case .identifier(let name): return name
        case .select(let operand, let field):
            guard let prefix = qualifiedName(operand) else { return nil }
            return prefix + "." + field
        default: return nil
        }
    }

    private mutating func parsePrimary() throws -> Expr {
        let token = advance()
        switch token.kind {
        case .intLiteral(let magnitude):
            guard magnitude <= UInt64(Int64.max) else {
                throw SyntaxError("the number \(magnitude) is too large (integers are 64-bit; add 'u' for an unsigned number)", at: token.start)
            }
            return try node(.literal(.int(Int64(magnitude))), at: token.start)
        case .uintLiteral(let v): return try node(.literal(.uint(v)), at: token.start)
        case .doubleLiteral(let v): return try node(.literal(.double(v)), at: token.start)
        case .stringLiteral(let s): return try node(.literal(.string(s)), at: token.start)
        case .bytesLiteral(let b): return try node(.literal(.bytes(b)), at: token.start)
        case .trueKeyword: return try node(.literal(.bool(true)), at: token.start)
        case .falseKeyword: return try node(.literal(.bool(false)), at: token.start)
        case .nullKeyword: return try node(.literal(.null), at: token.start)
        case .identifier(let name):
            return try identifierOrCall(name, at: token.start)
        case .punctuation(.dot):
            // A leading dot names the root scope: `.x` is the variable x.
            let nameToken = advance()
            guard case .identifier(let name) = nameToken.kind else {
                throw SyntaxError("expected a name after '.', found \(nameToken.display)", at: nameToken.start)
            }
            return try identifierOrCall(name, at: token.start)
        case .punctuation(.leftParen):
            let inner = try parseExpression()
            try expect(.rightParen, "to close '('")
            return inner
        case .punctuation(.leftBracket):
            let elements = try parseArguments(closing: .rightBracket, "to close the list", allowTrailingComma: true)
            return try node(.list(elements), at: token.start)
        case .punctuation(.leftBrace):
            return try parseMap(at: token.start)
        case .endOfInput:
            throw SyntaxError("the expression ends too early", at: token.start)
        case .quotedIdentifier(let name):
            throw SyntaxError("a backquoted name such as `\(name)` can only follow a '.'", at: token.start)
        case .inKeyword:
            throw SyntaxError("unexpected 'in'", at: token.start)
        case .punctuation(let p):
            throw SyntaxError("unexpected '\(p.rawValue)'", at: token.start)
        }
    }

    private mutating func identifierOrCall(_ name: String, at offset: Int) throws -> Expr {
        if reservedWords.contains(name) {
            throw SyntaxError("'\(name)' is a reserved word and cannot be used as a name", at: offset)
        }
        guard isPunctuation(.leftParen) else { return try node(.identifier(name), at: offset) }
        _ = advance()
        let args = try parseArguments(closing: .rightParen, "to close the argument list")
        if name == "has" {
            guard args.count == 1, case .select(let operand, let field) = args[0].kind else {
                throw SyntaxError("has() takes one field selection, such as has(plan.end_date)", at: offset)
            }
            return try node(.presenceTest(operand, field: field), at: offset)
        }
        return try node(.call(name, args), at: offset)
    }

    private mutating func parseArguments(closing: Token.Punctuation, _ context: String,
                                         allowTrailingComma: Bool = false) throws -> [Expr] {
        var args: [Expr] = []
        if accept(closing) { return args }
        while true {
            args.append(try parseExpression())
            if accept(closing) { return args }
            guard accept(.comma) else {
                throw SyntaxError("expected ',' or '\(closing.rawValue)' \(context), found \(current.display)", at: current.start)
            }
            if allowTrailingComma && accept(closing) { return args }
        }
    }

    private mutating func parseMap(at offset: Int) throws -> Expr {
        var entries: [(key: Expr, value: Expr)] = []
        if accept(.rightBrace) { return try node(.map(entries), at: offset) }
        while true {
            let key = try parseExpression()
            try expect(.colon, "between a map key and its value")
            let value = try parseExpression()
            entries.append((key, value))
            if accept(.rightBrace) { break }
            guard accept(.comma) else {
                throw SyntaxError("expected ',' or '}' in the map, found \(current.display)", at: current.start)
            }
            if accept(.rightBrace) { break }
        }
        return try node(.map(entries), at: offset)
    }

    private mutating func parseObject(typeName: String, at offset: Int, brace: Int) throws -> Expr {
        var fields: [(name: String, value: Expr, offset: Int)] = []
        if accept(.rightBrace) { return try node(.object(typeName: typeName, fields: fields), at: offset) }
        while true {
            let nameToken = advance()
            guard case .identifier(let name) = nameToken.kind else {
                throw SyntaxError("expected a field name, found \(nameToken.display)", at: nameToken.start)
            }
            try expect(.colon, "after the field name")
            let value = try parseExpression()
            fields.append((name, value, nameToken.start))
            if accept(.rightBrace) { break }
            guard accept(.comma) else {
                throw SyntaxError("expected ',' or '}' after the field, found \(current.display)", at: current.start)
            }
            if accept(.rightBrace) { break }
        }
        return try node(.object(typeName: typeName, fields: fields), at: offset)
    }

    // MARK: macros

    private func variableName(_ expr: Expr, macro: String) throws -> String {
        guard case .identifier(let name) = expr.kind else {
            throw SyntaxError("the variable of \(macro)() must be a simple name", at: expr.offset)
        }
        return name
    }

    private func expandMemberCall(target: Expr, name: String, args: [Expr], at offset: Int) throws -> Expr {
        func make(_ kind: Comprehension.Kind, vars: Int, body: Expr, filter: Expr? = nil) throws -> Expr {
            let first = try variableName(args[0], macro: name)
            let second = vars == 2 ? try variableName(args[1], macro: name) : nil
            if let second, second == first {
                throw SyntaxError("the two variables of \(name)() must have different names", at: args[1].offset)
            }
            let c = Comprehension(kind: kind, range: target, first: first, second: second, body: body, filter: filter)
            return try node(.comprehension(c), at: offset)
        }
        if name == "bind", args.count == 3, case .identifier("cel") = target.kind {
            let variable = try variableName(args[0], macro: "cel.bind")
            return try node(.bind(name: variable, value: args[1], body: args[2]), at: offset)
        }
        switch (name, args.count) {
        case ("all", 2): return try make(.all, vars: 1, body: args[1])
        case ("all", 3): return try make(.all, vars: 2, body: args[2])
        case ("exists", 2): return try make(.exists, vars: 1, body: args[1])
        case ("exists", 3): return try make(.exists, vars: 2, body: args[2])
        case ("exists_one", 2), ("existsOne", 2): return try make(.existsOne, vars: 1, body: args[1])
        case ("exists_one", 3), ("existsOne", 3): return try make(.existsOne, vars: 2, body: args[2])
        case ("map", 2): return try make(.map, vars: 1, body: args[1])
        case ("map", 3): return try make(.map, vars: 1, body: args[2], filter: args[1])
        case ("filter", 2): return try make(.filter, vars: 1, body: args[1])
        case ("transformList", 3): return try make(.map, vars: 2, body: args[2])
        case ("transformList", 4): return try make(.map, vars: 2, body: args[3], filter: args[2])
        case ("transformMap", 3): return try make(.transformMap, vars: 2, body: args[2])
        case ("transformMap", 4): return try make(.transformMap, vars: 2, body: args[3], filter: args[2])
        case ("transformMapEntry", 3): return try make(.transformMapEntry, vars: 2, body: args[2])
        case ("transformMapEntry", 4): return try make(.transformMapEntry, vars: 2, body: args[3], filter: args[2])
        default:
            return try node(.memberCall(target, name, args), at: offset)
        }
    }

    // MARK: depth

    /// Builds a node, refusing to build one deeper than the limit: deep trees are never
    /// built, so neither compiling nor freeing them can exhaust the stack.
    private func node(_ kind: Expr.Kind, at offset: Int) throws -> Expr {
        let expr = Expr(kind, at: offset)
        if expr.depth > maxDepth {
            throw SyntaxError("the expression is nested too deeply (more than \(maxDepth) levels)", at: offset,
                              hint: "split it into smaller expressions")
        }
        return expr
    }
}
