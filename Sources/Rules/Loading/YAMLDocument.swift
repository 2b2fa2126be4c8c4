import CaseModel
import Yams

/// Parses a rule file's text into a YAML node tree, turning every YAML problem into a
/// diagnostic at its line and column, in words a rule writer understands.
enum YAMLDocument {
    enum Outcome {
        case document(Node)
        /// The file holds nothing (or only comments).
        case empty
        case failed([Diagnostic])
    }

    static func parse(_ text: String, file: String) -> Outcome {
        do {
            // The basic resolver gives every untagged scalar the tag `str` without running
            // Yams's regular expressions. Yams hashes every mapping key (to find repeated
            // keys) and hashing resolves the key's tag: with the default resolver that was
            // seven regular expressions a key, most of the time spent loading a rule pack.
            // Nothing in a rule file needs a key's YAML type; the few values whose type
            // matters (example cases) resolve theirs with the default rules (`tagName`).
            // UTF-8 named outright: Yams's default reads the whole environment on every parse.
            let parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
            guard let root = try parser.singleRoot() else { return .empty }
            if case .scalar(let s) = root, s.isNull { return .empty }
            return .document(root)
        } catch let error as YamlError {
            let tabs = tabDiagnostics(text, file: file)
            if !tabs.isEmpty { return .failed(tabs) }
            return .failed([diagnostic(for: error, file: file)])
        } catch {
            return .failed([Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                                       "this file could not be read as YAML: \(error)")])
        }
    }

    /// Tabs in indentation are the commonest cause of a YAML error and libyaml's message for
    /// them is cryptic, so they are reported first, one per line.
    static func tabDiagnostics(_ text: String, file: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for (n, line) in text.sourceLines().enumerated() {
            var column = 1
            for ch in line {
                if ch == "\t" {
                    out.append(Diagnostic(.error, at: SourceLocation(file: file, line: n + 1, column: column),
                                          "a tab is used for indentation; YAML needs spaces",
                                          hint: "replace the tab with spaces"))
                    break
                }
                guard ch == " " || ch == "-" else { break }
                column += 1
            }
        }
        return out
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if let context, let (message, hint) = unclosed(context.text, problem: problem) {
                // libyaml notices at the end of the file; the reader needs the place it was opened.
                return Diagnostic(.error, at: at(context.mark), message, hint: hint)
            }
            let (message, hint) = explain(problem: problem, context: context?.text)
            return Diagnostic(.error, at: at(mark), message, hint: hint)
        case .duplicatedKeysInMapping(let keys, let context):
            let names = keys.map { "'\($0)'" }.joined(separator: ", ")
            let repeated = keys.count == 1 ? repeatedKey(keys[0], after: context.mark, in: context.text) : nil
            return Diagnostic(.error, at: repeated.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? at(context.mark),
                              "\(names) is written more than once in the same place; each key may appear only once",
                              hint: "remove or rename the repeated key")
        case .reader(let problem, let offset, _, let yaml):
            var line = 1, column = 1
            if let offset {
                for ch in yaml.prefix(offset) {
                    if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            return Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column),
                              "this file contains a character YAML does not accept (\(problem))")
        default:
            return Diagnostic(.error, at: SourceLocation(file: file, line: 1, column: 1),
                              "this file could not be read as YAML: \(error)")
        }
    }

    /// Yams reports the first of two equal keys; the second, at the same indentation further
    /// down, is the one to point at.
    private static func repeatedKey(_ key: String, after mark: Mark, in text: String) -> FilePosition? {
        let lines = text.sourceLines()
        let indent = mark.column - 1
        guard mark.line >= 1 else { return nil }
        for n in mark.line..<lines.count {
            let line = lines[n]
            let leading = line.prefix(while: { $0 == " " }).count
            let blank = line.allSatisfy({ $0 == " " }) || line.drop(while: { $0 == " " }).hasPrefix("#")
            if leading < indent && !blank { return nil }
            guard leading == indent else { continue }
            let rest = line.dropFirst(indent)
            if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                return FilePosition(line: n + 1, column: mark.column)
            }
        }
        return nil
    }

    /// What was left open when the file ended: a quoted value or a bracket, from libyaml's context.
    private static func unclosed(_ context: String, problem: String) -> (String, String)? {
        guard problem == "found unexpected end of stream" || problem.hasPrefix("did not find expected ','") else { return nil }
        switch context {
        case "while scanning a quoted scalar":
            return ("the quote that starts this value is never closed",
                    "end the value with the same quote it starts with")
        case "while parsing a flow mapping":
            return ("this '{' is never closed", "end the keys written on one line with '}'")
        case "while parsing a flow sequence":
            return ("this '[' is never closed", "end the list written on one line with ']'")
        default: return nil
        }
    }

    /// libyaml's problem texts, said in terms of the rule file.
    private static func explain(problem: String, context: String?) -> (String, String?) {
        switch problem {
        case "mapping values are not allowed in this context":
            return ("unexpected ':' here; text that contains ': ' must be put in quotes, or the indentation is wrong",
                    "write the value in quotes, such as \"Review due: {{due}}\"")
        case "did not find expected key":
            return ("this line does not line up with the keys above it; check its indentation", nil)
        case "did not find expected '-' indicator":
            return ("this line does not line up with the list above it; check its indentation", nil)
        case "could not find expected ':'":
            return ("a key here is missing its ':'", "write it as 'key: value'")
        case "found character that cannot start any token":
            return ("a value here starts with a character YAML does not allow (such as '@', '`' or a tab)",
                    "put the value in quotes")
        case "found undefined alias":
            return ("this '*' refers to an anchor ('&name') that is not defined above it", nil)
        case "found unexpected end of stream":
            return ("the file ends inside a quoted value or a bracket; close it", nil)
        case "did not find expected node content":
            return ("a value is missing here", nil)
        case "block sequence entries are not allowed in this context":
            return ("a list item '-' is not allowed here; check the indentation", nil)
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return ("a tab is used for indentation; YAML needs spaces", "replace the tab with spaces")
        case let p where p.hasPrefix("Maximum nesting level reached"):
            return ("lists or mappings are nested too deeply here for a rule file", nil)
        default:
            let ctx = context.map { " (\($0))" } ?? ""
            return ("this is not valid YAML: \(problem)\(ctx)", nil)
        }
    }
}

extension String {
    /// The text's lines as YAML counts them: `\n`, `\r\n` (one Character in Swift) and `\r` all end a line.
    func sourceLines() -> [Substring] {
        split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
    }
}
