import CaseModel
import Rules

/// Everything a report is rendered from: the findings of one health-check run, the rules'
/// metadata, the run's date and counts, and (optionally) the trend over earlier runs.
///
/// Findings are kept in the design's canonical order (case, rule, item, then the rest), so
/// that the same input always renders byte-identical output whatever order they came in.
public struct ReportInput: Sendable {
    public var tool: ToolInfo
    /// The date the health check was run for.
    public var asOf: CalendarDate
    public private(set) var findings: [Finding]
    /// Every rule that was checked, in id order, including rules with no findings.
    public private(set) var rules: [RuleInfo]
    public var counts: ReportCounts
    /// Earlier runs, oldest first; empty when there is no history.
    public var trend: [TrendPoint]
    /// When the report was made, shown only when set: reports carry no timestamps unless asked.
    public var generatedAt: String?

    private var rulesByID: [String: RuleInfo]

    public init(findings: [Finding], rules: [RuleInfo], asOf: CalendarDate, counts: ReportCounts,
                trend: [TrendPoint] = [], tool: ToolInfo = .casecheck(version: "dev"), generatedAt: String? = nil) {
        self.tool = tool
        self.asOf = asOf
        self.findings = findings.sorted(by: ReportOrder.canonical)
        self.counts = counts
        self.trend = trend.sorted { $0.asOf < $1.asOf }
        self.generatedAt = generatedAt
        var byID: [String: RuleInfo] = [:]
        for rule in rules where byID[rule.id] == nil { byID[rule.id] = rule }
        // A finding whose rule was not passed in still gets an entry, so no renderer has to guess.
        for finding in findings where byID[finding.rule] == nil {
            byID[finding.rule] = RuleInfo(id: finding.rule, title: finding.rule, severity: finding.severity,
                                          location: finding.ruleLocation)
        }
        self.rulesByID = byID
        self.rules = byID.values.sorted { $0.id < $1.id }
    }

    /// The metadata of the rule with this id (every finding's rule has an entry).
    public func rule(_ id: String) -> RuleInfo {
        rulesByID[id] ?? RuleInfo(id: id, title: id, severity: .info)
    }

    /// A copy with other findings (say, pseudonymised ones), sorted into canonical order.
    public func replacingFindings(_ findings: [Finding]) -> ReportInput {
        var copy = self
        copy.findings = findings.sorted(by: ReportOrder.canonical)
        return copy
    }
}
