import Yams

/// Where each character of a YAML scalar's value sits in the file. YAML changes text on the
/// way in (quotes, escapes, folded lines, block indentation), so an error at character 12 of
/// an expression is found by walking the source alongside the value.
enum ScalarPositions {
    static func map(_ scalar: Node.Scalar, lines: SourceLines) -> [FilePosition] {
        guard let mark = scalar.mark else { return [] }
        let value = SourceLines.characters(of: scalar.string)
        var line = mark.line - 1          // 0-based into `lines`
        var column = mark.column - 1      // 0-based into the line
        let isBlock = scalar.style == .literal || scalar.style == .folded
        var blockIndent = 0
        if isBlock {
            // Content starts on the line after the `|` or `>` header.
            line += 1
            var probe = line
            while probe < lines.count, lines[probe].allSatisfy({ $0 == " " }) { probe += 1 }
            blockIndent = probe < lines.count ? lines[probe].prefix(while: { $0 == " " }).count : 0
            column = blockIndent
        } else if scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
            column += 1
        }

        // The line being walked, fetched once a line rather than once a character.
        var current = line < lines.count ? lines[line] : []
        func char(_ c: Int) -> Character? { c < current.count ? current[c] : nil }
        func nextLine() {
            line += 1
            current = line < lines.count ? lines[line] : []
            if isBlock {
                column = min(blockIndent, current.count)
            } else {
                column = 0
                while let ch = char(column), ch == " " || ch == "\t" { column += 1 }
            }
        }

        var positions: [FilePosition] = []
        positions.reserveCapacity(value.count)
        var i = 0
        while i < value.count {
            let v = value[i]
            if line >= lines.count {
                positions.append(FilePosition(line: max(1, lines.count), column: column + 1))
                column += 1
                i += 1
                continue
            }
            if column >= current.count {
                // The value character stands for the line break (or the line is exhausted).
                positions.append(FilePosition(line: line + 1, column: column + 1))
                nextLine()
                if v == "\n" || v == " " { i += 1 }
                else { positions.removeLast() }
                continue
            }
            if v == " " || v == "\n", !isBlock || v == "\n",
               current[column...].allSatisfy({ $0 == " " || $0 == "\t" }) {
                // Trailing blanks and the line break fold into this one character.
                positions.append(FilePosition(line: line + 1, column: column + 1))
                nextLine()
                i += 1
                continue
            }
            positions.append(FilePosition(line: line + 1, column: column + 1))
            let source = current[column]
            if scalar.style == .doubleQuoted && source == "\\" {
                column += escapeLength(current, column)
            } else if scalar.style == .singleQuoted && source == "'" && char(column + 1) == "'" {
                column += 2
            } else {
                column += 1
            }
            i += 1
        }
        return positions
    }

    /// Source characters taken by a double-quoted escape starting at `at`.
    private static func escapeLength(_ line: [Character], _ at: Int) -> Int {
        guard at + 1 < line.count else { return 1 }
        switch line[at + 1] {
        case "x": return 4
        case "u": return 6
        case "U": return 10
        default: return 2
        }
    }
}
