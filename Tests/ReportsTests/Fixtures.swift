import CaseModel
import Foundation
import Engine
import FindingStore
import Reports
import Rules

/// Fixed findings and rules the report tests render: a small caseload with every status,
/// severity and kind of finding (child, item, aggregate group, missing team or worker).
enum Fixtures {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static let rules: [RuleInfo] = [
        RuleInfo(id: "CP-REVIEW", title: "Review conferences held on time", severity: .high, area: "child-protection",
                 source: "Working Together to Safeguard Children 2023, chapter 4",
                 rationale: "The first review conference is held within 3 months of the initial conference, then at intervals of no more than 6 months.",
                 location: SourceLocation(file: "rules/child-protection.yaml", line: 3)),
        RuleInfo(id: "CP-VISITS", title: "Children on a plan seen every 10 working days", severity: .critical, area: "visits",
                 source: "Local practice standard 2.1", rationale: "Children on a protection plan are seen at least every 10 working days.",
                 location: SourceLocation(file: "rules/visits.yaml", line: 1)),
        RuleInfo(id: "ASSESS-45", title: "Assessments completed within 45 working days", severity: .medium, area: "assessments",
                 source: "Working Together to Safeguard Children 2023, chapter 2", rationale: nil,
                 location: SourceLocation(file: "rules/assessments.yaml", line: 1)),
        RuleInfo(id: "CASELOAD", title: "Caseload per worker within the local maximum", severity: .low, area: "workforce",
                 source: nil, rationale: "Manageable caseloads let workers know their children.",
                 location: SourceLocation(file: "rules/workforce.yaml", line: 1), groupBy: "child.worker"),
        RuleInfo(id: "PLAN-CLOSED-EARLY", title: "Plans not closed before the first review", severity: .info,
                 area: "child-protection", location: SourceLocation(file: "rules/child-protection.yaml", line: 40)),
    ]

    static func finding(_ rule: String, _ severity: Severity, _ status: FindingStatus, child: String?, item: String? = nil,
                        group: String? = nil, message: String, due: String? = nil, late: Int? = nil, worker: String? = nil,
                        team: String? = nil, line: Int? = nil) -> Finding {
        Finding(rule: rule, severity: severity, status: status, caseID: child, item: item, group: group, message: message,
                due: due.map(date), daysLate: late, worker: worker, team: team,
                location: line.map { SourceLocation(file: "cases/north.yaml", line: $0) },
                ruleLocation: rules.first { $0.id == rule }?.location ?? SourceLocation(file: "rules/other.yaml", line: 1),
                fingerprint: Fingerprint.of([rule, child ?? group ?? "", item ?? ""]))
    }

    static let findings: [Finding] = [
        finding("CP-REVIEW", .high, .overdue, child: "C001", item: "cp_plans[0]",
                message: "Review conference overdue since 2024-04-10 (52 days late)", due: "2024-04-10", late: 52,
                worker: "Sam Patel", team: "North", line: 1),
        finding("CP-VISITS", .critical, .overdue, child: "C001", item: "cp_plans[0]",
                message: "Not seen for 24 working days", due: "2024-05-14", late: 18, worker: "Sam Patel", team: "North", line: 1),
        finding("CP-VISITS", .critical, .breach, child: "C002", item: "cp_plans[0]",
                message: "Gap of 15 working days between visits", due: "2024-03-01", late: 7, worker: "Jo Okafor", team: "North", line: 30),
        finding("ASSESS-45", .medium, .overdue, child: "C003", item: "assessments[1]",
                message: "Assessment open past 45 working days", due: "2023-11-20", late: 194, worker: nil, team: "South", line: 52),
        finding("ASSESS-45", .medium, .dueSoon, child: "C004", item: "assessments[0]",
                message: "Assessment due in 3 days", due: "2024-06-04", late: -3, worker: "Ana Silva", team: "South", line: 70),
        finding("PLAN-CLOSED-EARLY", .info, .breach, child: "C005", item: "cp_plans[1]",
                message: "Plan closed after 40 days, before its first review", worker: "Ana Silva", team: nil, line: 88),
        finding("CP-REVIEW", .high, .error, child: "C006", item: "cp_plans[0]",
                message: "cannot evaluate: no such key: start_date", worker: "Jo Okafor", team: "South", line: 101),
        finding("CASELOAD", .low, .breach, child: nil, group: "Sam Patel", message: "Sam Patel holds 23 open cases (local maximum 20)"),
    ]

    static let trend: [TrendPoint] = [
        TrendPoint(asOf: date("2024-03-01"), openFindings: 12, newFindings: 12, resolvedFindings: 0),
        TrendPoint(asOf: date("2024-04-01"), openFindings: 10, newFindings: 2, resolvedFindings: 4),
        TrendPoint(asOf: date("2024-05-01"), openFindings: 9, newFindings: 3, resolvedFindings: 4),
        TrendPoint(asOf: date("2024-06-01"), openFindings: 8, newFindings: 1, resolvedFindings: 2),
    ]

    static let counts = ReportCounts(recordsRead: 42, recordsSkipped: 1, childrenChecked: 41)

    static func input(findings: [Finding] = findings, trend: [TrendPoint] = trend) -> ReportInput {
        ReportInput(findings: findings, rules: rules, asOf: date("2024-06-01"), counts: counts, trend: trend,
                    tool: .casecheck(version: "0.1.0"))
    }

    /// The fixture findings through a streaming writer, with what a history adds.
    static func render(_ writer: any StreamingReportWriter, findings: [Finding] = findings, history: ReportHistory?) -> Data {
        var summary = RunSummary(recordsRead: counts.recordsRead, recordsSkipped: counts.recordsSkipped,
                                 recordsChecked: counts.childrenChecked, rules: rules.count)
        for f in findings { summary.count(f) }
        let context = ReportContext(tool: .casecheck(version: "0.1.0"), asOf: date("2024-06-01"), summary: summary, rules: rules,
                                    trend: trend, history: history)
        let sink = ReportSink.memory()
        try! ReportStreaming.write(SortedFindings(findings), context: context, to: [.init(writer: writer, sink: sink)])
        return sink.contents
    }

    // Hostile values from case data: each must come out escaped or neutralised in every format.
    static let scriptID = "<script>alert(1)</script>"
    static let formulaWorker = "=HYPERLINK(\"http://x\")"
    static let quotedTeam = "Team \"A\" & 'B', <b>bold</b> | pipe"
    static let multilineMessage = "first line\nsecond line\r\nthird, with \"quotes\" and *stars* [link](javascript:alert(1))"
    static let rightToLeft = "مريم \u{202E}gnp.exe"
    static let emoji = "👶🏽 Ruby-Mae"

    static let hostileFindings: [Finding] = [
        finding("CP-REVIEW", .high, .overdue, child: scriptID, item: "cp_plans[0]", message: multilineMessage, due: "2024-01-01",
                late: 152, worker: formulaWorker, team: quotedTeam, line: 5),
        finding("CP-VISITS", .critical, .breach, child: rightToLeft, item: "visits", message: "seen by \(formulaWorker)",
                worker: "+SUM(A1:A9)", team: "@team", line: 9),
        finding("ASSESS-45", .medium, .overdue, child: emoji, message: "-2+3 and \u{0007} bell", due: "2024-05-01", late: 31,
                worker: "\tTabbed", team: "\rCR", line: 12),
    ]

    static func hostileInput() -> ReportInput {
        ReportInput(findings: hostileFindings, rules: rules, asOf: date("2024-06-01"), counts: counts,
                    tool: .casecheck(version: "0.1.0"))
    }
}
