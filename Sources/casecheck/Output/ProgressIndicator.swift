import Dispatch
import Engine

/// A one-line progress count on standard error, for long runs only: it appears after half a
/// second, redraws at most ten times a second, and only when standard error is a terminal.
final class ProgressIndicator {
    private let enabled: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastDrawn: UInt64 = 0
    private var shown = false

    init(enabled: Bool = StandardError.isTerminal) { self.enabled = enabled }

    func update(_ progress: RunProgress) {
        guard enabled else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now - started > 500_000_000, now - lastDrawn > 100_000_000 else { return }
        lastDrawn = now
        shown = true
        StandardError.write("\r\u{1B}[Kchecking: \(progress.recordsRead) records read, \(progress.findings) findings so far…")
    }

    /// Clears the line so that what follows starts clean.
    func finish() {
        guard shown else { return }
        StandardError.write("\r\u{1B}[K")
        shown = false
    }
}
