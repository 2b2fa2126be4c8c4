/// One lexical token of a CEL expression.
struct Token {
    enum Kind: Equatable {
        case endOfInput
        case identifier(String)
        /// A field name in backquotes (`` `content-type` ``); only valid after a dot.
        case quotedIdentifier(String)
        /// A decimal or hex integer literal without sign. Kept as its magnitude so that
        /// `-9223372036854775808` can be formed by the unary minus.
        case intLiteral(UInt64)
        case uintLiteral(UInt64)
        case doubleLiteral(Double)
        case stringLiteral(String)
        case bytesLiteral([UInt8])
        case trueKeyword, falseKeyword, nullKeyword, inKeyword
        case punctuation(Punctuation)
    }

    enum Punctuation: String {
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
        case leftBrace = "{", rightBrace = "}", dot = ".", comma = ",", colon = ":"
        case question = "?", exclamation = "!", minus = "-", plus = "+", star = "*"
        case slash = "/", percent = "%", less = "<", lessEqual = "<=", greater = ">"
        case greaterEqual = ">=", equal = "==", notEqual = "!=", and = "&&", or = "||"
    }

    var kind: Kind
    /// UTF-8 byte offsets of the token in the source.
    var start: Int
    var end: Int

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .endOfInput: return "end of expression"
        case .identifier(let name): return "'\(name)'"
        case .quotedIdentifier(let name): return "'`\(name)`'"
        case .intLiteral(let v): return "'\(v)'"
        case .uintLiteral(let v): return "'\(v)u'"
        case .doubleLiteral(let v): return "'\(v)'"
        case .stringLiteral: return "a string"
        case .bytesLiteral: return "a bytes literal"
        case .trueKeyword: return "'true'"
        case .falseKeyword: return "'false'"
        case .nullKeyword: return "'null'"
        case .inKeyword: return "'in'"
        case .punctuation(let p): return "'\(p.rawValue)'"
        }
    }
}

/// Words CEL reserves: they cannot name variables or functions.
let reservedWords: Set<String> = [
    "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let",
    "loop", "package", "namespace", "return", "var", "void", "while",
]
