import Foundation
import Reports
import XCTest

final class ReportFileTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("casecheck-reports-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func permissions(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    func testWritesOwnerOnlyFiles() throws {
        let path = directory.appendingPathComponent("report.html").path
        let previous = umask(0)  // the most permissive umask must not widen the file
        defer { umask(previous) }
        try ReportFile.write(Data("hello".utf8), to: path)
        XCTAssertEqual(try permissions(path), 0o600)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("hello".utf8))
    }

    func testReplacingAReadableFileMakesItOwnerOnly() throws {
        let path = directory.appendingPathComponent("report.csv").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("old, longer content".utf8),
                                                     attributes: [.posixPermissions: 0o644]))
        try ReportFile.write(Data("new".utf8), to: path)
        XCTAssertEqual(try permissions(path), 0o600)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("new".utf8))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        XCTAssertEqual(leftovers, ["report.csv"], "no temporary files left behind")
    }

    func testMissingDirectoryIsAClearError() {
        let path = directory.appendingPathComponent("no/such/dir/report.md").path
        XCTAssertThrowsError(try ReportFile.write(Data(), to: path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot write the report to \(path): "), "\(error)")
            XCTAssertTrue("\(error)".contains("No such file or directory"), "\(error)")
        }
    }

    func testWritesInTheCurrentDirectoryToo() throws {
        let previous = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(directory.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        try ReportFile.write(Data("x".utf8), to: "plain.sarif")
        XCTAssertEqual(try permissions(directory.appendingPathComponent("plain.sarif").path), 0o600)
    }
}
