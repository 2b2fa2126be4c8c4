import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A `.rels` part: relationship id to target part and type, targets resolved to full part
/// paths inside the archive.
struct XLSXRelationships {
    struct Relationship {
        var target: String
        var type: String
    }

    var byID: [String: Relationship] = [:]

    /// `relsPath` is the `.rels` part; `baseFolder` the folder its targets are relative to
    /// (`xl/` for `xl/_rels/workbook.xml.rels`, empty for `_rels/.rels`).
    static func parse(_ data: Data, part: String, baseFolder: String) throws -> XLSXRelationships {
        let collector = Collector(baseFolder: baseFolder)
        try XMLPartParser.parse(data, part: part, with: collector)
        return collector.result
    }

    /// The target of the first relationship whose type ends with `/suffix`.
    func target(ofType suffix: String) -> String? {
        byID.values.filter { $0.type.hasSuffix("/" + suffix) }.map(\.target).sorted().first
    }

    static func resolve(_ target: String, in baseFolder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = baseFolder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }

    private final class Collector: XMLPartCollector {
        let baseFolder: String
        var result = XLSXRelationships()

        init(baseFolder: String) { self.baseFolder = baseFolder }

        override func open(_ name: Substring, _ attributes: [String: String]) {
            guard name == "Relationship", let id = attributes["Id"],
                  let target = attributes["Target"] else { return }
            if attributes["TargetMode"] == "External" { return }
            result.byID[id] = Relationship(target: XLSXRelationships.resolve(target, in: baseFolder),
                                           type: attributes["Type"] ?? "")
        }
    }
}
