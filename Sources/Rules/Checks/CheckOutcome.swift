import CaseModel

/// What a check found on one item, before it becomes a ``Finding``.
struct CheckOutcome: Equatable, Sendable {
    var status: FindingStatus
    var due: CalendarDate?
    var daysLate: Int?
    /// A figure for the message's `{{value}}` (a span's length in days, a group's count).
    var value: Double?
    /// Tells apart several findings on the same item (a cadence's missed events, by due date).
    var occurrence: String?
    /// For `error` outcomes: what failed, in words.
    var errorText: String?

    init(status: FindingStatus, due: CalendarDate? = nil, daysLate: Int? = nil, value: Double? = nil,
         occurrence: String? = nil, errorText: String? = nil) {
        self.status = status
        self.due = due
        self.daysLate = daysLate
        self.value = value
        self.occurrence = occurrence
        self.errorText = errorText
    }
}
