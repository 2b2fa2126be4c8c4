/// A rule file's lines, each turned into characters only when an expression on it needs
/// its positions (``ScalarPositions``). Splitting a whole pack into arrays of characters up
/// front was a tenth of the time spent loading it, and most lines are titles, messages and
/// examples that never need a position.
final class SourceLines {
    /// Where each line starts and ends (without its line break), in `source`.
    private let bounds: [Range<String.Index>]
    /// Lines already turned into characters, by line number. An array, not a dictionary:
    /// ``ScalarPositions`` asks for a line once for every character it places.
    private var characters: [[Character]?]
    private let source: String

    /// The lines as YAML counts them: `\n`, `\r\n` and `\r` each end one.
    init(_ source: String) {
        self.source = source
        var bounds: [Range<String.Index>] = []
        let utf8 = source.utf8
        var start = utf8.startIndex
        var i = start
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D {
                bounds.append(start..<i)
                var next = utf8.index(after: i)
                if b == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                i = next
                start = i
            } else {
                i = utf8.index(after: i)
            }
        }
        bounds.append(start..<utf8.endIndex)
        self.bounds = bounds
        self.characters = Array(repeating: nil, count: bounds.count)
    }

    var count: Int { bounds.count }

    /// Line `n` (0-based) as characters.
    subscript(n: Int) -> [Character] {
        if let known = characters[n] { return known }
        let line = SourceLines.characters(of: source[bounds[n]])
        characters[n] = line
        return line
    }

    /// The characters of a text. Each ASCII byte but a carriage return is a character of
    /// its own, so ASCII text (nearly every rule file) is split without Unicode's
    /// grapheme rules, which cost a few hundred instructions a character.
    static func characters<S: StringProtocol>(of text: S) -> [Character] {
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            return text.utf8.map { Character(Unicode.Scalar($0)) }
        }
        return Array(text)
    }
}
