import CaseModel
import Dispatch
import Foundation

extension CaseReader {
    /// Reads every record and has `check` look at each batch of them on one of `workers`
    /// threads; `receive` then gets, on the calling thread and in file order, each batch's
    /// diagnostics and what `check` made of its records (nil for a batch with no records).
    ///
    /// ```swift
    /// reader.readInParallel(workers: 2, check: { records in count(records) }) { diagnostics, outcome in
    ///     report(diagnostics); total += outcome ?? 0
    /// }
    /// ```
    ///
    /// Where a file can be cut into pieces that read independently (NDJSON lines, the records
    /// of a JSON list, the children of a census file), each piece is read on the thread that
    /// checks it, so a record is made, checked and freed on one thread and never crosses to
    /// another: only what `check` returns does. Other files (YAML, Annex A) are read on the
    /// calling thread and their batches checked on the workers. The outcome
    /// (records, diagnostics, counts) is the same as reading with ``nextBatch()``, whatever
    /// `workers` is; batches may be cut at other places. Memory: at most `workers × 4`
    /// batches are held at once.
    ///
    /// Call it on a fresh reader (not after ``nextBatch()``).
    public func readInParallel<Outcome: Sendable>(workers: Int, check: @escaping @Sendable ([CaseRecord]) -> Outcome,
                                                   receive: (_ diagnostics: [Diagnostic], _ outcome: Outcome?) -> Void) {
        precondition(current == nil && nothingPending, "readInParallel needs a reader that has not been read from")
        let slots = Swift.max(1, workers)
        var plan = ParallelReadPlan(slots: slots, batchSize: batchSize)
        // The workers take jobs as they come, with no pause between groups; this thread
        // keeps a few jobs queued ahead of them and takes the results in order. Cutting a
        // file into jobs and taking results are serial work, done in the workers' shadow.
        let pipeline = ParallelReadPipeline<Outcome>(slots: slots, check: check)
        defer { pipeline.close() }
        let ahead = slots * 4
        var queued: [ParallelReadPlan.Job] = []
        var nextResult = 0
        /// Set when a file's reading stopped part-way: its later results were read ahead
        /// and are dropped, as a serial read would never have read them.
        var abandoned = false
        while true {
            fill(&plan, upTo: ahead - queued.count + nextResult)
            for job in plan.jobs {
                pipeline.submit(job)
                queued.append(job)
            }
            plan.jobs = []
            guard nextResult < queued.count else { return }
            let result = pipeline.result(nextResult)
            var batch = CaseBatch()
            if case .fileStart(let problems) = queued[nextResult] {
                abandoned = false
                startFile(reporting: problems, into: &batch)
            }
            if !abandoned {
                for event in result.events {
                    if case .fileAbandoned = event { abandoned = true }
                    take(event, into: &batch)
                }
                receive(batch.diagnostics, result.outcome)
            }
            queued[nextResult] = .fileStart([])  // let the job's memory go
            nextResult += 1
            if nextResult == queued.count {
                queued.removeAll(keepingCapacity: true)
                pipeline.forgetTaken()
                nextResult = 0
            }
        }
    }

    /// Gathers jobs, in file order, until the plan holds `count` or every file has been read.
    private func fill(_ plan: inout ParallelReadPlan, upTo count: Int) {
        while plan.jobs.count < count {
            guard let source = current else {
                guard nextEntry < entryCount else { break }
                plan.flushReady()
                var problems: [Diagnostic] = []
                current = openNextFile(problems: &problems)
                current?.reserveSlots(plan.slots)
                plan.jobs.append(.fileStart(problems))
                continue
            }
            guard let chunk = source.nextChunk() else {
                current = nil
                continue
            }
            switch chunk {
            case .events(let events): plan.addReady(events)
            case .deferred(let read):
                plan.flushReady()
                plan.jobs.append(.deferred(read))
            }
        }
        if current == nil && nextEntry >= entryCount { plan.flushReady() }
    }
}

/// The jobs of a parallel read, a group at a time, and how a group is run.
struct ParallelReadPlan {
    enum Job {
        /// A file begins (its per-file counts restart), with any problem opening it.
        case fileStart([Diagnostic])
        /// Records still to be read, on whichever thread takes the job.
        case deferred(DeferredRead)
        /// Events already read on the calling thread; their records are checked on a worker.
        case ready([LoadEvent])
    }

    /// What a job came to: its events, each record replaced by ``LoadEvent/checked(id:location:)``,
    /// and what the check made of the records.
    struct Result<Outcome> {
        var events: [LoadEvent] = []
        var outcome: Outcome?
    }

    let slots: Int
    let batchSize: Int
    var jobs: [Job] = []
    private var ready: [LoadEvent] = []
    private var readyRecords = 0

    init(slots: Int, batchSize: Int) {
        self.slots = slots
        self.batchSize = batchSize
    }

    /// Adds events read on the calling thread, cutting a job whenever a batch is full.
    mutating func addReady(_ events: [LoadEvent]) {
        for event in events {
            ready.append(event)
            if case .record = event { readyRecords += 1 }
            if readyRecords >= batchSize || ready.count >= 4 * batchSize { flushReady() }
        }
    }

    mutating func flushReady() {
        guard !ready.isEmpty else { return }
        jobs.append(.ready(ready))
        ready = []
        readyRecords = 0
    }

}

