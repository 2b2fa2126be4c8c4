import Foundation
import GRDB

/// The history of health-check runs, kept in an SQLite database: each run, its findings
/// (new, persisting, resolved), waivers, and the trends over runs.
///
/// The database is opened in WAL mode, so reading the history never blocks a run being
/// recorded. Writes take the database lock at the start of their transaction; a second
/// writer waits up to `busyTimeout` seconds, then fails with ``RunStoreError/busy(path:waitedSeconds:)``.
/// Every change is one transaction: a run killed half-way leaves the database as it was.
public final class RunStore: Sendable {
    /// Where `--history` puts the database when given no path.
    public static let defaultPath = ".casecheck/history.sqlite"

    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    let busyTimeout: Double

    /// Opens the history database at `path`, creating it (and its folder, readable by the
    /// owner only: it holds personal data about children) when absent, and bringing an
    /// older schema up to date.
    /// - Throws: ``RunStoreError`` — `.notADatabase` when the file is something else,
    ///   `.foreignDatabase` for another program's SQLite file, `.corrupt`, `.newerSchema` (all
    ///   leave the file unchanged), `.busy`, `.cannotOpen`.
    public init(path: String = RunStore.defaultPath, busyTimeout: Double = 10) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        // Runs that start together on a new or busy file can meet SQLite's "busy" in places its
        // busy timeout does not cover (a read-only look while another process sets the file
        // up, a journal-mode switch); opening is retried within the same time allowance.
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                queue = try Self.openQueue(path: path, busyTimeout: busyTimeout)
                return
            } catch RunStoreError.busy where Date() < deadline {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    private static func openQueue(path: String, busyTimeout: Double) throws -> DatabaseQueue {
        let verdict = try DatabaseFileCheck.inspect(path: path)
        switch verdict {
        case .foreign: throw RunStoreError.notADatabase(path: path)
        case .absent: try createOwnerOnlyFile(at: path)
        case .sqlite: break
        }
        do {
            let migrator = HistorySchema.migrator()
            if verdict == .sqlite { try inspectReadOnly(path: path, migrator: migrator, busyTimeout: busyTimeout) }
            var configuration = Configuration()
            configuration.journalMode = .wal
            configuration.busyMode = .timeout(busyTimeout)
            configuration.foreignKeysEnabled = true
            configuration.label = "casecheck.history"
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try migrate(queue, with: migrator)
            return queue
        } catch let error as RunStoreError {
            throw error
        } catch {
            throw translate(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Applies the missing schema steps. Two casecheck runs starting on a new database at the
    /// same moment may both try the same step; the loser's step fails (its table exists), and
    /// it carries on from what the winner applied.
    private static func migrate(_ queue: DatabaseQueue, with migrator: DatabaseMigrator) throws {
        var attempts = 0
        while true {
            do {
                return try migrator.migrate(queue)
            } catch {
                attempts += 1
                if try queue.read({ try migrator.hasCompletedMigrations($0) }) { return }
                if attempts >= 3 { throw error }
            }
        }
    }

    /// Looks at an existing database through a read-only connection, so that a database
    /// that is not ours (another program's, a newer casecheck's, a damaged one) is refused
    /// before anything, even its journal mode, is written to it.
    private static func inspectReadOnly(path: String, migrator: DatabaseMigrator, busyTimeout: Double) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        let reader = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? reader.close() }
        try reader.read { db in
            // Reading the schema makes SQLite check the header and first page.
            let objects = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")!
            let applied = try migrator.appliedIdentifiers(db)
            if applied.isEmpty {
                // Another program's database: adding our tables to it would be overwriting it.
                if objects > 0 { throw RunStoreError.foreignDatabase(path: path) }
                return
            }
            let known = Set(HistorySchema.versions)
            let unknown = applied.filter { !known.contains($0) }
            if !unknown.isEmpty { throw RunStoreError.newerSchema(path: path, unknownMigrations: unknown.sorted()) }
            // A damaged page deep in the file would otherwise surface in the middle of a run.
            if let problem = try String.fetchOne(db, sql: "PRAGMA quick_check(1)"), problem != "ok" {
                throw RunStoreError.corrupt(path: path, detail: problem)
            }
        }
    }

    /// Runs `body` in one immediate write transaction: the lock is taken at the start, so a
    /// concurrent writer waits (then fails clearly) rather than failing half-way; an error
    /// thrown by `body` rolls everything back.
    func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as RunStoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Reads in a consistent snapshot.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as RunStoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path, busyTimeout: busyTimeout)
        }
    }

    static func translate(_ error: Error, path: String, busyTimeout: Double) -> RunStoreError {
        guard let dbError = error as? DatabaseError else {
            return .database(path: path, detail: "\(error)")
        }
        let detail = dbError.message ?? "\(dbError.resultCode)"
        switch dbError.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_CORRUPT: return .corrupt(path: path, detail: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path, waitedSeconds: busyTimeout)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_READONLY: return .cannotOpen(path: path, detail: detail)
        default: return .database(path: path, detail: detail)
        }
    }

    /// Creates the folder (0700) and an empty file (0600) so that SQLite, and its -wal and
    /// -shm companions which copy the file's permissions, never make the history world-readable.
    private static func createOwnerOnlyFile(at path: String) throws {
        let fm = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty, !fm.fileExists(atPath: folder) {
                try fm.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: 0o700])
            }
        } catch {
            throw RunStoreError.cannotOpen(path: path, detail: "cannot create the folder \(folder) (\(error.localizedDescription))")
        }
        // O_EXCL: when another run creates the file at the same moment, neither truncates the other's.
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd >= 0 {
            close(fd)
        } else if errno != EEXIST {
            throw RunStoreError.cannotOpen(path: path, detail: "cannot create the file (\(String(cString: strerror(errno))))")
        }
    }
}
