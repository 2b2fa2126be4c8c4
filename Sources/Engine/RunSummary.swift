import CaseSources
import Rules

/// The totals of a health-check run, so that nothing read goes uncounted: records read,
/// skipped and checked, findings by severity and status, diagnostics by severity.
public struct RunSummary: Hashable, Sendable {
    /// Case files opened (or attempted).
    public var files: Int
    /// Every record met in the case files: checked plus skipped.
    public var recordsRead: Int
    /// Records that could not be read (reported as diagnostics) and were not checked.
    public var recordsSkipped: Int
    /// Records run through every rule.
    public var recordsChecked: Int
    /// Rules run: record rules and aggregate rules.
    public var rules: Int
    /// Findings by severity; every severity is present, zero when none.
    public var findingsBySeverity: [Severity: Int]
    /// Findings by status; every status is present, zero when none.
    public var findingsByStatus: [FindingStatus: Int]
    /// Error diagnostics met while reading the case files.
    public var inputErrors: Int
    /// Warning diagnostics met while reading the case files.
    public var inputWarnings: Int

    public init(files: Int = 0, recordsRead: Int = 0, recordsSkipped: Int = 0, recordsChecked: Int = 0,
                rules: Int = 0, inputErrors: Int = 0, inputWarnings: Int = 0) {
        self.files = files
        self.recordsRead = recordsRead
        self.recordsSkipped = recordsSkipped
        self.recordsChecked = recordsChecked
        self.rules = rules
        self.inputErrors = inputErrors
        self.inputWarnings = inputWarnings
        findingsBySeverity = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        findingsByStatus = Dictionary(uniqueKeysWithValues: FindingStatus.allCases.map { ($0, 0) })
    }

    /// All findings.
    public var findings: Int { findingsBySeverity.values.reduce(0, +) }

    /// Findings at or above a severity (what `--fail-on` compares).
    public func findings(atOrAbove threshold: Severity) -> Int {
        findingsBySeverity.filter { $0.key >= threshold }.values.reduce(0, +)
    }

    /// Counts one finding.
    public mutating func count(_ finding: Finding) {
        count(severity: finding.severity, status: finding.status)
    }

    mutating func count(severity: Severity, status: FindingStatus) {
        findingsBySeverity[severity, default: 0] += 1
        findingsByStatus[status, default: 0] += 1
    }

    /// Takes the record and diagnostic totals from a case reader.
    mutating func take(_ counts: CaseReadCounts) {
        files = counts.files
        recordsRead = counts.recordsRead
        recordsSkipped = counts.recordsSkipped
        inputErrors = counts.errors
        inputWarnings = counts.warnings
    }
}
