import Foundation

/// Looks at a file before SQLite is let near it, so that a file which is not a database is
/// reported and never initialised over.
enum DatabaseFileCheck {
    /// Every SQLite 3 database file starts with these 16 bytes.
    static let header = Array("SQLite format 3\u{0}".utf8)

    enum Verdict: Equatable {
        /// No file there yet (or an empty one): a new history may be created.
        case absent
        /// A file that starts like an SQLite database.
        case sqlite
        /// Something else.
        case foreign
    }

    static func inspect(path: String) throws -> Verdict {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .absent }
        if isDirectory.boolValue {
            throw RunStoreError.cannotOpen(path: path, detail: "it is a folder; give the path of a database file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RunStoreError.cannotOpen(path: path, detail: "the file cannot be read (check its permissions)")
        }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: header.count)) ?? Data()
        if start.isEmpty { return .absent }
        return Array(start) == header ? .sqlite : .foreign
    }
}
