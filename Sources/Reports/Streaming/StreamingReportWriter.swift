import FindingStore
import Rules

/// A report format written as a stream: told the run's context, then handed findings one at a
/// time in the order it asks for, then told the run is over. It holds no more than it must
/// (the dashboard keeps its aggregates and the rows it shows), so a report's memory does not
/// grow with the number of findings.
public protocol StreamingReportWriter: AnyObject {
    /// The order findings must arrive in; anything but ``FindingSequenceOrder/canonical`` costs
    /// the driver one more sorting pass.
    func order(for context: ReportContext) -> FindingSequenceOrder
    /// Whether ``begin(_:tally:into:)`` needs the figures over all findings (the driver then
    /// counts them in a pass before the first finding is written).
    var needsTally: Bool { get }
    func begin(_ context: ReportContext, tally: FindingTally?, into sink: ReportSink) throws
    func write(_ finding: Finding, into sink: ReportSink) throws
    func end(into sink: ReportSink) throws
}

extension StreamingReportWriter {
    public func order(for context: ReportContext) -> FindingSequenceOrder { .canonical }
    public var needsTally: Bool { false }
}
