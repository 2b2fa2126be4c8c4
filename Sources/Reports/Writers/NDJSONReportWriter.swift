import FindingStore
import Rules

/// `--format ndjson`: one finding a line as a compact JSON object (the same fields and key
/// order as the JSON report's findings), nothing else, for pipelines (`jq`, log shippers,
/// loading into a database). The run's totals go to standard error's summary line, not here,
/// so that every line is a finding.
public final class NDJSONReportWriter: StreamingReportWriter {
    private var text = ""

    public init() {}

    public func begin(_ context: ReportContext, tally: FindingTally?, into sink: ReportSink) throws {}

    public func write(_ finding: Finding, into sink: ReportSink) throws {
        text.removeAll(keepingCapacity: true)
        JSONFindingText.append(finding, indent: nil, into: &text)
        text.append("\n")
        try sink.write(text)
    }

    public func end(into sink: ReportSink) throws {}
}
