import CaseModel
import Dispatch

/// A batch being checked on another thread while the caller reads the next one.
final class InFlightBatch: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    // Written once by the worker before it signals, read once by the caller after waiting.
    private var outcome: BatchCheck.Outcome?

    init(_ records: [CaseRecord], checker: BatchCheck) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            outcome = checker.run(records)
            done.signal()
        }
    }

    func wait() -> BatchCheck.Outcome {
        done.wait()
        return outcome!
    }
}
