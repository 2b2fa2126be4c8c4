import Foundation
import XCTest

/// Golden files: expected outputs kept in Tests/ReportsTests/Golden/. When a renderer
/// changes on purpose, regenerate them with
///
///     CASECHECK_UPDATE_GOLDEN=1 swift test --filter ReportsTests
///
/// and review the diff before committing.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static var updating: Bool { ProcessInfo.processInfo.environment["CASECHECK_UPDATE_GOLDEN"] == "1" }

    static func check(_ data: Data, against name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let url = directory.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            XCTFail("golden file \(name) is missing; create it with CASECHECK_UPDATE_GOLDEN=1 swift test --filter ReportsTests",
                    file: file, line: line)
            return
        }
        if expected != data {
            let actual = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let wanted = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(actual, wanted).enumerated().first { $0.element.0 != $0.element.1 }
            let where_ = first.map { "line \($0.offset + 1):\n  expected: \($0.element.1)\n  actual:   \($0.element.0)" }
                ?? "lengths differ (\(wanted.count) lines expected, \(actual.count) actual)"
            XCTFail("output differs from golden file \(name) at \(where_)\n(if the change is intended, regenerate with "
                    + "CASECHECK_UPDATE_GOLDEN=1 swift test --filter ReportsTests)", file: file, line: line)
        }
    }
}
