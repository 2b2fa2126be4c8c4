import CaseModel
import Foundation
import History
import Rules
import XCTest

/// A fresh folder for one test's database, removed afterwards.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "history-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

/// A finding for `rule` on `caseID`, with the fingerprint casecheck would give it.
func finding(_ rule: String, _ caseID: String, item: String? = nil, severity: Severity = .high,
             status: FindingStatus = .overdue, due: String? = nil, daysLate: Int? = nil,
             worker: String? = "W1", team: String? = "North") -> Finding {
    Finding(rule: rule, severity: severity, status: status, caseID: caseID, item: item, group: nil,
            message: "\(rule) on \(caseID)", due: due.map(day), daysLate: daysLate, worker: worker, team: team,
            location: SourceLocation(file: "cases.yaml", line: 1), ruleLocation: SourceLocation(file: "rules.yaml", line: 1),
            fingerprint: Fingerprint.of([rule, caseID, item ?? ""]))
}

func runInput(_ asOf: String, _ findings: [Finding], areas: [String: String] = [:]) -> RunInput {
    RunInput(asOf: day(asOf), rulePackHash: "pack", inputs: [InputFile(path: "cases.yaml", hash: "h")],
             counts: RecordCounts(read: 10, checked: 10, skipped: 0), findings: findings, ruleAreas: areas)
}
