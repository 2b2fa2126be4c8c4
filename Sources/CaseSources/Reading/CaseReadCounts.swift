/// Running totals of a ``CaseReader``, for the run summary: nothing read goes uncounted.
public struct CaseReadCounts: Hashable, Sendable {
    /// Case files read or attempted (a path that does not exist counts as one).
    public var files = 0
    /// Files with at least one error diagnostic (including files that could not be read).
    public var filesWithErrors = 0
    /// Records typed without error and handed out in batches.
    public var recordsLoaded = 0
    /// Records reported with errors and left out (malformed, not an object, invalid field).
    public var recordsSkipped = 0
    /// Error diagnostics reported (including any past the per-file display limit).
    public var errors = 0
    /// Warning diagnostics reported (including any past the per-file display limit).
    public var warnings = 0

    /// Every record met: loaded plus skipped.
    public var recordsRead: Int { recordsLoaded + recordsSkipped }

    public init() {}
}
