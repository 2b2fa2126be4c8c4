import Foundation
import Reports
import XCTest

final class PseudonymiserTests: XCTestCase {
    private let key = try! PseudonymKey(bytes: Array("a secret key of 32 bytes length!".utf8))
    private let otherKey = try! PseudonymKey(bytes: Array("another secret key, also long...".utf8))

    func testPseudonymsAreStableAndKeyed() throws {
        let first = Pseudonymiser(key: key), second = Pseudonymiser(key: try PseudonymKey(bytes: Array("a secret key of 32 bytes length!".utf8)))
        XCTAssertEqual(first.child("C001"), second.child("C001"))
        XCTAssertNotEqual(first.child("C001"), first.child("C002"))
        XCTAssertNotEqual(first.child("C001"), Pseudonymiser(key: otherKey).child("C001"))
        XCTAssertNotEqual(first.child("Sam Patel"), first.worker("Sam Patel"), "children and workers never share pseudonyms")
        XCTAssertTrue(first.child("C001").range(of: "^C-[0-9a-f]{16}$", options: .regularExpression) != nil, first.child("C001"))
        XCTAssertTrue(first.worker("Sam").range(of: "^W-[0-9a-f]{16}$", options: .regularExpression) != nil)
    }

    func testMatchesHMACSHA256() {
        // HMAC-SHA256(key, "child" 0x00 "C001"), first 8 bytes, computed independently with openssl:
        // printf 'child\0C001' | openssl dgst -sha256 -hmac 'a secret key of 32 bytes length!'
        XCTAssertEqual(Pseudonymiser(key: key).child("C001"), "C-" + Self.expectedC001)
    }

    static let expectedC001 = "682afffd6828752b"

    func testReplacesChildIDsEverywhere() {
        let pseudonymiser = Pseudonymiser(key: key)
        var finding = Fixtures.findings[0]
        finding.message = "Child C001 review overdue"
        let output = pseudonymiser.apply(to: Fixtures.input(findings: [finding, Fixtures.findings[7]]))
        let child = output.findings.first { $0.rule == "CP-REVIEW" }!
        XCTAssertEqual(child.caseID, pseudonymiser.child("C001"))
        XCTAssertEqual(child.message, "Child \(pseudonymiser.child("C001")) review overdue")
        XCTAssertEqual(child.worker, "Sam Patel", "workers kept unless asked")
        XCTAssertNotEqual(child.fingerprint, finding.fingerprint, "unkeyed fingerprints would reveal the id")
        XCTAssertEqual(child.fingerprint, pseudonymiser.apply(to: Fixtures.input(findings: [finding])).findings[0].fingerprint)
        let caseload = output.findings.first { $0.rule == "CASELOAD" }!
        XCTAssertEqual(caseload.group, "Sam Patel")
        for format in ReportFormat.allCases {
            let text = String(decoding: format.renderer().render(output), as: UTF8.self)
            XCTAssertFalse(text.contains("C001"), "\(format) still shows the child's id")
        }
    }

    func testWorkersToo() {
        let pseudonymiser = Pseudonymiser(key: key, includesWorkers: true)
        let output = pseudonymiser.apply(to: Fixtures.input())
        let workers = ["Sam Patel", "Jo Okafor", "Ana Silva"]
        for finding in output.findings {
            if let worker = finding.worker { XCTAssertTrue(worker.hasPrefix("W-")) }
        }
        let caseload = output.findings.first { $0.rule == "CASELOAD" }!
        XCTAssertEqual(caseload.group, pseudonymiser.worker("Sam Patel"))
        XCTAssertEqual(caseload.message, "\(pseudonymiser.worker("Sam Patel")) holds 23 open cases (local maximum 20)")
        for format in ReportFormat.allCases {
            let text = String(decoding: format.renderer().render(output), as: UTF8.self)
            for name in workers + Fixtures.findings.compactMap(\.caseID) {
                XCTAssertFalse(text.contains(name), "\(format) still shows \(name)")
            }
        }
    }

    func testGroupsOfWorkerRulesArePseudonymisedEvenWithoutOtherFindings() {
        let lone = Fixtures.finding("CASELOAD", .low, .breach, child: nil, group: "Lee Wong", message: "Lee Wong holds 25 open cases")
        let output = Pseudonymiser(key: key, includesWorkers: true).apply(to: Fixtures.input(findings: [lone]))
        XCTAssertFalse(output.findings[0].message.contains("Lee Wong"))
        XCTAssertTrue(output.findings[0].group?.hasPrefix("W-") ?? false)
    }

