import CaseModel

/// What a file source yields, one at a time, in file order: a record that loaded, a
/// diagnostic (warning, error or note), or the fact that one record was skipped (its
/// diagnostics come just before it).
enum LoadEvent {
    case record(CaseRecord)
    /// A record that loaded and has already been checked (and let go) on the thread that
    /// read it: what is left of it for the reader's counts and duplicate-id check.
    case checked(id: String?, location: SourceLocation)
    case diagnostic(Diagnostic)
    case skipped
    /// The file cannot be read past this point (a syntax error in a JSON list): events of
    /// the same file that a parallel read produced after it are dropped.
    case fileAbandoned
    /// A warning given once a file (an unknown field, an unlisted code); `key` says what
    /// it is about, so that sources reading a file in parallel slices can drop repeats.
    case onceAFile(Diagnostic, key: String)
}
