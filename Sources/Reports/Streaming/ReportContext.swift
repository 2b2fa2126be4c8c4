import CaseModel
import Engine
import Rules

/// What every streaming report writer is told before its first finding: the run's date, its
/// totals, the rules checked, and what the history adds. Findings themselves arrive one by one.
public struct ReportContext: Sendable {
    public var tool: ToolInfo
    /// The date the health check was run for.
    public var asOf: CalendarDate
    /// The run's totals: records read, skipped and checked; findings by severity and status.
    public var summary: RunSummary
    /// Every rule that was checked, in id order, including rules with no findings.
    public private(set) var rules: [RuleInfo]
    /// The rule files the run loaded (the JSON report lists them).
    public var ruleFiles: [String]
    /// Earlier runs, oldest first; empty when there is no history.
    public var trend: [TrendPoint]
    /// When the report was made, shown only when set: reports carry no timestamps unless asked.
    public var generatedAt: String?
    /// What the history adds to the run, when it was recorded.
    public var history: ReportHistory?

    private var rulesByID: [String: RuleInfo]

    public init(tool: ToolInfo = .casecheck(version: "dev"), asOf: CalendarDate, summary: RunSummary, rules: [RuleInfo],
                ruleFiles: [String] = [], trend: [TrendPoint] = [], generatedAt: String? = nil, history: ReportHistory? = nil) {
        self.tool = tool
        self.asOf = asOf
        self.summary = summary
        self.ruleFiles = ruleFiles
        self.trend = trend.sorted { $0.asOf < $1.asOf }
        self.generatedAt = generatedAt
        self.history = history
        var byID: [String: RuleInfo] = [:]
        for rule in rules where byID[rule.id] == nil { byID[rule.id] = rule }
        rulesByID = byID
        self.rules = byID.values.sorted { $0.id < $1.id }
    }

    /// The counts reports show to prove nothing went missing unseen.
    public var counts: ReportCounts {
        ReportCounts(recordsRead: summary.recordsRead, recordsSkipped: summary.recordsSkipped, childrenChecked: summary.recordsChecked)
    }

    /// The metadata of the rule with this id; a rule not passed in (a finding from elsewhere)
    /// is described by its id alone.
    public func rule(_ id: String) -> RuleInfo {
        rulesByID[id] ?? RuleInfo(id: id, title: id, severity: .info)
    }

    /// Adds entries for rules met in findings but not passed in, so every renderer lists them.
    mutating func include(_ rule: RuleInfo) {
        guard rulesByID[rule.id] == nil else { return }
        rulesByID[rule.id] = rule
        rules = rulesByID.values.sorted { $0.id < $1.id }
    }
}

/// What the history adds to a report: a mark for each finding (new, persisting since, waived),
/// the findings resolved since the previous run, and the sections the text and JSON reports append.
public struct ReportHistory: Sendable {
    /// Each finding's mark, by fingerprint (as the report shows fingerprints).
    public var marks: [String: FindingMark]
    /// Findings open at the previous run and gone from this one.
    public var resolved: [ResolvedMark]
    /// The as-of date of the run this one was compared with; nil for the first run.
    public var previousAsOf: CalendarDate?
    /// A one-line note a finding, keyed by fingerprint, shown under it in the text report.
    public var notes: [String: String]
    /// The section appended to the text report.
    public var text: String
    /// The `history` object of the JSON report.
    public var json: any Encodable & Sendable

    public init(marks: [String: FindingMark] = [:], resolved: [ResolvedMark] = [], previousAsOf: CalendarDate? = nil,
                notes: [String: String], text: String, json: any Encodable & Sendable) {
        self.marks = marks
        self.resolved = resolved
        self.previousAsOf = previousAsOf
        self.notes = notes
        self.text = text
        self.json = json
    }

    /// The mark of a finding, when the history has one.
    public func mark(_ finding: Finding) -> FindingMark? { marks[finding.fingerprint] }
}
