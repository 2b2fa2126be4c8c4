import CaseModel
import FindingStore
import Rules

/// The findings and tallies of the batches checked so far: findings go into a spool (held in
/// bounded memory, sorted at the end), counted as they arrive.
struct RunAccumulator {
    let aggregateRules: [CompiledRule]
    let asOf: CalendarDate
    private let spool: FindingSpool
    var tallies: [AggregateTally]
    var recordsChecked = 0
    /// Findings by severity and status, counted as they arrive.
    private(set) var summary = RunSummary()
    /// The first failure to spool findings (a full disk); the rest of the run is still read, so
    /// the counts stay right, but the run fails.
    private(set) var failure: Error?

    init(aggregateRules: [CompiledRule], asOf: CalendarDate, memoryLimit: Int) {
        self.aggregateRules = aggregateRules
        self.asOf = asOf
        spool = FindingSpool(memoryLimit: memoryLimit)
        tallies = Array(repeating: AggregateTally(), count: aggregateRules.count)
    }

    var findings: Int { spool.count }

    mutating func add(_ outcome: BatchCheck.Outcome) {
        var outcome = outcome
        take(&outcome.findings)
        for i in tallies.indices { tallies[i].merge(outcome.tallies[i]) }
        recordsChecked += outcome.records
    }

    private mutating func take(_ findings: inout [Finding]) {
        // Counted in place: copying each finding out would retain and release its strings.
        findings.withUnsafeBufferPointer { found in
            for i in found.indices { summary.count(severity: found[i].severity, status: found[i].status) }
        }
        guard failure == nil else { return }
        do { try spool.take(&findings) } catch { failure = error }
    }

    /// The aggregate findings, then every finding in report order.
    mutating func finish(_ summary: inout RunSummary, rules: Int) throws -> SortedFindings {
        var groups: [Finding] = []
        for (rule, tally) in zip(aggregateRules, tallies) { groups += rule.finish(tally, asOf: asOf) }
        take(&groups)
        if let failure { throw failure }
        summary.rules = rules
        summary.findingsBySeverity = self.summary.findingsBySeverity
        summary.findingsByStatus = self.summary.findingsByStatus
        return try spool.sorted()
    }
}
