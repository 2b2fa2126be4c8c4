import CaseModel
import Foundation

/// Turns the paths given on the command line into the case files to read, in a stable
/// order: each path in the order given; a directory recursively, its files sorted by path.
/// Hidden files and folders (names starting with '.') and files of other formats inside a
/// directory are passed over; a file named explicitly must be of a known format.
public enum CaseFileDiscovery {
    public enum Entry: Equatable {
        case file(path: String, format: CaseFileFormat)
        case problem(Diagnostic)
    }

    /// The case files the paths name, in reading order (problems left out: the reader reports them).
    public static func files(in paths: [String]) -> [String] {
        entries(for: paths).compactMap {
            if case .file(let path, _) = $0 { return path }
            return nil
        }
    }

    public static func entries(for paths: [String]) -> [Entry] {
        var entries: [Entry] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                entries.append(.problem(Diagnostic(.error, at: SourceLocation(file: path, line: 0),
                                                   "no such file or directory")))
                continue
            }
            if !isDirectory.boolValue {
                if let format = CaseFileFormat(path: path) {
                    entries.append(.file(path: path, format: format))
                } else {
                    entries.append(.problem(Diagnostic(
                        .error, at: SourceLocation(file: path, line: 0), "not a case file format that can be read",
                        hint: "case files end in \(CaseFileFormat.knownExtensions.joined(separator: ", "))")))
                }
                continue
            }
            guard let subpaths = try? fm.subpathsOfDirectory(atPath: path) else {
                entries.append(.problem(Diagnostic(.error, at: SourceLocation(file: path, line: 0), "the folder could not be read")))
                continue
            }
            let base = path.hasSuffix("/") ? path : path + "/"
            var found: [(String, CaseFileFormat)] = []
            for sub in subpaths {
                guard let format = CaseFileFormat(path: sub),
                      !sub.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                let full = base + sub
                var subIsDirectory: ObjCBool = false
                guard fm.fileExists(atPath: full, isDirectory: &subIsDirectory), !subIsDirectory.boolValue else { continue }
                found.append((full, format))
            }
            found.sort { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
            entries += found.map { .file(path: $0.0, format: $0.1) }
        }
        return entries
    }
}
