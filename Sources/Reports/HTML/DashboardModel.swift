import CaseModel
import Rules

/// What the dashboard is drawn from: the run's context, figures over every finding, and the
/// table rows it shows (most serious first, then most days late; at most ``HTMLDashboardWriter/rowCap``).
struct DashboardModel {
    let context: ReportContext
    let figures: ReportFigures
    let tally: FindingTally
    /// Findings per rule, over all findings.
    let perRule: [String: Int]
    /// Areas with findings, in name order.
    let areas: [String]
    /// The rows shown, most serious first, then most days late.
    let rows: [Finding]
    /// All findings, shown or not.
    let total: Int

    var asOf: CalendarDate { context.asOf }
    var counts: ReportCounts { context.counts }
    var rules: [RuleInfo] { context.rules }
    var trend: [TrendPoint] { context.trend }
    var tool: ToolInfo { context.tool }
    var generatedAt: String? { context.generatedAt }
    func rule(_ id: String) -> RuleInfo { context.rule(id) }
    var history: ReportHistory? { context.history }
    func mark(_ finding: Finding) -> FindingMark? { context.history?.mark(finding) }
}
