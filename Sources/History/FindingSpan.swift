import CaseModel
import GRDB
import Rules

/// One row of `finding_span`: a finding (fingerprint) in one unchanged state over
/// consecutive runs. See ``HistorySchema`` for why spans and not one row per run.
struct FindingSpan {
    var id: Int64 = 0
    var fingerprint: String
    var rule: String
    var area: String?
    var severity: Severity
    var status: FindingStatus
    var caseID: String?
    var item: String?
    var group: String?
    var worker: String?
    var team: String?
    var due: CalendarDate?
    var message: String
    var location: String?
    var firstRun: Int64
    var lastRun: Int64
    var seenSinceRun: Int64
    var seenSinceAsOf: CalendarDate
    /// Days late at `firstRun` (whose as-of date is `lateAsOf`).
    var lateBase: Int?
    var lateAsOf: CalendarDate
    /// True: days late grows day for day with the as-of date (an overdue finding); false: it
    /// stays (a breach that happened); nil: one run so far, not known.
    var lateGrows: Bool?
    var waived: Bool

    /// A new span for `finding` starting at run `runID`.
    init(_ finding: Finding, area: String?, waived: Bool, runID: Int64, asOf: CalendarDate,
         seenSinceRun: Int64, seenSinceAsOf: CalendarDate) {
        fingerprint = finding.fingerprint
        rule = finding.rule
        self.area = area
        severity = finding.severity
        status = finding.status
        caseID = finding.caseID
        item = finding.item
        group = finding.group
        worker = finding.worker
        team = finding.team
        due = finding.due
        message = finding.message
        location = finding.location?.description
        firstRun = runID
        lastRun = runID
        self.seenSinceRun = seenSinceRun
        self.seenSinceAsOf = seenSinceAsOf
        lateBase = finding.daysLate
        lateAsOf = asOf
        lateGrows = nil
        self.waived = waived
    }

    init(row: Row) throws {
        id = row["id"]
        fingerprint = row["fingerprint"]
        rule = row["rule"]
        area = row["area"]
        severity = Severity.fromRank(row["severity"])
        let statusText: String = row["status"]
        guard let status = FindingStatus(rawValue: statusText) else {
            throw RunStoreError.invalidRequest("the history holds a finding with an unknown status '\(statusText)'")
        }
        self.status = status
        caseID = row["case_id"]
        item = row["item"]
        group = row["grp"]
        worker = row["worker"]
        team = row["team"]
        due = (row["due"] as Int32?).map(CalendarDate.init(dayNumber:))
        message = row["message"]
        location = row["location"]
        firstRun = row["first_run"]
        lastRun = row["last_run"]
        seenSinceRun = row["seen_since_run"]
        seenSinceAsOf = CalendarDate(dayNumber: row["seen_since_as_of"])
        lateBase = row["late_base"]
        lateAsOf = CalendarDate(dayNumber: row["late_as_of"])
        lateGrows = row["late_grows"]
        waived = row["waived"]
    }

    func insert(_ db: Database) throws -> Int64 {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO finding_span (fingerprint, rule, area, severity, status, case_id, item, grp, worker, team,
                due, message, location, first_run, last_run, seen_since_run, seen_since_as_of,
                late_base, late_as_of, late_grows, waived)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [fingerprint, rule, area, severity.rank, status.rawValue, caseID, item, group,
                                          worker, team, due?.dayNumber, message, location, firstRun, lastRun,
                                          seenSinceRun, seenSinceAsOf.dayNumber, lateBase, lateAsOf.dayNumber,
                                          lateGrows, waived])
        return db.lastInsertedRowID
    }

    /// Days late at a run of this span whose as-of date is `asOf`.
    func daysLate(at asOf: CalendarDate) -> Int? {
        guard let lateBase else { return nil }
        return lateGrows == true ? lateBase + Int(asOf.dayNumber - lateAsOf.dayNumber) : lateBase
    }

    /// Whether `finding`, seen at a run dated `asOf`, is this span carried on: the same state
    /// (status, severity, due date, who it is with, waived or not) and days late that follow
    /// the span's rule. The message is not part of the state: it often quotes the days late.
    func continuation(with finding: Finding, area: String?, waived: Bool, asOf: CalendarDate) -> Continuation {
        guard finding.status == status, finding.severity == severity, finding.due == due, finding.rule == rule,
              area == self.area, finding.caseID == caseID, finding.item == item, finding.group == group,
              finding.worker == worker, finding.team == team, waived == self.waived else { return .breaks }
        switch (lateBase, finding.daysLate) {
        case (nil, nil): return .continues(lateGrows: lateGrows)
        case (nil, _), (_, nil): return .breaks
        case let (base?, late?):
            let grown = base + Int(asOf.dayNumber - lateAsOf.dayNumber)
            switch lateGrows {
            case true?: return late == grown ? .continues(lateGrows: true) : .breaks
            case false?: return late == base ? .continues(lateGrows: false) : .breaks
            case nil:
                if late == base && late == grown { return .continues(lateGrows: nil) }
                if late == base { return .continues(lateGrows: false) }
                if late == grown { return .continues(lateGrows: true) }
                return .breaks
            }
        }
    }
}

/// Whether a finding carries a span on, and how its days late behave from then on.
enum Continuation: Equatable {
    case continues(lateGrows: Bool?)
    /// The finding's state changed: a new span starts (the finding is still persisting).
    case breaks
}

extension Severity {
    /// The severity whose ``rank`` is `rank`; ranks outside the scale clamp to its ends.
    static func fromRank(_ rank: Int) -> Severity {
        Severity.allCases.first { $0.rank == rank } ?? (rank < 0 ? .info : .critical)
    }
}
