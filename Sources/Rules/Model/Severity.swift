/// How serious a rule's findings are, from `info` to `critical`. Ordered, so that
/// `--fail-on high` can compare: `.critical > .high`.
public enum Severity: String, Codable, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    case info, low, medium, high, critical

    /// Position in the scale, lowest first.
    public var rank: Int {
        switch self {
        case .info: return 0
        case .low: return 1
        case .medium: return 2
        case .high: return 3
        case .critical: return 4
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    public var description: String { rawValue }
}
