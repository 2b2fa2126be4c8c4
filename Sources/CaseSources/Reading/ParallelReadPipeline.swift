import CaseModel
import Dispatch
import Foundation

/// The worker threads of a parallel read: jobs go in, in file order; each worker takes the
/// oldest job waiting, reads and checks it with its own slot, and leaves the result for
/// the reading thread to collect by number. Workers never wait for one another, so a
/// long job on one thread does not leave the other idle.
final class ParallelReadPipeline<Outcome: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    // All below guarded by `condition`.
    private var waiting: [(number: Int, job: ParallelReadPlan.Job)] = []
    private var waitingHead = 0
    private var results: [ParallelReadPlan.Result<Outcome>?] = []
    private var submitted = 0
    private var closed = false
    private let check: @Sendable ([CaseRecord]) -> Outcome

    init(slots: Int, check: @escaping @Sendable ([CaseRecord]) -> Outcome) {
        self.check = check
        let queue = DispatchQueue.global(qos: .userInitiated)
        for slot in 0..<slots {
            queue.async { [self] in work(slot: slot) }
        }
    }

    /// Queues a job; its result will be number `submitted` (counting from the last
    /// ``forgetTaken()``).
    func submit(_ job: ParallelReadPlan.Job) {
        condition.lock()
        waiting.append((submitted, job))
        results.append(nil)
        submitted += 1
        condition.signal()
        condition.unlock()
    }

    /// The result of job `number`, waiting for it if need be.
    func result(_ number: Int) -> ParallelReadPlan.Result<Outcome> {
        condition.lock()
        defer { condition.unlock() }
        while results[number] == nil { condition.wait() }
        let result = results[number]!
        results[number] = nil
        return result
    }

    /// Starts numbering afresh; every job submitted so far has been collected.
    func forgetTaken() {
        condition.lock()
        results.removeAll(keepingCapacity: true)
        submitted = 0
        condition.unlock()
    }

    /// No more jobs: the workers finish what is queued and stop.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    private func work(slot: Int) {
        while true {
            condition.lock()
            while waitingHead == waiting.count && !closed { condition.wait() }
            guard waitingHead < waiting.count else {
                condition.unlock()
                return
            }
            let (number, job) = waiting[waitingHead]
            waiting[waitingHead] = (number, .fileStart([]))
            waitingHead += 1
            if waitingHead == waiting.count {
                waiting.removeAll(keepingCapacity: true)
                waitingHead = 0
            }
            condition.unlock()

            let result = run(job, slot: slot)

            condition.lock()
            results[number] = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Reads the job's records (when it has them to read) and checks them; the records are
    /// freed here, on the thread that made them.
    private func run(_ job: ParallelReadPlan.Job, slot: Int) -> ParallelReadPlan.Result<Outcome> {
        var events: [LoadEvent]
        switch job {
        case .fileStart: return ParallelReadPlan.Result()
        case .deferred(let read): events = read.read(slot: slot)
        case .ready(let readEvents): events = readEvents
        }
        var records: [CaseRecord] = []
        for i in events.indices {
            guard case .record(let record) = events[i] else { continue }
            records.append(record)
            events[i] = .checked(id: record.id, location: record.location)
        }
        return ParallelReadPlan.Result(events: events, outcome: records.isEmpty ? nil : check(records))
    }
}
