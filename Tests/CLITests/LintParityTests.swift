import Foundation
import XCTest

/// Parity of the census rules with the DfE's reference validator: runs
/// `scripts/cin-parity.py`, which installs csc-validator-be-cin into a virtual environment
/// (once), runs it and `casecheck lint` on the shared samples and a synthetic return, and
/// fails on any (rule, child) difference not explained in its known-differences list.
/// Skipped, saying why, when Python, pip or the package cannot be had.
final class LintParityTests: XCTestCase {
    func testCensusRulesAgreeWithTheReferenceValidator() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("scripts/cin-parity.py").path
        let products = CLIHarness.productsDirectory
        let casecheck = products.appendingPathComponent("casecheck").path
        let bench = products.appendingPathComponent("cin-bench").path
        guard FileManager.default.isExecutableFile(atPath: casecheck), FileManager.default.isExecutableFile(atPath: bench) else {
            throw XCTSkip("casecheck and cin-bench are not built in \(products.path); run `swift build` first")
        }
        guard let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile(atPath:))
                ?? which("python3") else {
            throw XCTSkip("python3 is not installed; the reference validator cannot be run")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--children", "1500", "--seed", "11", "--casecheck", casecheck, "--cin-bench", bench]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 77 {
            throw XCTSkip(text.split(separator: "\n").last.map(String.init) ?? "the reference validator is unavailable")
        }
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("0 rule(s) with unexplained differences"), text)
    }

    private func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
