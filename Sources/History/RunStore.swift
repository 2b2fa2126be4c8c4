import Foundation
import GRDB

/// The history of health-check runs, kept in an SQLite database: each run, its findings
/// (new, persisting, resolved), waivers, and the trends over runs.
///
/// The database is opened in WAL mode, so reading the history never blocks a run being
/// recorded. Writes take the database lock at the start of their transaction; a second
/// writer waits up to `busyTimeout` seconds, then fails with ``RunStoreError/busy(path:waitedSeconds:)``.
/// Every change is one transaction: a run killed half-way leaves the database as it was.
public final class RunStore {
    /// Where `--history` puts the database when given no path.
    public static let defaultPath = ".casecheck/history.sqlite"

    /// The database file.
    public let path: String
    let queue: DatabaseQueue
    let busyTimeout: Double

    /// Opens the history database at `path`, creating it (and its folder, readable by the
    /// owner only: it holds personal data about children) when absent, and bringing an
    /// older schema up to date.
    /// - Throws: ``RunStoreError`` — `.notADatabase` when the file is something else (it is
    ///   left unchanged), `.corrupt`, `.newerSchema`, `.busy`, `.cannotOpen`.
    public init(path: String = RunStore.defaultPath, busyTimeout: Double = 10) throws {
        self.path = path
        self.busyTimeout = busyTimeout
        switch try DatabaseFileCheck.inspect(path: path) {
        case .foreign: throw RunStoreError.notADatabase(path: path)
        case .absent: try Self.createOwnerOnlyFile(at: path)
        case .sqlite: break
        }
        var configuration = Configuration()
        configuration.journalMode = .wal
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "casecheck.history"
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            let migrator = HistorySchema.migrator()
            try queue.read { db in
                if try migrator.hasBeenSuperseded(db) {
                    let known = Set(HistorySchema.versions)
                    let unknown = try migrator.appliedIdentifiers(db).filter { !known.contains($0) }
                    throw RunStoreError.newerSchema(path: path, unknownMigrations: unknown.sorted())
                }
                // Another program's database: adding our tables to it would be overwriting it.
                if try migrator.appliedIdentifiers(db).isEmpty,
                   try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master")! > 0 {
                    throw RunStoreError.foreignDatabase(path: path)
                }
            }
            try migrator.migrate(queue)
        } catch let error as RunStoreError {
            throw error
        } catch {
            throw Self.translate(error, path: path, busyTimeout: busyTimeout)
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
        if !fm.fileExists(atPath: path) {
            guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw RunStoreError.cannotOpen(path: path, detail: "cannot create the file (check the folder exists and is writable)")
            }
        }
    }
}
