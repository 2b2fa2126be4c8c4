import Plot

/// The node type every part of the dashboard body is built from.
typealias BodyNode = Node<HTML.BodyContext>

/// Thin, escaping constructors over Plot's nodes.
///
/// Plot escapes text but writes attribute values as given, and passes text that looks
/// like an entity (`&lt;`) through unchanged. So text is handed to Plot with its ampersands
/// already escaped (Plot then escapes `<` and `>`), and attribute values are escaped here in
/// full. Every value from case data goes through ``text(_:)``, ``data(_:)`` or an attribute.
enum Markup {
    /// An element with attributes (escaped) and children.
    static func element(_ name: String, _ attributes: [(String, String)] = [], _ children: [BodyNode] = []) -> BodyNode {
        .element(named: name, nodes: attributes.map { attribute($0.0, $0.1) } + children)
    }

    /// An element holding only text.
    static func element(_ name: String, _ attributes: [(String, String)] = [], text: String) -> BodyNode {
        element(name, attributes, [Markup.text(text)])
    }

    /// An attribute whose value is escaped for a double-quoted attribute.
    static func attribute(_ name: String, _ value: String) -> BodyNode {
        // Empty values are left out: Plot would write a bare attribute name, which is not XML.
        .attribute(named: name, value: escapeAttribute(value), ignoreIfValueIsEmpty: true)
    }

    /// Text, escaped.
    static func text(_ value: String) -> BodyNode {
        let safe = ReportText.neutralised(value)
        return .text(safe.utf8.contains(UInt8(ascii: "&")) ? safe.replacingOccurrences(of: "&", with: "&amp;") : safe)
    }

    /// Text from case data, isolated with `<bdi>` so a right-to-left name cannot reorder
    /// the text around it.
    static func data(_ value: String) -> BodyNode {
        element("bdi", text: value)
    }

    static func escapeAttribute(_ value: String) -> String {
        var result = ""
        for character in ReportText.neutralised(value) {
            switch character {
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            // As references, so parsers keep them rather than turning them into spaces.
            case "\t": result += "&#9;"
            case "\n": result += "&#10;"
            case "\r": result += "&#13;"
            case "\r\n": result += "&#13;&#10;"
            default: result.append(character)
            }
        }
        return result
    }
}
