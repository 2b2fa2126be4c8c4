import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a small XML fragment (a census child, the header): its name, the line it
/// starts on, its text and its child elements. Census children are small, so a fragment is
/// held whole while it is mapped; the file around it never is.
final class XMLElementNode {
    let name: String
    let line: Int
    var text = ""
    var children: [XMLElementNode] = []

    init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    /// The text with surrounding white space removed; nil when that leaves nothing.
    var trimmedText: String? {
        // XML white space is four ASCII characters; Foundation's Unicode-aware trimming
        // was a tenth of the time spent reading a census file.
        let utf8 = text.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }) else { return nil }
        let last = utf8.lastIndex(where: { !isSpace($0) })!
        if first == utf8.startIndex && last == utf8.index(before: utf8.endIndex) { return text }
        return String(text[first...last])
    }
}

/// Parses one XML fragment into an ``XMLElementNode`` tree with Foundation's `XMLParser`.
/// The fragment is given no DTD, and external entities are never resolved, so an entity
/// reference other than the five XML predefines is a parse error, not a file read.
enum XMLFragmentParser {
    /// A fragment that is not well-formed XML: where the parser stopped and why, in words.
    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
    }

    /// - Parameters:
    ///   - bytes: the fragment (with an optional XML declaration in front, on its first line).
    ///   - firstLine: the line of the file the fragment starts on.
    static func parse(_ bytes: Data, firstLine: Int) -> Result<XMLElementNode, Failure> {
        let parser = XMLParser(data: bytes)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let builder = TreeBuilder(lineOffset: firstLine - 1)
        parser.delegate = builder
        let ok = parser.parse()
        if ok, let root = builder.root { return .success(root) }
        let line = max(firstLine, parser.lineNumber + firstLine - 1)
        let code = (parser.parserError as NSError?)?.code ?? builder.errorCode ?? 0
        return .failure(Failure(line: line, column: parser.columnNumber, message: describe(code: code, builder: builder)))
    }

    private static func describe(code: Int, builder: TreeBuilder) -> String {
        switch code {
        case 26, 27:
            return "an entity reference (&name;) that is not one of XML's five (&amp; &lt; &gt; &quot; &apos;);"
                + " casecheck never reads DTDs or expands declared entities"
        case 76:
            return "an element is closed with the wrong end tag (the start and end tags do not match)"
        case 5, 77:
            return "the child ends before all its elements are closed (a missing end tag?)"
        case 89:
            return "entity expansion refused (a 'billion laughs' document?)"
        case 9:
            return "a character that XML does not allow"
        case 38, 39, 40, 41:
            return "a malformed attribute"
        default:
            return "the XML is not well formed (parser error \(code))"
        }
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        let lineOffset: Int
        var stack: [XMLElementNode] = []
        var root: XMLElementNode?
        var errorCode: Int?

        init(lineOffset: Int) { self.lineOffset = lineOffset }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            let node = XMLElementNode(name: elementName, line: parser.lineNumber + lineOffset)
            stack.last?.children.append(node)
            if stack.isEmpty && root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if !stack.isEmpty { stack.removeLast() }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            stack.last?.text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            if errorCode == nil { errorCode = (parseError as NSError).code }
        }

        func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? { nil }
    }
}
