import CEL
import CaseModel
import Dispatch
import Rules

/// Checks one batch of records against every rule, spreading the records over the cores.
///
/// Each worker takes a contiguous slice of the batch and writes its result into its own
/// slot; slots are merged in slice order, so the outcome is exactly the serial outcome
/// whatever the thread timing.
struct BatchCheck: Sendable {
    let recordRules: [CompiledRule]
    let aggregateRules: [CompiledRule]
    let asOf: CalendarDate
    /// Threads to use; 1 checks on the calling thread.
    let workers: Int

    /// What a slice of records gave: findings in record order (rule order within a record),
    /// and one tally per aggregate rule.
    struct Outcome: Sendable {
        var findings: [Finding] = []
        var tallies: [AggregateTally]
        var records = 0

        init(aggregateRules: Int) {
            tallies = Array(repeating: AggregateTally(), count: aggregateRules)
        }

        mutating func append(_ other: Outcome) {
            findings += other.findings
            for i in tallies.indices { tallies[i].merge(other.tallies[i]) }
            records += other.records
        }
    }

    func run(_ records: [CaseRecord]) -> Outcome {
        // Several slices a worker, so one slow slice (a child with a long history) does not
        // leave the other core idle for the rest of the batch.
        let slices = workers <= 1 ? 1 : min(records.count, workers * 4)
        guard slices > 1 else { return checkInTurn(records[...]) }
        var parts = [Outcome?](repeating: nil, count: slices)
        let size = records.count / slices, extra = records.count % slices
        parts.withUnsafeMutableBufferPointer { slots in
            let slots = slots
            DispatchQueue.concurrentPerform(iterations: slices) { i in
                let start = i * size + min(i, extra)
                let end = start + size + (i < extra ? 1 : 0)
                slots[i] = checkInTurn(records[start..<end])
            }
        }
        var merged = Outcome(aggregateRules: aggregateRules.count)
        for part in parts { merged.append(part!) }
        return merged
    }

    /// Checks the records one after another on the calling thread.
    func checkInTurn(_ records: ArraySlice<CaseRecord>) -> Outcome {
        var outcome = Outcome(aggregateRules: aggregateRules.count)
        // One activation for every rule and record of the batch, rather than one each.
        var activation = Activation(count: 0)
        for record in records {
            for rule in recordRules {
                outcome.findings += rule.check(record: record, asOf: asOf, reusing: &activation)
            }
            for (i, rule) in aggregateRules.enumerated() {
                outcome.tallies[i].merge(rule.tally(record: record, asOf: asOf, reusing: &activation))
            }
            outcome.records += 1
        }
        return outcome
    }
}
