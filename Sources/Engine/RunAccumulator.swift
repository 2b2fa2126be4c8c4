import CaseModel
import Rules

/// The findings and tallies of the batches checked so far, in input order.
struct RunAccumulator {
    let aggregateRules: [CompiledRule]
    let asOf: CalendarDate
    var findings: [Finding] = []
    var tallies: [AggregateTally]
    var recordsChecked = 0

    init(aggregateRules: [CompiledRule], asOf: CalendarDate) {
        self.aggregateRules = aggregateRules
        self.asOf = asOf
        tallies = Array(repeating: AggregateTally(), count: aggregateRules.count)
    }

    mutating func add(_ outcome: BatchCheck.Outcome) {
        findings += outcome.findings
        for i in tallies.indices { tallies[i].merge(outcome.tallies[i]) }
        recordsChecked += outcome.records
    }

    /// The result, findings sorted; the accumulator's findings are moved out, not copied, so
    /// that a large run never holds two copies of them.
    mutating func finish(_ summary: inout RunSummary, rules: Int, diagnostics: [Diagnostic]) -> RunResult {
        var all: [Finding] = []
        swap(&all, &findings)
        for (rule, tally) in zip(aggregateRules, tallies) { all += rule.finish(tally, asOf: asOf) }
        FindingOrder.sort(&all)
        summary.rules = rules
        // Counted in place: copying each finding out would retain and release its strings.
        all.withUnsafeBufferPointer { found in
            for i in found.indices { summary.count(severity: found[i].severity, status: found[i].status) }
        }
        return RunResult(findings: all, summary: summary, diagnostics: diagnostics)
    }
}
