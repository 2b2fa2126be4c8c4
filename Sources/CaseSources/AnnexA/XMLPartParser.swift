import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs Foundation's streaming `XMLParser` over one workbook part with external entities
/// left unresolved (a workbook has no business fetching anything), and turns a parse
/// failure into a ``WorkbookReadError`` naming the part and line.
enum XMLPartParser {
    static func parse(_ data: Data, part: String, with delegate: XMLParserDelegate) throws {
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = delegate
        if !parser.parse() {
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
