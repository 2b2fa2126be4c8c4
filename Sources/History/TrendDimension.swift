/// What findings are grouped by in a trend.
public enum TrendDimension: String, CaseIterable, Sendable, Codable {
    case rule, area, team, worker

    /// The `finding_span` column holding the group.
    var column: String { rawValue }
}
