import Foundation
import XCTest

/// Runs the built `casecheck` binary as a subprocess in a temporary folder of fixture files.
struct CLIHarness {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    let folder: URL

    /// The folder holding the built products (next to the test bundle).
    static var productsDirectory: URL {
        #if os(macOS)
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        fatalError("could not find the products directory")
        #else
        return Bundle.main.bundleURL
        #endif
    }

    static var binary: URL { productsDirectory.appendingPathComponent("casecheck") }

    /// A fresh temporary folder, removed when the test ends.
    init(_ test: XCTestCase) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let folder = self.folder
        test.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        guard FileManager.default.isExecutableFile(atPath: CLIHarness.binary.path) else {
            throw XCTSkip("casecheck binary not built at \(CLIHarness.binary.path); run `swift build` first")
        }
    }

    /// Writes a file (creating folders) relative to the temporary folder.
    func write(_ text: String, to path: String) throws {
        let url = folder.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// Runs casecheck with `arguments`, in the temporary folder.
    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = CLIHarness.binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting so a large report cannot fill a pipe and stall.
        let outData = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { outData.data = out.fileHandleForReading.readDataToEndOfFile() }
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: outData.data, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Standard output's bytes, filled on another thread; read only after that thread is done.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}
