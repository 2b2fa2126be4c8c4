import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs Foundation's streaming `XMLParser` over one workbook part with external entities
/// left unresolved (a workbook has no business fetching anything), and turns a parse
/// failure - including a part cut off before its root element closes, which the parser
/// itself lets pass - into a ``WorkbookReadError`` naming the part and line.
enum XMLPartParser {
    static func parse(_ data: Data, part: String, with collector: XMLPartCollector) throws {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = collector
        if !parser.parse() || collector.depth != 0 || !collector.sawRoot {
            let line = parser.lineNumber
            throw WorkbookReadError("the workbook is damaged: its part '\(part)' is not well-formed XML (line \(line))",
                                    hint: "open it in Excel and save it again")
        }
    }

    /// An element or attribute name without its namespace prefix (`x:row` is `row`).
    static func local(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return Substring(name)
    }
}

/// The parser's delegate for one part: keeps count of open elements (so that a part cut
/// short is noticed) and hands each element, by its name without prefix, to a subclass.
class XMLPartCollector: NSObject, XMLParserDelegate {
    private(set) var depth = 0
    private(set) var sawRoot = false

    func open(_ name: Substring, _ attributes: [String: String]) {}
    func close(_ name: Substring) {}
    func text(_ string: String) {}

    final func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                      qualifiedName qName: String?, attributes: [String: String] = [:]) {
        depth += 1
        sawRoot = true
        open(XMLPartParser.local(elementName), attributes)
    }

    final func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        close(XMLPartParser.local(elementName))
    }

    final func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }
}
