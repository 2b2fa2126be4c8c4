import FindingStore
import Rules

/// The HTML dashboard, streamed: figures and charts come from a tally over every finding,
/// and the findings table holds the ``rowCap`` most serious findings, most days late first
/// within a severity (the CSV report lists
/// them all), so the page and the memory it takes stay bounded on any caseload.
public final class HTMLDashboardWriter: StreamingReportWriter {
    /// Rows the findings table shows at most. A table longer than this is more than a browser
    /// scrolls comfortably or a manager reads; the page says how many more there are.
    public static let defaultRowCap = 5_000

    public let rowCap: Int
    private var context: ReportContext?
    private var tally = FindingTally()
    private var rows: [Finding] = []

    public init(rowCap: Int = HTMLDashboardWriter.defaultRowCap) {
        self.rowCap = max(0, rowCap)
    }

    public func order(for context: ReportContext) -> FindingSequenceOrder { ReportOrder.severitySequence }
    public var needsTally: Bool { true }

    public func begin(_ context: ReportContext, tally: FindingTally?, into sink: ReportSink) throws {
        self.context = context
        self.tally = tally ?? FindingTally()
    }

    public func write(_ finding: Finding, into sink: ReportSink) throws {
        if rows.count < rowCap { rows.append(finding) }
    }

    public func end(into sink: ReportSink) throws {
        guard let context else { return }
        let model = DashboardModel(context: context, figures: ReportFigures(tally), tally: tally, perRule: tally.byRule, areas: tally.areas,
                                   rows: rows, total: tally.total)
        try sink.write(HTMLDashboardPage.document(model))
    }
}
