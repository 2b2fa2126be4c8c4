import Foundation
import XCTest

/// The shipped sample cases and rule pack, copied into a test's folder so reports name the
/// files as `casecheck run` in the repository does.
enum SampleFiles {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func install(in harness: CLIHarness) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: root.appendingPathComponent("rules/schema.yaml").path) else {
            throw XCTSkip("rules/ and cases/ are not in this checkout")
        }
        for folder in ["cases", "rules"] {
            try fm.copyItem(at: root.appendingPathComponent(folder), to: harness.folder.appendingPathComponent(folder))
        }
    }
}
