import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The shared string table (`xl/sharedStrings.xml`): cells of type `s` hold an index into
/// it. A string with formatting runs is the runs' text joined; phonetic guides (`rPh`,
/// Japanese reading aids) are left out as Excel leaves them out of the cell's value.
enum XLSXSharedStrings {
    static func parse(_ data: Data, part: String) throws -> [String] {
        let collector = Collector()
        try XMLPartParser.parse(data, part: part, with: collector)
        return collector.strings
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var strings: [String] = []
        private var current = ""
        private var inItem = false
        private var inText = false
        private var phoneticDepth = 0

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            switch XMLPartParser.local(elementName) {
            case "si": inItem = true; current = ""
            case "rPh": phoneticDepth += 1
            case "t": inText = inItem && phoneticDepth == 0
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            switch XMLPartParser.local(elementName) {
            case "si": strings.append(current); inItem = false
            case "rPh": phoneticDepth -= 1
            case "t": inText = false
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current += string }
        }
    }
}
