import CaseModel
import History
import Rules
import XCTest

final class WaiverTests: XCTestCase {
    func testAWaivedFindingIsReportedApartUntilTheWaiverExpires() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        let f = finding("VISITS", "C1", due: "2024-05-20", daysLate: 12)
        _ = try store.record(runInput("2024-06-01", [f, finding("VISITS", "C2")]))
        let waiver = try store.waive(fingerprint: f.fingerprint, reason: "monthly visits agreed at review", by: "J Smith",
                                     until: day("2024-06-02"), today: day("2024-06-01"))
        XCTAssertEqual(waiver.status, .overdue)
        XCTAssertEqual(waiver.due, day("2024-05-20"))

        var next = f
        next.daysLate = 13
        let covered = try store.record(runInput("2024-06-02", [next, finding("VISITS", "C2")]))
        XCTAssertEqual(covered.waived.map(\.finding.fingerprint), [f.fingerprint])
        XCTAssertEqual(covered.unwaived.map(\.finding.caseID), ["C2"])
        XCTAssertEqual(covered.findings.count, 2, "a waived finding is still reported")
        XCTAssertEqual(covered.run.waived, 1)
        XCTAssertTrue(covered.waived.first?.waiver?.explanation.contains("monthly visits agreed at review") ?? false)

        next.daysLate = 14
        let after = try store.record(runInput("2024-06-03", [next, finding("VISITS", "C2")]))
        XCTAssertEqual(after.waived.count, 0)
        XCTAssertEqual(after.findings.first?.waiver, .expired(waiver))
        XCTAssertEqual(after.findings.first?.novelty, .persisting(firstSeen: day("2024-06-01"), runs: 3))
    }

    func testAWaivedFindingThatChangesComesBack() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        let soon = finding("REVIEW", "C1", status: .dueSoon, due: "2024-06-10", daysLate: -9)
        _ = try store.record(runInput("2024-06-01", [soon]))
        try store.waive(fingerprint: soon.fingerprint, reason: "review booked", by: "TM", until: day("2024-12-31"),
                        today: day("2024-06-01"))
        XCTAssertEqual(try store.record(runInput("2024-06-02", [soon])).waived.count, 1)

        let overdue = finding("REVIEW", "C1", status: .overdue, due: "2024-06-10", daysLate: 2)
        let changed = try store.record(runInput("2024-06-12", [overdue]))
        XCTAssertEqual(changed.waived.count, 0)
        guard case .changed(_, let what)? = changed.findings.first?.waiver else {
            return XCTFail("expected a changed finding, got \(String(describing: changed.findings.first?.waiver))")
        }
        XCTAssertTrue(what.contains("status was due_soon, now overdue"), what)

        // A new due date is a change too.
        let moved = finding("REVIEW", "C1", status: .dueSoon, due: "2024-07-10", daysLate: -9)
        guard case .changed(_, let why)? = try store.record(runInput("2024-06-13", [moved])).findings.first?.waiver else {
            return XCTFail("a new due date should end the waiver")
        }
        XCTAssertTrue(why.contains("due date was 2024-06-10, now 2024-07-10"), why)
    }

    func testWaivingAnUnknownFingerprintSuggestsTheNearest() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        XCTAssertThrowsError(try store.waive(fingerprint: "0123456789abcdef", reason: "r", by: "b",
                                             until: day("2024-12-31"), today: day("2024-06-01"))) { error in
            XCTAssertTrue("\(error)".contains("no runs yet"), "\(error)")
        }
        let f = finding("R", "C1")
        _ = try store.record(runInput("2024-06-01", [f]))
        XCTAssertThrowsError(try store.waive(fingerprint: String(f.fingerprint.prefix(6)), reason: "r", by: "b",
                                             until: day("2024-12-31"), today: day("2024-06-01"))) { error in
            XCTAssertTrue("\(error)".contains("did you mean '\(f.fingerprint)'"), "\(error)")
        }
        XCTAssertThrowsError(try store.waive(fingerprint: f.fingerprint, reason: "  ", by: "b",
                                             until: day("2024-12-31"), today: day("2024-06-01"))) { error in
            XCTAssertTrue("\(error)".contains("needs a reason"), "\(error)")
        }
        XCTAssertThrowsError(try store.waive(fingerprint: f.fingerprint, reason: "r", by: "b",
                                             until: day("2024-05-31"), today: day("2024-06-01"))) { error in
            XCTAssertTrue("\(error)".contains("before today"), "\(error)")
        }
        XCTAssertEqual(try store.waivers(), [])
    }

    func testAWaiversFileWithABadEntryLoadsTheRest() {
        let text = """
        waivers:
          - fingerprint: 0123456789abcdef
            reason: visits agreed monthly
            by: J Smith
            until: 2024-12-31
          - fingerprint: 0123456789abcdeg
            reason: typo in the fingerprint
            by: A N Other
            until: 2024-12-31
          - fingerprint: fedcba9876543210
            reson: misspelt key
            by: A N Other
            until: 2024-13-01
          - fingerprint: 1111222233334444
            reason: a state given
            by: IRO
            until: 2025-01-31
            created: 2024-05-02
            status: overdue
            due: 2024-05-20
          - fingerprint: 0123456789ABCDEF
            reason: the same finding again
            by: J Smith
            until: 2024-12-31
        """
        let result = WaiverFile.parse(text, file: "waivers.yaml", today: day("2024-06-01"))
        XCTAssertEqual(result.value?.map(\.fingerprint), ["0123456789abcdef", "1111222233334444"])
        XCTAssertEqual(result.value?.first?.created, day("2024-06-01"))
        XCTAssertEqual(result.value?.first?.source, "waivers.yaml:2")
        XCTAssertEqual(result.value?.last?.status, .overdue)
        XCTAssertEqual(result.value?.last?.due, day("2024-05-20"))
        let messages = result.diagnostics.map(\.description)
        XCTAssertTrue(messages.contains { $0.hasPrefix("waivers.yaml:6:") && $0.contains("not a finding fingerprint") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("waivers.yaml:11:") && $0.contains("unknown key 'reson'") && $0.contains("did you mean 'reason'") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("waivers.yaml:13:") && $0.contains("'until' is not a date") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.hasPrefix("waivers.yaml:21:") && $0.contains("already waived at line 2") }, "\(messages)")
        XCTAssertTrue(messages.contains { $0.contains("has no 'reason'") }, "\(messages)")
    }

    func testAWaiversFileThatIsNotAListIsADiagnostic() {
        let result = WaiverFile.parse("waivers: yes\n", file: "w.yaml", today: day("2024-06-01"))
        XCTAssertEqual(result.value, [])
        XCTAssertTrue(result.diagnostics.first?.description.hasPrefix("w.yaml:1:") ?? false)
        let broken = WaiverFile.parse("waivers:\n  - fingerprint: [\n", file: "w.yaml", today: day("2024-06-01"))
        XCTAssertTrue(broken.hasErrors)
        XCTAssertEqual(WaiverFile.load(path: "/nonexistent/waivers.yaml", today: day("2024-06-01")).errors.count, 1)
    }

    func testFileAndCommandLineWaiversAgree() throws {
        let folder = try TemporaryFolder()
        let f = finding("R", "C1", due: "2024-05-20", daysLate: 12)
        var outcomes: [[Bool]] = []
        for useFile in [false, true] {
            let store = try RunStore(path: folder.file("h\(useFile).sqlite"))
            _ = try store.record(runInput("2024-06-01", [f]))
            if useFile {
                let file = WaiverFile.parse("""
                    waivers:
                      - fingerprint: \(f.fingerprint)
                        reason: agreed
                        by: IRO
                        until: 2024-06-03
                    """, file: "waivers.yaml", today: day("2024-06-01"))
                XCTAssertEqual(try store.importWaivers(try file.get()), WaiverImport(added: 1, unchanged: 0))
                XCTAssertEqual(try store.importWaivers(try file.get()), WaiverImport(added: 0, unchanged: 1))
            } else {
                try store.waive(fingerprint: f.fingerprint, reason: "agreed", by: "IRO", until: day("2024-06-03"), today: day("2024-06-01"))
            }
            XCTAssertEqual(try store.waivers().map(\.status), [.overdue])
            var outcome: [Bool] = []
            for (n, asOf) in ["2024-06-02", "2024-06-03", "2024-06-04"].enumerated() {
                var next = f
                next.daysLate = 13 + n
                outcome.append(try store.record(runInput(asOf, [next])).waived.count == 1)
            }
            var changed = f
            changed.status = .breach
            _ = try store.record(runInput("2024-06-05", [changed]))
            outcomes.append(outcome)
        }
        XCTAssertEqual(outcomes, [[true, true, false], [true, true, false]])
    }

    func testAFileWaiverForAFindingNotYetSeenIsBoundAtItsFirstRun() throws {
        let folder = try TemporaryFolder()
        let store = try RunStore(path: folder.file("h.sqlite"))
        let f = finding("R", "C9", status: .dueSoon, due: "2024-06-20", daysLate: -10)
        let waivers = try WaiverFile.parse("waivers:\n  - {fingerprint: \(f.fingerprint), reason: r, by: b, until: 2024-12-31}\n",
                                           file: "w.yaml", today: day("2024-06-01")).get()
        try store.importWaivers(waivers)
        XCTAssertNil(try store.waivers().first?.status)
        XCTAssertEqual(try store.record(runInput("2024-06-10", [f])).waived.count, 1)
        XCTAssertEqual(try store.waivers().first?.status, .dueSoon)
        // Re-importing the unchanged file does not re-waive the finding once it has changed.
        var overdue = f
        overdue.status = .overdue
        overdue.daysLate = 1
        XCTAssertEqual(try store.importWaivers(waivers), WaiverImport(added: 0, unchanged: 1))
        XCTAssertEqual(try store.record(runInput("2024-06-21", [overdue])).waived.count, 0)
    }
}
