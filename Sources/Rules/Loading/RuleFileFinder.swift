import CaseModel
import Foundation

/// Which files make up a rule pack.
enum RuleFileFinder {
    static let nonRuleFiles: Set<String> = ["schema.yaml", "schema.yml", "waivers.yaml", "waivers.yml"]

    /// A file whose presence makes a subfolder a separate pack.
    static let separatePackMarker = ".casecheck-pack"

    /// Files named directly are taken as they are; directories are walked for `.yaml`/`.yml`
    /// files, sorted, leaving out the case schema, the calendars and the reviewed waivers file
    /// (they live beside the rules but are not rules), and any subfolder marked as a pack of
    /// its own by a ``separatePackMarker`` file (such as `rules/cin-census/`), which is read
    /// only when named itself.
    static func ruleFiles(in paths: [String], diagnostics: inout [Diagnostic]) -> [String] {
        var files: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: path, line: 0),
                                              "no such rule file or directory"))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            var found: [String] = []
            let base = URL(fileURLWithPath: path)
            if let walker = fm.enumerator(at: base, includingPropertiesForKeys: [.isDirectoryKey]) {
                for case let url as URL in walker {
                    let name = url.lastPathComponent
                    let isDir = (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) ?? false
                    if isDir {
                        if name == "calendars" || name.hasPrefix(".")
                            || fm.fileExists(atPath: url.appendingPathComponent(separatePackMarker).path) {
                            walker.skipDescendants()
                        }
                        continue
                    }
                    guard url.pathExtension == "yaml" || url.pathExtension == "yml" else { continue }
                    guard !nonRuleFiles.contains(name) else { continue }
                    let relative = String(url.path.dropFirst(base.path.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
                    found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
                }
            }
            files += found.sorted()
        }
        return files
    }
}
