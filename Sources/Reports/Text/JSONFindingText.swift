import CaseModel
import Rules

/// A finding as JSON text, byte for byte what `JSONEncoder` with sorted keys gives for
/// ``Finding``'s `Encodable` form (pretty-printed at an indent, or on one line), written by
/// hand because the encoder builds a tree for every finding and a large run has millions.
enum JSONFindingText {
    /// Appends `finding`; pretty-printed with its opening brace at `indent` spaces when
    /// `indent` is given, on one line without spaces when nil.
    static func append(_ f: Finding, indent: Int?, into out: inout String) {
        var members = Members(indent: indent, out: out)
        out = ""
        if let v = f.caseID { members.string("case", v) }
        if let v = f.daysLate { members.raw("days_late", String(v)) }
        if let v = f.due { members.string("due", v.isoString) }
        members.string("fingerprint", f.fingerprint)
        if let v = f.group { members.string("group", v) }
        if let v = f.item { members.string("item", v) }
        if let v = f.location { members.location("location", v) }
        members.string("message", f.message)
        members.string("rule", f.rule)
        members.location("rule_location", f.ruleLocation)
        members.string("severity", f.severity.rawValue)
        members.string("status", f.status.rawValue)
        if let v = f.team { members.string("team", v) }
        if let v = f.teamManager { members.string("team_manager", v) }
        if let v = f.worker { members.string("worker", v) }
        out = members.finish()
    }

    /// Appends `text` as a JSON string, escaped as `JSONEncoder` escapes (slashes left alone).
    static func quote(_ text: String, into out: inout String) {
        out.append("\"")
        var plainStart = text.utf8.startIndex
        let utf8 = text.utf8
        var index = utf8.startIndex
        // Runs of bytes that need no escape are copied whole.
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x20 && byte != 0x22 && byte != 0x5C {
                index = utf8.index(after: index)
                continue
            }
            out.append(contentsOf: text[plainStart..<index])
            switch byte {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x0A: out.append("\\n")
            case 0x0D: out.append("\\r")
            case 0x09: out.append("\\t")
            case 0x08: out.append("\\b")
            case 0x0C: out.append("\\f")
            default:
                let hex = String(byte, radix: 16)
                out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            }
            index = utf8.index(after: index)
            plainStart = index
        }
        out.append(contentsOf: text[plainStart..<utf8.endIndex])
        out.append("\"")
    }

    /// Writes an object's members with the encoder's separators.
    private struct Members {
        let indent: Int?
        var out: String
        var first = true

        init(indent: Int?, out: String) {
            self.indent = indent
            self.out = out
            self.out.append("{")
        }

        private mutating func key(_ name: String, nested: Int = 1) {
            if let indent {
                out.append(first ? "\n" : ",\n")
                out.append(String(repeating: " ", count: indent + 2 * nested))
                out.append("\"\(name)\" : ")
            } else {
                out.append(first ? "\"\(name)\":" : ",\"\(name)\":")
            }
            first = false
        }

        mutating func string(_ name: String, _ value: String) {
            key(name)
            JSONFindingText.quote(value, into: &out)
        }

        mutating func raw(_ name: String, _ value: String) {
            key(name)
            out.append(value)
        }

        mutating func location(_ name: String, _ value: SourceLocation) {
            key(name)
            if let indent {
                let inner = String(repeating: " ", count: indent + 4)
                out.append("{\n\(inner)\"column\" : \(value.column),\n\(inner)\"file\" : ")
                JSONFindingText.quote(value.file, into: &out)
                out.append(",\n\(inner)\"line\" : \(value.line)\n\(String(repeating: " ", count: indent + 2))}")
            } else {
                out.append("{\"column\":\(value.column),\"file\":")
                JSONFindingText.quote(value.file, into: &out)
                out.append(",\"line\":\(value.line)}")
            }
        }

        mutating func finish() -> String {
            if let indent { out.append("\n" + String(repeating: " ", count: indent) + "}") } else { out.append("}") }
            return out
        }
    }
}
