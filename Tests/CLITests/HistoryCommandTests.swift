import Foundation
import XCTest

final class HistoryCommandTests: XCTestCase {
    private func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func testRunsAreMarkedNewPersistingAndResolved() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let first = try cli.run(["run", "--as-of", "2024-06-01", "--history"])
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertTrue(first.stdout.contains("History (.casecheck/history.sqlite, run 1): 3 new, 0 persisting, 0 resolved (first run)"), first.stdout)
        XCTAssertTrue(first.stdout.contains("            new · "), first.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent(".casecheck/history.sqlite").path))

        // C-1's birth date is recorded: its finding is resolved.
        try cli.write(FixturePack.cases.replacingOccurrences(of: "- id: C-1\n  worker: Sam\n", with: "- id: C-1\n  worker: Sam\n  birth_date: 2020-01-01\n"),
                      to: "cases/north.yaml")
        let second = try cli.run(["run", "--as-of", "2024-06-02", "--history", "--format", "json"])
        let history = try XCTUnwrap(try json(second.stdout)["history"] as? [String: Any])
        XCTAssertEqual(history["new"] as? Int, 0)
        XCTAssertEqual(history["persisting"] as? Int, 2)
        let resolved = try XCTUnwrap(history["resolved"] as? [[String: Any]])
        XCTAssertEqual(resolved.map { $0["rule"] as? String }, ["BIRTH-DATE"])
        XCTAssertEqual(resolved.first?["case"] as? String, "C-1")
        let marks = try XCTUnwrap(history["findings"] as? [String: [String: Any]])
        XCTAssertEqual(Set(marks.values.map { $0["first_seen"] as? String }), ["2024-06-01"])
        XCTAssertEqual(Set(marks.values.map { $0["runs"] as? Int }), [2])

        let text = try cli.run(["run", "--as-of", "2024-06-03", "--history"])
        XCTAssertTrue(text.stdout.contains("            persisting since 2024-06-01 (3 runs) · "), text.stdout)
        XCTAssertTrue(text.stdout.contains("0 resolved since the run of 2024-06-02, 0 waived\n"), text.stdout)
        XCTAssertFalse(text.stdout.contains("The rules changed"), text.stdout)
        try cli.write(FixturePack.rules.replacingOccurrences(of: "severity: low", with: "severity: medium"), to: "rules/pack.yaml")
        let changed = try cli.run(["run", "--as-of", "2024-06-04", "--history", "--format", "json"])
        XCTAssertEqual((try json(changed.stdout)["history"] as? [String: Any])?["rules_changed"] as? Bool, true)

        let listing = try cli.run(["history", "--last", "2"])
        XCTAssertEqual(listing.status, 0, listing.stderr)
        let lines = listing.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3, listing.stdout)
        XCTAssertTrue(lines[1].hasPrefix("  4  2024-06-04"), listing.stdout)
        XCTAssertTrue(lines[2].hasPrefix("  3  2024-06-03"), listing.stdout)
    }

    func testTwoRunsAtOnceAreBothRecorded() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let outcomes = OutcomeBox()
        DispatchQueue.concurrentPerform(iterations: 4) { n in
            let outcome = try? cli.run(["run", "--as-of", "2024-06-0\(n + 1)", "--history", "--fail-on", "none"])
            outcomes.add(outcome)
        }
        XCTAssertEqual(outcomes.statuses, [0, 0, 0, 0], outcomes.stderr)
        let listing = try cli.run(["history", "--format", "json"])
        let runs = try XCTUnwrap(try json(listing.stdout)["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 4)
        // Whatever the order they ran in, the first recorded found everything new, the others persisting.
        XCTAssertEqual(runs.map { $0["new"] as? Int }, [0, 0, 0, 3])
    }

    func testAWaivedFindingIsReportedApartAndDoesNotFailTheRun() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let first = try cli.run(["run", "--as-of", "2024-06-01", "--history", "h.sqlite", "--format", "json"])
        let findings = try XCTUnwrap(try json(first.stdout)["findings"] as? [[String: Any]])
        let review = try XCTUnwrap(findings.first { $0["rule"] as? String == "CP-REVIEW" }?["fingerprint"] as? String)

        let waive = try cli.run(["waive", review, "--reason", "review booked for 10 June", "--by", "Team manager",
                                 "--until", "2099-12-31", "--history", "h.sqlite"])
        XCTAssertEqual(waive.status, 0, waive.stderr)
        XCTAssertTrue(waive.stdout.contains("Waived \(review) (overdue"), waive.stdout)

        let second = try cli.run(["run", "--as-of", "2024-06-02", "--history", "h.sqlite"])
        XCTAssertEqual(second.status, 0, "the only high finding is waived: \(second.stdout)")
        XCTAssertTrue(second.stdout.contains("Waived (still reported, not counted for --fail-on):"), second.stdout)
        XCTAssertTrue(second.stdout.contains("waived by Team manager until 2099-12-31: review booked for 10 June"), second.stdout)
        XCTAssertTrue(second.stdout.contains("Review conference overdue since"), "a waived finding is still listed")

        let unknown = try cli.run(["waive", String(review.dropLast(3)), "--reason", "r", "--by", "b", "--until", "2099-12-31",
                                   "--history", "h.sqlite"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("did you mean '\(review)'"), unknown.stderr)
        XCTAssertEqual(try cli.run(["waive", review, "--history", "h.sqlite"]).status, 2, "reason, by and until are required")
    }

    func testAWaiversFileWithABadEntryIsReportedAndTheRestApplied() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        let first = try cli.run(["run", "--as-of", "2024-06-01", "--history", "h.sqlite", "--format", "json"])
        let findings = try XCTUnwrap(try json(first.stdout)["findings"] as? [[String: Any]])
        let review = try XCTUnwrap(findings.first { $0["rule"] as? String == "CP-REVIEW" }?["fingerprint"] as? String)
        try cli.write("""
            waivers:
              - fingerprint: \(review)
                reason: review booked
                by: IRO
                until: 2099-12-31
              - fingerprint: not-a-fingerprint
                reason: typo
                by: IRO
                until: 2099-12-31
            """, to: "waivers.yaml")
        let second = try cli.run(["run", "--as-of", "2024-06-02", "--history", "h.sqlite", "--waivers", "waivers.yaml", "--format", "json"])
        XCTAssertEqual(second.status, 2, "a mistake in the waivers file is an input error")
        XCTAssertTrue(second.stderr.contains("waivers.yaml:6:18: error: 'not-a-fingerprint' is not a finding fingerprint"), second.stderr)
        let history = try XCTUnwrap(try json(second.stdout)["history"] as? [String: Any])
        XCTAssertEqual(history["waived"] as? Int, 1)
        XCTAssertEqual(try cli.run(["run", "--waivers", "waivers.yaml"]).status, 2, "--waivers needs --history")
    }

    func testTrendAndPrune() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        for day in ["2024-06-01", "2024-06-02", "2024-06-03"] {
            _ = try cli.run(["run", "--as-of", day, "--history"])
        }
        let trend = try cli.run(["trend", "--by", "worker", "--last", "2"])
        XCTAssertEqual(trend.status, 0, trend.stderr)
        XCTAssertTrue(trend.stdout.hasPrefix("Open findings by worker, 2 runs from 2024-06-02 to 2024-06-03"), trend.stdout)
        let csv = try cli.run(["trend", "--by", "team", "--format", "csv"])
        XCTAssertTrue(csv.stdout.hasPrefix("dimension,group,run,as_of,open,waived,overdue_days,deteriorating\nteam,North,1,2024-06-01,"), csv.stdout)
        let parsed = try json(try cli.run(["trend", "--format", "json"]).stdout)
        XCTAssertEqual((parsed["runs"] as? [Any])?.count, 3)
        XCTAssertEqual(try cli.run(["trend", "--by", "colour"]).status, 2)

        let prune = try cli.run(["history", "prune", "--keep", "1"])
        XCTAssertEqual(prune.status, 0, prune.stderr)
        XCTAssertTrue(prune.stdout.contains("Removed 2 runs"), prune.stdout)
        XCTAssertEqual(try cli.run(["history"]).stdout.split(separator: "\n").count, 2)
        XCTAssertEqual(try cli.run(["history", "prune"]).status, 2, "--keep or --before is required")
        XCTAssertEqual(try cli.run(["history", "prune", "--before", "2024-13-01"]).status, 2)
    }

    func testPseudonymisedReportsKeepRealIdsOutOfTheHistoryMarks() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        try cli.write("a secret key of at least thirty-two bytes, for tests\n", to: "casecheck.key")
        let options = ["--history", "h.sqlite", "--pseudonymise-workers", "--key-file", "casecheck.key", "--format", "json"]
        _ = try cli.run(["run", "--as-of", "2024-06-01"] + options)
        // C-1's finding is resolved at the second run.
        try cli.write(FixturePack.cases.replacingOccurrences(of: "- id: C-1\n  worker: Sam\n", with: "- id: C-1\n  worker: Sam\n  birth_date: 2020-01-01\n"),
                      to: "cases/north.yaml")
        let second = try cli.run(["run", "--as-of", "2024-06-02"] + options)
        let report = try json(second.stdout)
        let shown = Set((report["findings"] as? [[String: Any]] ?? []).compactMap { $0["fingerprint"] as? String })
        let history = try XCTUnwrap(report["history"] as? [String: Any])
        let marks = try XCTUnwrap(history["findings"] as? [String: Any])
        XCTAssertEqual(Set(marks.keys), shown, "marks are keyed by the fingerprints the report shows")
        let resolved = try XCTUnwrap((history["resolved"] as? [[String: Any]])?.first)
        XCTAssertNotNil((resolved["case"] as? String)?.range(of: "^C-[0-9a-f]{16}$", options: .regularExpression), "\(resolved)")
        let section = try XCTUnwrap(String(data: try JSONSerialization.data(withJSONObject: history), encoding: .utf8))
        for real in ["\"C-1\"", "\"C-2\"", "Sam"] { XCTAssertFalse(section.contains(real), "\(real) in \(section)") }
    }

    func testTheDashboardDrawsTheTrendFromTheHistory() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        for day in ["2024-06-01", "2024-06-02"] {
            _ = try cli.run(["run", "--as-of", day, "--history", "--format", "html", "--output", "report.html"])
        }
        let html = try cli.read("report.html")
        XCTAssertTrue(html.contains("Open findings run by run"), "trend chart drawn")
        XCTAssertTrue(html.contains("2024-06-01") && html.contains("2024-06-02"))
        _ = try cli.run(["run", "--as-of", "2024-06-03", "--format", "html", "--output", "plain.html"])
        XCTAssertFalse(try cli.read("plain.html").contains("Open findings run by run"), "no history, no trend chart")
    }

    func testAFileThatIsNotAHistoryIsLeftAlone() throws {
        let cli = try CLIHarness(self)
        try FixturePack.install(in: cli)
        try cli.write("name,age\nAnn,9\n", to: "people.csv")
        let result = try cli.run(["run", "--as-of", "2024-06-01", "--history", "people.csv"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("people.csv is not a casecheck history database"), result.stderr)
        XCTAssertTrue(result.stdout.contains("3 findings"), "the report is still written")
        XCTAssertEqual(try cli.read("people.csv"), "name,age\nAnn,9\n")
        let missing = try cli.run(["history", "--history", "nowhere.sqlite"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("there is no history at nowhere.sqlite"), missing.stderr)
    }
}

/// Outcomes of processes run from several threads.
private final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [CLIHarness.Outcome?] = []

    func add(_ outcome: CLIHarness.Outcome?) {
        lock.lock()
        outcomes.append(outcome)
        lock.unlock()
    }

    var statuses: [Int32] { outcomes.map { $0?.status ?? -1 } }
    var stderr: String { outcomes.compactMap { $0?.stderr }.joined(separator: "\n") }
}
