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
    /// Where a file can be cut into pieces that read independently (NDJSON), each piece is
    /// read on the thread that checks it, so a record is made, checked and freed on one
    /// thread and never crosses to another: only what `check` returns does. Other files are
    /// read on the calling thread and their batches checked on the workers. The outcome
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
        // While the workers run one group, this thread gathers the next and hands out the
        // results of the last: cutting a file into jobs and taking the results in order
        // are serial work, done here in the workers' shadow.
        var running: ParallelReadPlan.RunningGroup<Outcome>?
        var finished: (jobs: [ParallelReadPlan.Job], results: [ParallelReadPlan.Result<Outcome>])?
        repeat {
            fill(&plan)
            let jobs = plan.jobs
            plan.jobs = []
            if let group = running { finished = (group.jobs, group.wait()) }
            running = jobs.isEmpty ? nil : ParallelReadPlan.RunningGroup(jobs, slots: slots, check: check)
            if let (jobs, results) = finished {
                for (job, result) in zip(jobs, results) {
                    var batch = CaseBatch()
                    if case .fileStart(let problems) = job { startFile(reporting: problems, into: &batch) }
                    for event in result.events { take(event, into: &batch) }
                    receive(batch.diagnostics, result.outcome)
                }
                finished = nil
            }
        } while running != nil
    }

    /// Gathers the next group of jobs, in file order, until the group is full or every file
    /// has been read.
    private func fill(_ plan: inout ParallelReadPlan) {
        while plan.jobs.count < plan.slots * 4 {
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
        plan.flushReady()
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

    /// A group of jobs running on `slots` worker threads, each taking the next job in turn
    /// so that a slow job does not hold up the others. Each slot is one thread at a time, as
    /// a ``DeferredRead`` needs; one group runs at a time.
    final class RunningGroup<Outcome: Sendable>: @unchecked Sendable {
        let jobs: [Job]
        private let done = DispatchGroup()
        // Each slot written by one worker before the group is done; read after waiting.
        private var results: [Result<Outcome>]
        private let turns = JobTurns()

        init(_ jobs: [Job], slots: Int, check: @escaping @Sendable ([CaseRecord]) -> Outcome) {
            self.jobs = jobs
            results = [Result<Outcome>](repeating: Result(), count: jobs.count)
            let queue = DispatchQueue.global(qos: .userInitiated)
            for slot in 0..<min(slots, jobs.count) {
                queue.async(group: done) { [self] in work(slot: slot, check: check) }
            }
        }

        func wait() -> [Result<Outcome>] {
            done.wait()
            return results
        }

        private func work(slot: Int, check: ([CaseRecord]) -> Outcome) {
            while let j = turns.next(below: jobs.count) {
                var events: [LoadEvent]
                switch jobs[j] {
                case .fileStart: continue
                case .deferred(let read): events = read.read(slot: slot)
                case .ready(let readEvents): events = readEvents
                }
                var records: [CaseRecord] = []
                for i in events.indices {
                    guard case .record(let record) = events[i] else { continue }
                    records.append(record)
                    events[i] = .checked(id: record.id, location: record.location)
                }
                let result = Result(events: events, outcome: records.isEmpty ? nil : check(records))
                results.withUnsafeMutableBufferPointer { $0[j] = result }
            }
        }
    }
}

/// Hands out job numbers, each once, to the threads of a parallel read.
private final class JobTurns: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = 0

    func next(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard taken < count else { return nil }
        taken += 1
        return taken - 1
    }
}
