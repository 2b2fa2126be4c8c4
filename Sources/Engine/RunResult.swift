import CaseModel
import Rules

/// Everything a health-check run produced: the findings in report order, the totals, and the
/// diagnostics met while reading the case files (in the order met).
public struct RunResult: Sendable {
    /// Findings sorted by ``FindingOrder``: by case, rule, item, so the same input always
    /// gives the same output.
    public var findings: [Finding]
    public var summary: RunSummary
    public var diagnostics: [Diagnostic]

    public init(findings: [Finding], summary: RunSummary, diagnostics: [Diagnostic]) {
        self.findings = findings
        self.summary = summary
        self.diagnostics = diagnostics
    }
}
