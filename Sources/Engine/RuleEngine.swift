import CaseModel
import CaseSources
import Dispatch
import FindingStore
import Foundation
import Rules

/// Runs a compiled rule pack over case records as of a health-check date and yields findings.
///
/// ```swift
/// let engine = RuleEngine(pack: pack, asOf: CalendarDate(iso: "2024-06-01")!)
/// let result = engine.run(CaseReader(paths: ["cases/"], schema: schema))
/// for finding in result.findings { print(finding.message) }
/// ```
///
/// - Streaming: records come from the reader in bounded batches; while one batch is checked
///   the next is read, so at most two batches are held, whatever the size of the files.
/// - Parallel: each batch's records are spread over `workers` threads; every rule is pure,
///   so records are checked independently and their findings merged in input order.
/// - Aggregate rules tally each record as it passes and report once all are read.
/// - Bounded: ``stream(_:progress:)`` holds at most `findingMemoryLimit` findings in memory;
///   past that they are sorted in runs on disk and merged when read back.
/// - Deterministic: findings are returned in ``FindingOrder``, so the same input always
///   gives the same result, whatever the number of workers or batch size.
public struct RuleEngine: Sendable {
    public let pack: RulePack
    /// The health-check date (`as_of` in rules).
    public let asOf: CalendarDate
    /// Threads checking records; 1 checks everything on the calling thread.
    public let workers: Int
    /// Findings held in memory by ``stream(_:progress:)`` before they go to disk.
    public let findingMemoryLimit: Int

    public init(pack: RulePack, asOf: CalendarDate, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
                findingMemoryLimit: Int = FindingSpool.defaultMemoryLimit) {
        self.pack = pack
        self.asOf = asOf
        self.workers = max(1, workers)
        self.findingMemoryLimit = findingMemoryLimit
    }

    private var batchCheck: BatchCheck {
        BatchCheck(recordRules: pack.recordRules, aggregateRules: pack.aggregateRules, asOf: asOf, workers: workers)
    }

    /// Checks records already in memory (rule examples, tests, small inputs).
    public func check(records: [CaseRecord]) -> RunResult {
        // Everything is in memory already: the spool never needs the disk.
        var run = RunAccumulator(aggregateRules: pack.aggregateRules, asOf: asOf, memoryLimit: Int.max)
        run.add(batchCheck.run(records))
        var summary = RunSummary(recordsRead: records.count, recordsChecked: records.count)
        let findings = (try? run.finish(&summary, rules: pack.rules.count))?.all ?? []
        return RunResult(findings: findings, summary: summary, diagnostics: [])
    }

    /// Reads every record from `reader` and checks it.
    ///
    /// Records are read and checked on the same worker thread where the format allows it
    /// (see ``CaseReader/readInParallel(workers:check:receive:)``), so each is made, checked
    /// and freed in one place while the other workers do the same with other records.
    /// - Parameter progress: called on the calling thread after each batch.
    /// - Returns: the run with every finding in memory; see ``stream(_:progress:)`` for a
    ///   health check's report path.
    public func run(_ reader: CaseReader, progress: ((RunProgress) -> Void)? = nil) -> RunResult {
        var result = run(reader, memoryLimit: Int.max, progress: progress)
        return (try? result.get())?.inMemory ?? RunResult(findings: [], summary: RunSummary(), diagnostics: [])
    }

    /// Reads every record from `reader` and checks it, holding findings in bounded memory.
    /// - Throws: when findings could not be written to or read from the temporary folder.
    public func stream(_ reader: CaseReader, progress: ((RunProgress) -> Void)? = nil) throws -> StreamedRun {
        try run(reader, memoryLimit: findingMemoryLimit, progress: progress).get()
    }

    private func run(_ reader: CaseReader, memoryLimit: Int, progress: ((RunProgress) -> Void)?) -> Result<StreamedRun, Error> {
        var run = RunAccumulator(aggregateRules: pack.aggregateRules, asOf: asOf, memoryLimit: memoryLimit)
        var diagnostics: [Diagnostic] = []
        let checker = batchCheck
        reader.readInParallel(workers: workers, check: { records in checker.checkInTurn(records[...]) }) { batchDiagnostics, outcome in
            diagnostics += batchDiagnostics
            guard let outcome else { return }
            run.add(outcome)
            progress?(RunProgress(recordsRead: reader.counts.recordsRead, recordsChecked: run.recordsChecked,
                                  findings: run.findings))
        }
        var summary = RunSummary()
        summary.take(reader.counts)
        summary.recordsChecked = run.recordsChecked
        return Result { StreamedRun(findings: try run.finish(&summary, rules: pack.rules.count), summary: summary,
                                    diagnostics: diagnostics) }
    }
}
