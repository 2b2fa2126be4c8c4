/// How far a run has gone, reported after each batch (for a progress indicator).
public struct RunProgress: Hashable, Sendable {
    /// Records met in the case files so far (checked plus skipped).
    public var recordsRead: Int
    /// Records checked so far.
    public var recordsChecked: Int
    /// Findings so far (aggregate findings come only at the end).
    public var findings: Int

    public init(recordsRead: Int, recordsChecked: Int, findings: Int) {
        self.recordsRead = recordsRead
        self.recordsChecked = recordsChecked
        self.findings = findings
    }
}
