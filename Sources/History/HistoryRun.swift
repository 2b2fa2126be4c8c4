import CaseModel

/// One run in the history listing.
public struct HistoryRun: Hashable, Sendable, Codable {
    /// The run's number, increasing by one with every run recorded.
    public var id: Int64
    public var asOf: CalendarDate
    public var started: String
    public var rulePackHash: String
    public var records: RecordCounts
    /// Findings of the run, waived ones included.
    public var findings: Int
    /// Findings by severity.
    public var bySeverity: SeverityCounts
    /// Findings not open at the previous run.
    public var new: Int
    /// Findings open at the previous run and gone.
    public var resolved: Int
    /// Findings covered by a waiver.
    public var waived: Int
    /// The case files read.
    public var inputs: [InputFile]

    enum CodingKeys: String, CodingKey {
        case id, started, records, findings, new, resolved, waived, inputs
        case asOf = "as_of"
        case rulePackHash = "rule_pack_hash"
        case bySeverity = "by_severity"
    }
}