    func testKeyFromFileIgnoresTrailingLineBreak() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("casecheck-key-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let withNewline = directory.appendingPathComponent("a.key"), without = directory.appendingPathComponent("b.key")
        try Data("a secret key of 32 bytes length!\n".utf8).write(to: withNewline)
        try Data("a secret key of 32 bytes length!".utf8).write(to: without)
        let a = Pseudonymiser(key: try PseudonymKey.fromFile(withNewline.path))
        let b = Pseudonymiser(key: try PseudonymKey.fromFile(without.path))
        XCTAssertEqual(a.child("C001"), b.child("C001"))
        XCTAssertEqual(a.child("C001"), Pseudonymiser(key: key).child("C001"))
    }

    func testKeyProblemsAreExplained() throws {
        XCTAssertThrowsError(try PseudonymKey(bytes: Array("short".utf8))) { error in
            XCTAssertTrue("\(error)".contains("at least 16"), "\(error)")
        }
        XCTAssertThrowsError(try PseudonymKey.fromFile("/nonexistent/casecheck.key")) { error in
            XCTAssertEqual("\(error)", "the key file /nonexistent/casecheck.key does not exist")
        }
        XCTAssertThrowsError(try PseudonymKey.resolve(keyFile: nil, environment: [:])) { error in
            XCTAssertTrue("\(error)".contains("--key-file"), "\(error)")
            XCTAssertTrue("\(error)".contains("CASECHECK_KEY"), "\(error)")
        }
        XCTAssertThrowsError(try PseudonymKey.resolve(keyFile: nil, environment: ["CASECHECK_KEY": "tiny"]))
    }

    func testEnvironmentKeyAndKeyFilePrecedence() throws {
        let environment = ["CASECHECK_KEY": "a secret key of 32 bytes length!"]
        let fromEnvironment = Pseudonymiser(key: try PseudonymKey.resolve(keyFile: nil, environment: environment))
        XCTAssertEqual(fromEnvironment.child("C001"), Pseudonymiser(key: key).child("C001"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("casecheck-\(UUID()).key")
        try Data("another secret key, also long...".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = Pseudonymiser(key: try PseudonymKey.resolve(keyFile: file.path, environment: environment))
        XCTAssertEqual(fromFile.child("C001"), Pseudonymiser(key: otherKey).child("C001"), "--key-file wins over CASECHECK_KEY")
        XCTAssertNil(try PseudonymKey.fromEnvironment([:]))
    }
}

extension PseudonymiserTests {
    func testFindingsListKeepsItsOrderAndMatchesTheReportInput() {
        let pseudonymiser = Pseudonymiser(key: key, includesWorkers: true)
        let listed = pseudonymiser.apply(to: Fixtures.findings, rules: Fixtures.rules)
        XCTAssertEqual(listed.count, Fixtures.findings.count)
        for (before, after) in zip(Fixtures.findings, listed) {
            XCTAssertEqual(after.rule, before.rule)
            XCTAssertEqual(after.caseID, before.caseID.map(pseudonymiser.child))
            XCTAssertEqual(after.worker, before.worker.map(pseudonymiser.worker))
        }
        XCTAssertEqual(Set(pseudonymiser.apply(to: Fixtures.input()).findings), Set(listed))
        // Without the rules, a worker group that names no worker of another finding stays as it was.
        let lone = Fixtures.finding("CASELOAD", .low, .breach, child: nil, group: "Lee Wong", message: "Lee Wong holds 25")
        XCTAssertEqual(pseudonymiser.apply(to: [lone], rules: []).first?.group, "Lee Wong")
        XCTAssertNotEqual(pseudonymiser.apply(to: [lone], rules: Fixtures.rules).first?.group, "Lee Wong")
    }
}

extension PseudonymiserTests {
    func testOnlyWholeIDsAreReplacedInMessages() {
        let pseudonymiser = Pseudonymiser(key: key)
        let finding = Fixtures.finding("CP-REVIEW", .high, .overdue, child: "12", message: "Child 12 is 120 days late (12)", late: 120)
        let message = pseudonymiser.apply(to: [finding], rules: Fixtures.rules)[0].message
        let pseudonym = pseudonymiser.child("12")
        XCTAssertEqual(message, "Child \(pseudonym) is 120 days late (\(pseudonym))")
        // Ids made of punctuation and letters are replaced wherever they occur.
        let odd = Fixtures.finding("CP-REVIEW", .high, .overdue, child: "<x>", message: "a<x>b", late: 1)
        XCTAssertEqual(pseudonymiser.apply(to: [odd], rules: [])[0].message, "a\(pseudonymiser.child("<x>"))b")
    }
}
