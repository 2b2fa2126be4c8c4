import CaseModel

/// One health-check finding: a rule that a child's record (or, for `aggregate` rules, a
/// group such as a worker's caseload) does not meet. Every report format renders this model.
///
/// Encoded with the field names of DESIGN.md (`case`, `days_late`, `rule_location`...), dates
/// as `YYYY-MM-DD`, and absent values left out, so JSON output is stable.
public struct Finding: Hashable, Sendable, Codable {
    /// The rule's id (`CP-REVIEW`).
    public var rule: String
    public var severity: Severity
    public var status: FindingStatus
    /// The child's id; nil for aggregate findings, which concern a group.
    public var caseID: String?
    /// The item's path in the record, such as `cp_plans[1]`; nil when the rule checks the child once.
    public var item: String?
    /// The group an aggregate finding is about (a worker, a team).
    public var group: String?
    /// The rule's message with its `{{...}}` interpolations filled in.
    public var message: String
    /// When the thing was due, where the rule computes a due date.
    public var due: CalendarDate?
    /// Calendar days between the due date and when it happened (or the health-check date).
    public var daysLate: Int?
    /// The child's allocated worker and team, from the record.
    public var worker: String?
    public var team: String?
    /// The manager of the child's team (`team_manager` in the record), when recorded.
    public var teamManager: String?
    /// Where the record (or the item, when its line is known) was read from.
    public var location: SourceLocation?
    /// Where the rule is written.
    public var ruleLocation: SourceLocation
    /// A stable identity for history and waivers: rule, child and item, never the run date or message.
    public var fingerprint: String

    public init(rule: String, severity: Severity, status: FindingStatus, caseID: String?, item: String?,
                group: String?, message: String, due: CalendarDate?, daysLate: Int?, worker: String?,
                team: String?, location: SourceLocation?, ruleLocation: SourceLocation, fingerprint: String,
                teamManager: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.status = status
        self.caseID = caseID
        self.item = item
        self.group = group
        self.message = message
        self.due = due
        self.daysLate = daysLate
        self.worker = worker
        self.team = team
        self.teamManager = teamManager
        self.location = location
        self.ruleLocation = ruleLocation
        self.fingerprint = fingerprint
    }

    enum CodingKeys: String, CodingKey {
        case rule, severity, status
        case caseID = "case"
        case item, group, message, due
        case daysLate = "days_late"
        case worker, team, location
        case teamManager = "team_manager"
        case ruleLocation = "rule_location"
        case fingerprint
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        rule = try c.decode(String.self, forKey: .rule)
        severity = try c.decode(Severity.self, forKey: .severity)
        status = try c.decode(FindingStatus.self, forKey: .status)
        caseID = try c.decodeIfPresent(String.self, forKey: .caseID)
        item = try c.decodeIfPresent(String.self, forKey: .item)
        group = try c.decodeIfPresent(String.self, forKey: .group)
        message = try c.decode(String.self, forKey: .message)
        if let text = try c.decodeIfPresent(String.self, forKey: .due) {
            guard let date = CalendarDate(iso: text) else {
                throw DecodingError.dataCorruptedError(forKey: .due, in: c, debugDescription: "not a YYYY-MM-DD date: \(text)")
            }
            due = date
        } else {
            due = nil
        }
        daysLate = try c.decodeIfPresent(Int.self, forKey: .daysLate)
        worker = try c.decodeIfPresent(String.self, forKey: .worker)
        team = try c.decodeIfPresent(String.self, forKey: .team)
        teamManager = try c.decodeIfPresent(String.self, forKey: .teamManager)
        location = try c.decodeIfPresent(SourceLocation.self, forKey: .location)
        ruleLocation = try c.decode(SourceLocation.self, forKey: .ruleLocation)
        fingerprint = try c.decode(String.self, forKey: .fingerprint)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rule, forKey: .rule)
        try c.encode(severity, forKey: .severity)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(caseID, forKey: .caseID)
        try c.encodeIfPresent(item, forKey: .item)
        try c.encodeIfPresent(group, forKey: .group)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(due?.isoString, forKey: .due)
        try c.encodeIfPresent(daysLate, forKey: .daysLate)
        try c.encodeIfPresent(worker, forKey: .worker)
        try c.encodeIfPresent(team, forKey: .team)
        try c.encodeIfPresent(teamManager, forKey: .teamManager)
        try c.encodeIfPresent(location, forKey: .location)
        try c.encode(ruleLocation, forKey: .ruleLocation)
        try c.encode(fingerprint, forKey: .fingerprint)
    }
}
