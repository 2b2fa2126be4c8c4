import Foundation

/// Where a finding's record is, as SARIF says it: a URI relative to the `%SRCROOT%` base
/// where the file lies under it (code-scanning tools resolve those against the repository),
/// an absolute `file:` URI otherwise, and the sheet of a workbook as a logical location,
/// never as part of the file's name.
struct SARIFArtifact: Equatable {
    /// The base id relative URIs are given against.
    static let baseID = "%SRCROOT%"

    var uri: String
    /// `%SRCROOT%` when `uri` is relative.
    var uriBaseID: String?
    /// The sheet of a workbook (`List 7`), when the record is a spreadsheet row.
    var sheet: String?

    init(uri: String, uriBaseID: String?, sheet: String?) {
        self.uri = uri
        self.uriBaseID = uriBaseID
        self.sheet = sheet
    }

    /// - Parameters:
    ///   - path: the location's file as casecheck names it (`cases/north.yaml`,
    ///     `/data/Annex_A.xlsx#List 7`).
    ///   - root: the absolute folder `%SRCROOT%` stands for (the current folder by default).
    init(path: String, root: String?) {
        var file = path
        if let hash = path.range(of: "#", options: .backwards) {
            let before = String(path[..<hash.lowerBound]).lowercased()
            if [".xlsx", ".xlsm", ".csv"].contains(where: before.hasSuffix) {
                file = String(path[..<hash.lowerBound])
                sheet = String(path[hash.upperBound...])
            }
        }
        if file.hasPrefix("/") {
            if let root, let relative = Self.relative(file, to: root) {
                uri = FileURI.reference(forPath: relative)
                uriBaseID = Self.baseID
            } else {
                uri = FileURI.reference(forPath: file)
            }
        } else {
            uri = FileURI.reference(forPath: file.hasPrefix("./") ? String(file.dropFirst(2)) : file)
            uriBaseID = Self.baseID
        }
    }

    /// `path` relative to `root` when it lies under it.
    private static func relative(_ path: String, to root: String) -> String? {
        let base = root.hasSuffix("/") ? root : root + "/"
        guard path.hasPrefix(base), path.count > base.count else { return nil }
        return String(path.dropFirst(base.count))
    }

    /// The folder as the `originalUriBaseIds` entry gives it: a `file:` URI ending in `/`.
    static func baseURI(forRoot root: String) -> String {
        FileURI.reference(forPath: root.hasSuffix("/") ? root : root + "/")
    }
}
