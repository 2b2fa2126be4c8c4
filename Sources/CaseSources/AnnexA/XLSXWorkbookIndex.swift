import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What `xl/workbook.xml` says: the sheets in tab order (name and relationship id) and
/// which date system the workbook counts from.
struct XLSXWorkbookIndex {
    struct Sheet {
        var name: String
        var relationshipID: String
    }

    var sheets: [Sheet] = []
    /// True when serial dates count from 1904-01-01 (old Mac workbooks), not 1900.
    var uses1904Dates = false

    static func parse(_ data: Data, part: String) throws -> XLSXWorkbookIndex {
        let collector = Collector()
        try XMLPartParser.parse(data, part: part, with: collector)
        return collector.result
    }

    private final class Collector: XMLPartCollector {
        var result = XLSXWorkbookIndex()

        override func open(_ name: Substring, _ attributes: [String: String]) {
            switch name {
            case "workbookPr":
                let flag = attributes["date1904"]?.lowercased()
                result.uses1904Dates = flag == "1" || flag == "true"
            case "sheet":
                // The relationship attribute is `r:id` under whatever prefix the file chose.
                let rid = attributes.first { XMLPartParser.local($0.key) == "id" && $0.key.contains(":") }?.value
                if let name = attributes["name"], let rid {
                    result.sheets.append(Sheet(name: name, relationshipID: rid))
                }
            default:
                break
            }
        }
    }
}
