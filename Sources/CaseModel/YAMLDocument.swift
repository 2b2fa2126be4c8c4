import Yams

/// Reads a YAML file into a Yams node tree for loaders that need line and column of every
/// node, turning YAML syntax errors into ``Diagnostic``s.
///
/// Yams rejects a mapping with a repeated key outright. Rule writers do repeat keys (a field
/// declared twice), and the rest of the file still deserves checking, so a repeated key is
/// reported at its second occurrence and dropped, and parsing is retried.
public enum YAMLDocument {
    /// Parses the first document of `text`. The node is nil when the text is empty or could
    /// not be parsed; diagnostics say why.
    ///
    /// `resolver` decides the YAML types of untagged scalars. Loaders that read every value
    /// as text can pass `.basic`: Yams then runs no regular expressions, where the default
    /// resolver runs up to seven for every key (each key is hashed to find repeats) and for
    /// every lookup by key.
    public static func compose(_ text: String, file: String,
                               resolver: Resolver = .default) -> (root: Node?, diagnostics: [Diagnostic]) {
        var text = text
        var diagnostics: [Diagnostic] = []
        var renamed = false
        // Each retry removes one repeated key, so this ends; the bound guards pathological input.
        for _ in 0..<200 {
            do {
                // UTF-8 named outright: Yams's default reads the whole environment on every parse.
                let root = try Yams.compose(yaml: text, resolver, .default, .utf8)
                return (renamed ? root.map(removingDroppedKeys) : root, diagnostics)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                guard let key = duplicates.first,
                      let repeatAt = secondOccurrence(of: key, after: context.mark, in: text) else {
                    diagnostics.append(Diagnostic(.error, at: location(file, context.mark),
                        "'\(duplicates.joined(separator: "', '"))' appears more than once in the same mapping"))
                    return (nil, diagnostics)
                }
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: repeatAt.line, column: repeatAt.column),
                    "'\(key)' appears more than once here (first at line \(context.mark.line)); the repeat is ignored"))
                text = replacing(key: key, at: repeatAt, in: text)
                renamed = true
            } catch {
                diagnostics.append(diagnostic(for: error, file: file))
                return (nil, diagnostics)
            }
        }
        return (nil, diagnostics)
    }

    /// The location of a node, or of the file's start when Yams gave none.
    public static func location(_ file: String, _ mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// A diagnostic for an error thrown by Yams.
    public static func diagnostic(for error: Error, file: String) -> Diagnostic {
        guard let yamlError = error as? YamlError else {
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "cannot read the file as YAML: \(error)")
        }
        switch yamlError {
        case let .scanner(context, problem, mark, yaml), let .parser(context, problem, mark, yaml),
             let .composer(context, problem, mark, yaml):
            var message = "this is not valid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return Diagnostic(.error, at: location(file, mark), message,
                              hint: problem.contains("tab") || hasTab(at: mark, in: yaml) ? "indent with spaces, not tabs" : nil)
        case let .reader(problem, _, _, _):
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "cannot read the file: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            return Diagnostic(.error, at: location(file, context.mark),
                              "'\(duplicates.joined(separator: "', '"))' appears more than once in the same mapping")
        default:
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1), "cannot read the file as YAML: \(yamlError)")
        }
    }

    /// Whether the line of `mark` has a tab at or before the mark (tabs cannot indent YAML).
    private static func hasTab(at mark: Mark, in text: String) -> Bool {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return false }
        return lines[mark.line - 1].unicodeScalars.prefix(max(mark.column, 1)).contains("\t")
    }

    // MARK: - Repeated keys

    private static let droppedPrefix = "\u{2063}dropped-repeat-"

    /// The next place after `mark` where `key` is written as a mapping key (followed by `:`).
    private static func secondOccurrence(of key: String, after mark: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        for lineIndex in (mark.line - 1)..<lines.count {
            let scalars = Array(lines[lineIndex].unicodeScalars)
            // On the first key's own line, skip past the first occurrence.
            var column = lineIndex == mark.line - 1 ? mark.column - 1 + key.unicodeScalars.count : 0
            while column < scalars.count {
                if isKey(key, at: column, in: scalars) { return (lineIndex + 1, column + 1) }
                column += 1
            }
        }
        return nil
    }

    private static func isKey(_ key: String, at column: Int, in scalars: [Unicode.Scalar]) -> Bool {
        let keyScalars = Array(key.unicodeScalars)
        guard column + keyScalars.count <= scalars.count,
              Array(scalars[column..<(column + keyScalars.count)]) == keyScalars else { return false }
        // A token boundary before, and `:` (after optional spaces) after.
        if column > 0 {
            let before = scalars[column - 1]
            guard before == " " || before == "{" || before == "," || before == "\t" || before == "-" else { return false }
            // `- key:` is fine, `a-key:` is not.
            if before == "-" && column > 1 && scalars[column - 2] != " " { return false }
        }
        var after = column + keyScalars.count
        while after < scalars.count && scalars[after] == " " { after += 1 }
        return after < scalars.count && scalars[after] == ":"
    }

    private static func replacing(key: String, at position: (line: Int, column: Int), in text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var scalars = Array(lines[position.line - 1].unicodeScalars)
        let range = (position.column - 1)..<(position.column - 1 + key.unicodeScalars.count)
        let unique = "\(droppedPrefix)\(position.line)-\(position.column)"
        scalars.replaceSubrange(range, with: Array(unique.unicodeScalars))
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        lines[position.line - 1] = String(s)
        return lines.joined(separator: "\n")
    }

    private static func removingDroppedKeys(_ node: Node) -> Node {
        switch node {
        case .mapping(let m):
            let pairs = m.filter { !($0.key.string?.hasPrefix(droppedPrefix) ?? false) }
                .map { ($0.key, removingDroppedKeys($0.value)) }
            return .mapping(Node.Mapping(pairs, m.tag, m.style, m.mark, m.anchor))
        case .sequence(let s):
            return .sequence(Node.Sequence(s.map(removingDroppedKeys), s.tag, s.style, s.mark, s.anchor))
        default:
            return node
        }
    }
}
