import Foundation

/// Why the run store could not be opened or written. Each case's description is a sentence
/// a data officer can act on, naming the file.
public enum RunStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but is not an SQLite database (a spreadsheet saved over it, a typo in
    /// the path). It is left untouched.
    case notADatabase(path: String)
    /// The file is an SQLite database, but another program's: it is left untouched.
    case foreignDatabase(path: String)
    /// The file is an SQLite database whose pages are damaged.
    case corrupt(path: String, detail: String)
    /// The database was written by a newer casecheck, whose schema this one does not know.
    case newerSchema(path: String, unknownMigrations: [String])
    /// Another process held the database for longer than the busy timeout.
    case busy(path: String, waitedSeconds: Double)
    /// The file or its folder could not be created or opened.
    case cannotOpen(path: String, detail: String)
    /// A request that cannot be carried out (an unknown fingerprint, a waiver with no reason...).
    case invalidRequest(String)
    /// Any other database failure, with SQLite's own words.
    case database(path: String, detail: String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path) is not a casecheck history database (it is not an SQLite file); it was left unchanged. "
                + "Give another path with --history, or move the file away."
        case .foreignDatabase(let path):
            return "\(path) is an SQLite database but not a casecheck history; it was left unchanged. "
                + "Give another path with --history."
        case .corrupt(let path, let detail):
            return "the history database \(path) is damaged (\(detail)); it was left unchanged. "
                + "Restore it from a backup, or move it away to start a new history."
        case .newerSchema(let path, let unknown):
            return "the history database \(path) was written by a newer version of casecheck "
                + "(schema steps \(unknown.joined(separator: ", ")) are unknown here); upgrade casecheck to read it"
        case .busy(let path, let waited):
            return "another casecheck run is writing to the history database \(path); gave up after waiting "
                + "\(Int(waited.rounded())) seconds. Try again when that run has finished."
        case .cannotOpen(let path, let detail):
            return "cannot open the history database \(path): \(detail)"
        case .invalidRequest(let message):
            return message
        case .database(let path, let detail):
            return "the history database \(path) could not be used: \(detail)"
        }
    }
}
