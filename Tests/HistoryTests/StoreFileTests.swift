@testable import History
import CaseModel
import Foundation
import GRDB
import Rules
import XCTest

final class StoreFileTests: XCTestCase {
    func testAFileThatIsNotADatabaseIsReportedAndLeftUnchanged() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("history.sqlite")
        let content = Data("id,name\n1,Ann\n".utf8)
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: content))
        XCTAssertThrowsError(try RunStore(path: path)) { error in
            XCTAssertEqual(error as? RunStoreError, .notADatabase(path: path))
            XCTAssertTrue("\(error)".contains("left unchanged"))
        }
        XCTAssertEqual(FileManager.default.contents(atPath: path), content)
    }

    func testADamagedDatabaseIsReportedAndLeftUnchanged() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("history.sqlite")
        do {
            let store = try RunStore(path: path)
            _ = try store.record(runInput("2024-06-01", [finding("R", "C1")]))
        }
        // Checkpoint the WAL into the file, then scribble over the pages after the header.
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for i in 100..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: i &* 31) }
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        try bytes.write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try RunStore(path: path).history()) { error in
            guard let error = error as? RunStoreError else { return XCTFail("not a RunStoreError: \(error)") }
            switch error {
            case .corrupt, .notADatabase: break
            default: XCTFail("unexpected \(error)")
            }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), bytes)
    }

    func testAnotherProgramsDatabaseIsNotTakenOver() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("other.sqlite")
        try DatabaseQueue(path: path).write { try $0.execute(sql: "CREATE TABLE contacts (name TEXT)") }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try RunStore(path: path)) { error in
            XCTAssertEqual(error as? RunStoreError, .foreignDatabase(path: path))
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "not even the journal mode is changed")
        let tables = try DatabaseQueue(path: path).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") }
        XCTAssertEqual(tables, ["contacts"])
    }

    func testTheDefaultFolderIsCreatedOwnerOnly() throws {
        let folder = try TemporaryFolder()
        let path = folder.file(".casecheck/history.sqlite")
        _ = try RunStore(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: folder.file(".casecheck"))
        XCTAssertEqual((folderAttributes[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        let mode = try DatabaseQueue(path: path).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
    }

    func testADatabaseOfTheFirstSchemaOpensAndCarriesOn() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("v1.sqlite")
        // A file as the first version wrote it: only the first migration, and a run with an open finding.
        let old = try DatabaseQueue(path: path)
        try HistorySchema.migrator().migrate(old, upTo: HistorySchema.versions[0])
        let f = finding("R", "C1", due: "2024-05-01", daysLate: 31)
        try old.write { db in
            try db.execute(sql: """
                INSERT INTO run (as_of, started, rule_pack_hash, records_read, records_checked, records_skipped,
                    findings, info, low, medium, high, critical, new_findings, resolved)
                VALUES (?, '2024-06-01T02:00:00Z', 'pack', 10, 10, 0, 1, 0, 0, 0, 1, 0, 1, 0)
                """, arguments: [day("2024-06-01").dayNumber])
            try db.execute(sql: """
                INSERT INTO finding_span (fingerprint, rule, area, severity, status, case_id, item, grp, worker, team,
                    due, message, location, first_run, last_run, seen_since_run, seen_since_as_of, late_base, late_as_of, late_grows)
                VALUES (?, 'R', NULL, 3, 'overdue', 'C1', NULL, NULL, 'W1', 'North', ?, 'R on C1', NULL, 1, 1, 1, ?, 31, ?, NULL)
                """, arguments: [f.fingerprint, day("2024-05-01").dayNumber, day("2024-06-01").dayNumber, day("2024-06-01").dayNumber])
        }
        XCTAssertFalse(try old.read { try $0.tableExists("waiver") })
        try old.close()

        let store = try RunStore(path: path)
        XCTAssertEqual(try store.history().map(\.findings), [1])
        XCTAssertEqual(try store.history().first?.waived, 0)
        // The new schema's features work on the old data.
        try store.waive(fingerprint: f.fingerprint, reason: "agreed", by: "IRO", until: day("2024-12-31"), today: day("2024-06-01"))
        var next = f
        next.daysLate = 32
        let recorded = try store.record(runInput("2024-06-02", [next]))
        XCTAssertEqual(recorded.findings.first?.novelty, .persisting(firstSeen: day("2024-06-01"), runs: 2))
        XCTAssertEqual(recorded.waived.count, 1)
        let applied = try store.read { try HistorySchema.migrator().appliedMigrations($0) }
        XCTAssertEqual(applied, HistorySchema.versions)
    }

    func testADatabaseFromANewerCasecheckIsRefused() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("newer.sqlite")
        _ = try RunStore(path: path)
        try DatabaseQueue(path: path).write {
            try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        }
        XCTAssertThrowsError(try RunStore(path: path)) { error in
            XCTAssertEqual(error as? RunStoreError, .newerSchema(path: path, unknownMigrations: ["v9-from-the-future"]))
        }
    }

    func testASecondWriterFailsClearlyWhenTheFirstHoldsTheLock() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("h.sqlite")
        let first = try RunStore(path: path)
        let second = try RunStore(path: path, busyTimeout: 0.2)
        try first.writeTransaction { db in
            _ = try RunStore.record(runInput("2024-06-01", [finding("R", "C1")]), in: db)
            XCTAssertThrowsError(try second.record(runInput("2024-06-01", [finding("R", "C2")]))) { error in
                XCTAssertEqual(error as? RunStoreError, .busy(path: path, waitedSeconds: 0.2))
            }
            // Readers are not blocked by the writer (WAL), and see the last committed state.
            XCTAssertEqual(try second.history().count, 0)
        }
        XCTAssertEqual(try second.history().count, 1)
    }

    func testRunsStartingTogetherOnANewDatabaseAllOpenIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("new/h.sqlite")
        let failures = NSMutableArray()
        DispatchQueue.concurrentPerform(iterations: 6) { n in
            do {
                _ = try RunStore(path: path).record(runInput("2024-06-0\(n + 1)", [finding("R", "C1")]))
            } catch {
                failures.add("\(error)")
            }
        }
        XCTAssertEqual(failures.count, 0, "\(failures)")
        XCTAssertEqual(try RunStore(path: path).history().count, 6)
    }

    func testASecondWriterWaitsForTheFirst() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("h.sqlite")
        let first = try RunStore(path: path)
        let second = try RunStore(path: path, busyTimeout: 10)
        let done = expectation(description: "second run recorded")
        let locked = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? first.writeTransaction { db in
                _ = try RunStore.record(runInput("2024-06-01", [finding("R", "C1")]), in: db)
                locked.signal()
                Thread.sleep(forTimeInterval: 0.3)
            }
        }
        locked.wait()
        DispatchQueue.global().async {
            XCTAssertEqual(try? second.record(runInput("2024-06-02", [finding("R", "C1")])).findings.first?.novelty,
                           .persisting(firstSeen: day("2024-06-01"), runs: 2))
            done.fulfill()
        }
        wait(for: [done], timeout: 10)
        XCTAssertEqual(try first.history().count, 2)
    }
}
