import CaseModel

/// A CEL expression as written in a rule file, with where it was written. Keeps, for each
/// character of the expression, the file line and column it came from, so that an error at
/// column 7 of `plan.end_dat` is reported at the right place in the YAML file even when the
/// scalar was quoted, folded or written as a block.
public struct RuleExpression: Hashable, Sendable {
    /// The expression text.
    public var text: String
    /// Where the scalar starts in the rule file.
    public var location: SourceLocation
    /// File line and column of each character of `text` (same count as `text`), when known.
    var characterPositions: [FilePosition]

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
        self.characterPositions = []
    }

    init(text: String, location: SourceLocation, characterPositions: [FilePosition]) {
        self.text = text
        self.location = location
        self.characterPositions = characterPositions
    }

    /// The file location of the character at `index` (0-based, in characters) of the text.
    func location(ofCharacter index: Int) -> SourceLocation {
        guard !characterPositions.isEmpty else {
            // No map: assume the text sits on one line from the scalar's start.
            return SourceLocation(file: location.file, line: location.line, column: location.column + max(0, index))
        }
        let clamped = min(max(0, index), characterPositions.count - 1)
        var p = characterPositions[clamped]
        if index >= characterPositions.count { p.column += index - (characterPositions.count - 1) }
        return SourceLocation(file: location.file, line: p.line, column: p.column)
    }

    /// The file location of a 1-based line and column inside the expression (as CEL reports errors).
    func location(ofLine line: Int, column: Int) -> SourceLocation {
        var index = 0
        var currentLine = 1
        for ch in text {
            if currentLine == line { break }
            index += 1
            if ch == "\n" { currentLine += 1 }
        }
        return location(ofCharacter: index + max(0, column - 1))
    }

    /// A sub-expression of this one (an interpolation in a message): characters `range` of the text.
    func slice(_ range: Range<Int>) -> RuleExpression {
        let chars = Array(text)
        let lower = min(range.lowerBound, chars.count), upper = min(range.upperBound, chars.count)
        let text = String(chars[lower..<upper])
        let positions = characterPositions.isEmpty ? [] : Array(characterPositions[min(lower, characterPositions.count)..<min(upper, characterPositions.count)])
        let start = location(ofCharacter: lower)
        return RuleExpression(text: text, location: start, characterPositions: positions)
    }
}

/// A line and column in a file, both 1-based.
struct FilePosition: Hashable, Sendable {
    var line: Int
    var column: Int
}
