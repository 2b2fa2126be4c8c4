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

    private final class Collector: XMLPartCollector {
        var strings: [String] = []
        private var current = ""
        private var inItem = false
        private var inText = false
        private var phoneticDepth = 0

        override func open(_ name: Substring, _ attributes: [String: String]) {
            switch name {
            case "si": inItem = true; current = ""
            case "rPh": phoneticDepth += 1
            case "t": inText = inItem && phoneticDepth == 0
            default: break
            }
        }

        override func close(_ name: Substring) {
            switch name {
            case "si": strings.append(current); inItem = false
            case "rPh": phoneticDepth -= 1
            case "t": inText = false
            default: break
            }
        }

        override func text(_ string: String) {
            if inText { current += string }
        }
    }
}
