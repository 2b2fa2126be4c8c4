import GRDB

/// The history database's schema, as a list of migrations applied in order. A database
/// records which steps it has had, so an older file is brought up to date when opened, and a
/// file from a newer casecheck is recognised. Shipped steps are never edited: a change is a
/// new step.
///
/// Findings are stored as *spans* rather than one row per finding per run: a span is one
/// finding (a fingerprint) in one unchanged state over a run of consecutive runs
/// (`first_run`...`last_run`). A nightly health check mostly sees the same findings again,
/// so a year of runs is tens of thousands of spans instead of hundreds of thousands of rows,
/// and recording a run touches only the spans open at the previous run.
public enum HistorySchema {
    /// The migration identifiers, oldest first.
    public static let versions = ["v1-runs-and-spans", "v2-waivers"]

    /// The migrator holding every step; `upTo` stops after the named one (tests build old files with it).
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(versions[0]) { db in
            try db.execute(sql: """
                CREATE TABLE run (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    as_of INTEGER NOT NULL,            -- day number since 1970-01-01
                    started TEXT NOT NULL,             -- ISO 8601 timestamp
                    rule_pack_hash TEXT NOT NULL,
                    records_read INTEGER NOT NULL,
                    records_checked INTEGER NOT NULL,
                    records_skipped INTEGER NOT NULL,
                    findings INTEGER NOT NULL,
                    info INTEGER NOT NULL, low INTEGER NOT NULL, medium INTEGER NOT NULL,
                    high INTEGER NOT NULL, critical INTEGER NOT NULL,
                    new_findings INTEGER NOT NULL,
                    resolved INTEGER NOT NULL
                );
                CREATE TABLE run_input (
                    run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                    path TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE INDEX run_input_by_run ON run_input(run_id);
                CREATE TABLE finding_span (
                    id INTEGER PRIMARY KEY,
                    fingerprint TEXT NOT NULL,
                    rule TEXT NOT NULL,
                    area TEXT,
                    severity INTEGER NOT NULL,         -- Severity.rank
                    status TEXT NOT NULL,
                    case_id TEXT, item TEXT, grp TEXT, worker TEXT, team TEXT,
                    due INTEGER,
                    message TEXT NOT NULL,
                    location TEXT,
                    first_run INTEGER NOT NULL,
                    last_run INTEGER NOT NULL,
                    -- the first run of the unbroken stretch this span belongs to (earlier spans of
                    -- the same fingerprint in other states continue it)
                    seen_since_run INTEGER NOT NULL,
                    seen_since_as_of INTEGER NOT NULL,
                    -- days late at first_run; late_grows 1: it grows day for day with as_of,
                    -- 0: it stays, NULL: not known yet (one run so far)
                    late_base INTEGER,
                    late_as_of INTEGER NOT NULL,
                    late_grows INTEGER
                );
                -- the spans open at the previous run, and trend windows
                CREATE INDEX finding_span_by_last_run ON finding_span(last_run);
                CREATE INDEX finding_span_by_fingerprint ON finding_span(fingerprint);
                """)
        }
        migrator.registerMigration(versions[1]) { db in
            try db.execute(sql: """
                CREATE TABLE waiver (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    fingerprint TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    waived_by TEXT NOT NULL,
                    until INTEGER NOT NULL,            -- last day covered
                    created INTEGER NOT NULL,          -- day recorded
                    waived_status TEXT,                -- the finding's state when waived; NULL until first seen
                    waived_due INTEGER,
                    source TEXT NOT NULL               -- "command line" or waivers.yaml:LINE
                );
                CREATE INDEX waiver_by_fingerprint ON waiver(fingerprint);
                ALTER TABLE finding_span ADD COLUMN waived INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE run ADD COLUMN waived INTEGER NOT NULL DEFAULT 0;
                """)
        }
        return migrator
    }
}
