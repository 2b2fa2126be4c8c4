import CaseModel
import Rules

/// A caseload's findings night after night: about `openShare` of the cases have a finding
/// open at any time; each night some are put right and about as many new ones appear.
/// Overdue findings grow a day late every night, breaches stay as they were, and some
/// findings due soon become overdue when their date passes.
struct CaseloadSimulator {
    struct Open {
        var rule: Int
        var caseNumber: Int
        var status: FindingStatus
        var due: CalendarDate
        var fixedLate: Int
    }

    let cases: Int
    let rules = 30
    let workers: Int
    let teams = 40
    let areas = ["child-protection", "visits", "assessment", "looked-after", "cin", "referrals", "health", "caseload"]
    /// Chance that an open finding is resolved on a given night (mean life about a month).
    let resolveChance = 1.0 / 30
    var open: [String: Open] = [:]
    var random: SplitMix64

    init(cases: Int, seed: UInt64) {
        self.cases = cases
        workers = max(1, cases / 18)
        random = SplitMix64(seed: seed)
    }

    var ruleAreas: [String: String] {
        Dictionary(uniqueKeysWithValues: (0..<rules).map { ("RULE-\($0)", areas[$0 % areas.count]) })
    }

    /// The findings of the night whose as-of date is `asOf`, aiming at `target` open findings.
    mutating func night(_ asOf: CalendarDate, target: Int) -> [Finding] {
        // Sorted, so that the same seed resolves the same findings whatever the hash seed.
        for key in open.keys.sorted() where Double.random(in: 0..<1, using: &random) < resolveChance {
            open[key] = nil
        }
        while open.count < target {
            let rule = Int.random(in: 0..<rules, using: &random)
            let caseNumber = Int.random(in: 0..<cases, using: &random)
            let key = Fingerprint.of(["RULE-\(rule)", "C\(caseNumber)", ""])
            if open[key] != nil { continue }
            let kind = Int.random(in: 0..<10, using: &random)
            let status: FindingStatus = kind < 6 ? .overdue : kind < 8 ? .breach : .dueSoon
            let due = CalendarDate(dayNumber: asOf.dayNumber + Int32(status == .dueSoon ? Int.random(in: 1...14, using: &random)
                                                                                          : -Int.random(in: 1...60, using: &random)))
            open[key] = Open(rule: rule, caseNumber: caseNumber, status: status, due: due,
                             fixedLate: Int.random(in: 1...90, using: &random))
        }
        var findings: [Finding] = []
        findings.reserveCapacity(open.count)
        for key in open.keys.sorted() {
            var item = open[key]!
            if item.status == .dueSoon, item.due < asOf { item.status = .overdue; open[key] = item }
            let late: Int
            switch item.status {
            case .breach: late = item.fixedLate
            default: late = Int(asOf.dayNumber - item.due.dayNumber)
            }
            let worker = item.caseNumber % workers
            findings.append(Finding(rule: "RULE-\(item.rule)", severity: Severity.allCases[item.rule % 5], status: item.status,
                                    caseID: "C\(item.caseNumber)", item: nil, group: nil,
                                    message: "RULE-\(item.rule) \(late) days late", due: item.due, daysLate: late,
                                    worker: "Worker \(worker)", team: "Team \(worker % teams)",
                                    location: SourceLocation(file: "cases.ndjson", line: item.caseNumber + 1),
                                    ruleLocation: SourceLocation(file: "rules/r.yaml", line: item.rule * 20 + 1),
                                    fingerprint: key))
        }
        return findings.sorted { $0.fingerprint < $1.fingerprint }
    }
}
