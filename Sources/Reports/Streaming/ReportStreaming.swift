import Engine
import FindingStore
import Foundation
import Rules

/// Drives streaming report writers over a run's findings: one pass over the sorted findings
/// per order the writers ask for (every writer of an order is fed in the same pass), with the
/// tally counted first when a writer needs it.
public enum ReportStreaming {
    /// One output: a writer and where its bytes go.
    public struct Output {
        public let writer: any StreamingReportWriter
        public let sink: ReportSink

        public init(writer: any StreamingReportWriter, sink: ReportSink) {
            self.writer = writer
            self.sink = sink
        }
    }

    /// Writes every output from `findings` (in ``FindingSequenceOrder/canonical``). Sinks are
    /// flushed but not closed: the caller closes each, so a failed run can leave earlier reports in place.
    /// - Parameter memoryLimit: findings held in memory by any re-sorting pass.
    public static func write(_ findings: SortedFindings, context: ReportContext, to outputs: [Output],
                             memoryLimit: Int = FindingSpool.defaultMemoryLimit) throws {
        var context = context
        var tally: FindingTally?
        if outputs.contains(where: { $0.writer.needsTally }) {
            var counted = FindingTally()
            for finding in findings {
                counted.add(finding, area: context.rule(finding.rule).areaName, mark: context.history?.mark(finding))
            }
            // A finding whose rule was not passed in still gets an entry, so no writer has to guess.
            for id in counted.byRule.keys { context.include(RuleInfo(id: id, title: id, severity: .info)) }
            tally = counted
        }
        var groups: [(order: FindingSequenceOrder, outputs: [Output])] = []
        for output in outputs {
            let order = output.writer.order(for: context)
            if let i = groups.firstIndex(where: { $0.order.name == order.name }) {
                groups[i].outputs.append(output)
            } else {
                groups.append((order, [output]))
            }
        }
        for group in groups {
            let stream = group.order.name == findings.order.name
                ? findings : try findings.resorted(by: group.order, memoryLimit: memoryLimit)
            for output in group.outputs { try output.writer.begin(context, tally: tally, into: output.sink) }
            for finding in stream {
                for output in group.outputs { try output.writer.write(finding, into: output.sink) }
            }
            for output in group.outputs {
                try output.writer.end(into: output.sink)
                try output.sink.flush()
            }
        }
    }

    /// A report of findings held in memory, as bytes (the ``ReportRenderer`` formats).
    static func render(_ input: ReportInput, with writer: any StreamingReportWriter) -> Data {
        var summary = RunSummary(recordsRead: input.counts.recordsRead, recordsSkipped: input.counts.recordsSkipped,
                                 recordsChecked: input.counts.childrenChecked, rules: input.rules.count)
        for finding in input.findings { summary.count(finding) }
        let context = ReportContext(tool: input.tool, asOf: input.asOf, summary: summary, rules: input.rules,
                                    trend: input.trend, generatedAt: input.generatedAt)
        let sink = ReportSink.memory()
        do {
            try write(SortedFindings(input.findings), context: context, to: [Output(writer: writer, sink: sink)],
                      memoryLimit: Int.max)
        } catch {
            // Held in memory, nothing here can fail; were it to, the report says so rather than being cut short.
            return Data("casecheck: the report could not be made: \(error)\n".utf8)
        }
        return sink.contents
    }
}
