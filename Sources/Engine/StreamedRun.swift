import CaseModel
import FindingStore
import Rules

/// A health-check run whose findings wait, sorted, in a ``SortedFindings`` (in bounded memory,
/// on disk past a limit) to be streamed to the report writers.
public struct StreamedRun: @unchecked Sendable {
    /// The findings in ``FindingOrder``; read them as often as needed.
    public let findings: SortedFindings
    public var summary: RunSummary
    /// Diagnostics met while reading the case files, in the order met.
    public var diagnostics: [Diagnostic]

    public init(findings: SortedFindings, summary: RunSummary, diagnostics: [Diagnostic]) {
        self.findings = findings
        self.summary = summary
        self.diagnostics = diagnostics
    }

    /// The run with its findings in memory, for callers that need them all at once.
    public var inMemory: RunResult { RunResult(findings: findings.all, summary: summary, diagnostics: diagnostics) }
}
