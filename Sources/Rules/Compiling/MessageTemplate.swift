import CEL
import CaseModel

/// A finding message such as `"Review overdue since {{due}} ({{late}} late)"`: literal text
/// with CEL expressions between `{{` and `}}`, each compiled once.
struct MessageTemplate: Sendable {
    enum Piece: Sendable {
        case text(String)
        case expression(CompiledExpression)
    }

    let pieces: [Piece]

    /// The template's pieces before compilation: literal text, or the character range of an
    /// interpolated expression inside the message.
    enum RawPiece: Equatable {
        case text(String)
        case expression(Range<Int>)
    }

    enum SplitResult {
        case success([RawPiece])
        case failure(Diagnostic)
    }

    /// Splits a message into text and `{{expression}}` pieces. An unclosed `{{` or an empty
    /// `{{ }}` is a diagnostic at its position.
    static func split(_ message: RuleExpression) -> SplitResult {
        let chars = Array(message.text)
        var pieces: [RawPiece] = []
        var literal = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                var j = i + 2
                while j + 1 < chars.count, !(chars[j] == "}" && chars[j + 1] == "}") { j += 1 }
                guard j + 1 < chars.count else {
                    return .failure(Diagnostic(.error, at: message.location(ofCharacter: i),
                                               "in 'message': '{{' is not closed; end the expression with '}}'"))
                }
                let inner = String(chars[(i + 2)..<j])
                guard !inner.allSatisfy(\.isWhitespace) else {
                    return .failure(Diagnostic(.error, at: message.location(ofCharacter: i),
                                               "in 'message': '{{}}' is empty; put a value between the braces, such as {{due}}"))
                }
                if !literal.isEmpty { pieces.append(.text(literal)); literal = "" }
                pieces.append(.expression((i + 2)..<j))
                i = j + 2
            } else {
                literal.append(chars[i])
                i += 1
            }
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return .success(pieces)
    }

    /// Fills the template in. An expression that fails shows as `<error: ...>` in the text
    /// rather than hiding the finding.
    func render(_ activation: Activation) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let s): out += s
            case .expression(let e): out += ValueText.render(e.evaluate(activation))
            }
        }
        return out
    }
}
