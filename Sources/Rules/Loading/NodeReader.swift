import CEL
import Foundation
import CaseModel
import Yams

/// Reads typed values out of YAML nodes, recording a diagnostic at the node's position for
/// every value of the wrong shape. Everything the rule-file parser needs from YAML goes through here.
struct NodeReader {
    /// A key of a mapping with its value.
    struct Entry {
        var key: String
        var keyNode: Node
        var value: Node
    }

    let file: String
    let lines: SourceLines
    var diagnostics: [Diagnostic] = []

    init(file: String, text: String) {
        self.file = file
        self.lines = SourceLines(text)
    }

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func error(_ node: Node, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: location(node), message, hint: hint))
    }

    mutating func warning(_ node: Node, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.warning, at: location(node), message, hint: hint))
    }

    /// What a node is, in a rule writer's words.
    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a set of keys"
        case .sequence: return "a list"
        case .scalar(let s):
            if s.isNull { return "nothing" }
            return "the value '\(s.string)'"
        case .alias: return "an alias"
        }
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar(let s) = node, s.isNull { return true }
        return false
    }

    /// The entries of a mapping, with YAML merge keys (`<<: *defaults`) expanded: keys written
    /// in the mapping itself win over merged ones. Nil (with a diagnostic) when not a mapping.
    mutating func entries(_ node: Node, what: String) -> [Entry]? {
        guard case .mapping(let mapping) = node else {
            error(node, "\(what) should be a set of keys, but found \(NodeReader.describe(node))")
            return nil
        }
        var own: [Entry] = []
        var merged: [Entry] = []
        for (keyNode, value) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                error(keyNode, "a key in \(what) should be a plain name, but found \(NodeReader.describe(keyNode))")
                continue
            }
            if keyScalar.string == "<<" && keyScalar.style == .plain {
                let sources: [Node]
                if case .sequence(let s) = value { sources = Array(s) } else { sources = [value] }
                for source in sources {
                    guard let more = entries(source, what: "a merged '<<' value") else { continue }
                    merged += more
                }
                continue
            }
            own.append(Entry(key: keyScalar.string, keyNode: keyNode, value: value))
        }
        // Most mappings merge nothing: no sets of keys to build for them.
        guard !merged.isEmpty else { return own }
        let ownKeys = Set(own.map(\.key))
        var seen = Set<String>()
        let inherited = merged.filter { !ownKeys.contains($0.key) && seen.insert($0.key).inserted }
        return inherited + own
    }

    /// Reports keys not in `allowed`, with a did-you-mean; returns the unknown entries.
    @discardableResult
    mutating func rejectUnknownKeys(_ entries: [Entry], allowed: [String], in what: String,
                                    otherwise fallbackHint: String? = nil) -> [Entry] {
        var unknown: [Entry] = []
        for entry in entries where !allowed.contains(entry.key) {
            unknown.append(entry)
            let hint = Suggestion.hint(for: entry.key, among: allowed)
            error(entry.keyNode, "unknown key '\(entry.key)' in \(what)",
                  hint: hint ?? fallbackHint ?? "the keys allowed here are: \(allowed.joined(separator: ", "))")
        }
        return unknown
    }

    /// A single value as text; nil (with a diagnostic) for lists, sets of keys and nothing.
    mutating func text(_ node: Node, key: String) -> String? {
        guard case .scalar(let s) = node else {
            error(node, "'\(key)' should be a single value, but found \(NodeReader.describe(node))")
            return nil
        }
        guard !s.isNull else {
            error(node, "'\(key)' is empty; give it a value")
            return nil
        }
        return s.string
    }

    /// A CEL expression with the file position of each of its characters.
    mutating func expression(_ node: Node, key: String) -> RuleExpression? {
        guard let text = text(node, key: key), case .scalar(let s) = node else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else {
            error(node, "'\(key)' is empty; give it an expression")
            return nil
        }
        return RuleExpression(text: text, location: location(node),
                              characterPositions: ScalarPositions.map(s, lines: lines))
    }

    /// A duration literal such as `45 working days`, with did-you-mean for misspelt units.
    mutating func span(_ node: Node, key: String) -> CalendarSpan? {
        guard let text = text(node, key: key) else { return nil }
        do {
            let span = try CalendarSpan(parsing: text)
            guard span.amount > 0 else {
                error(node, "'\(key)' should be a positive duration, but is '\(text)'")
                return nil
            }
            return span
        } catch let e as CalendarSpanParseError {
            error(node, "'\(key)': \(e.message)", hint: e.hint)
            return nil
        } catch {
            self.error(node, "'\(key)': '\(text)' is not a duration such as '45 working days' or '3 months'")
            return nil
        }
    }

    /// A number (`max: 20`).
    mutating func number(_ node: Node, key: String) -> Double? {
        guard let text = text(node, key: key) else { return nil }
        if case .scalar(let s) = node, s.style != .plain {
            error(node, "'\(key)' should be a number, but is the text '\(text)'", hint: "remove the quotes")
            return nil
        }
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            error(node, "'\(key)' should be a number, but is '\(text)'")
            return nil
        }
        return value
    }

    /// A whole number (`findings: 2`).
    mutating func integer(_ node: Node, key: String) -> Int? {
        guard let text = text(node, key: key) else { return nil }
        guard let value = Int(text) else {
            error(node, "'\(key)' should be a whole number, but is '\(text)'")
            return nil
        }
        return value
    }

    /// `true`/`false` (YAML's other spellings such as `yes` are accepted too).
    mutating func bool(_ node: Node, key: String) -> Bool? {
        guard let text = text(node, key: key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            error(node, "'\(key)' should be true or false, but is '\(text)'")
            return nil
        }
    }

    /// A date written `YYYY-MM-DD`.
    mutating func date(_ node: Node, key: String) -> CalendarDate? {
        guard let text = text(node, key: key) else { return nil }
        do {
            return try CalendarDate(validatingISO: text)
        } catch {
            self.error(node, "'\(key)' should be a date written YYYY-MM-DD: \(error)")
            return nil
        }
    }

    /// One of a fixed set of words, with did-you-mean.
    mutating func choice(_ node: Node, key: String, among choices: [String]) -> String? {
        guard let text = text(node, key: key) else { return nil }
        guard choices.contains(text) else {
            error(node, "'\(key)' should be one of \(choices.joined(separator: ", ")), but is '\(text)'",
                  hint: Suggestion.hint(for: text, among: choices))
            return nil
        }
        return text
    }
}

extension Node.Scalar {
    /// The scalar's YAML tag as YAML's core schema resolves it (`null`, `bool`, `int`, `str`...).
    /// Rule files are parsed with Yams's basic resolver (no implicit types), so the default
    /// rules are applied here, only where the type of a value matters (example cases): they
    /// run Yams's regular expressions. A quoted scalar (tag `!`) is text.
    var tagName: Tag.Name {
        switch Tag.Name(rawValue: tag.rawValue) {
        case .implicit:
            return Node.Scalar.plainTagName(string) ?? Resolver.default.resolveTag(of: Node.scalar(self))
        case .nonSpecific: return .str
        case let written: return written
        }
    }

    /// The tag YAML's core schema gives a plain word or a plain run of digits, without the
    /// regular expressions (whose compiling alone was a tenth of loading the census pack).
    /// Of the default rules only `bool` and `null` match text that starts with a letter,
    /// both as whole words; digits alone are an `int` (`0`, `12`, or octal `017`) or, when
    /// they start with `0` and hold an 8 or a 9, a `float`. Nil for text the rules must
    /// decide (signs, dots, dashes, other bytes).
    static func plainTagName(_ text: String) -> Tag.Name? {
        guard let first = text.utf8.first, text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        if first >= 0x30 && first <= 0x39 {
            guard text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            if first != 0x30 || text.utf8.count == 1 { return .int }
            return text.utf8.allSatisfy({ $0 <= 0x37 }) ? .int : .float
        }
        guard (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) else { return nil }
        switch text {
        case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
             "on", "On", "ON", "off", "Off", "OFF":
            return .bool
        case "null", "Null", "NULL": return .null
        default: return .str
        }
    }

    /// Whether the scalar is YAML's null (`~`, `null`, or nothing), without resolving its tag.
    var isNull: Bool {
        guard style == .plain || style == .any else { return false }
        switch string {
        case "", "~", "null", "Null", "NULL":
            // An explicit tag such as `!!str null` makes it text.
            return tag.rawValue.isEmpty || tag.rawValue == Tag.Name.null.rawValue
        default: return false
        }
    }
}
