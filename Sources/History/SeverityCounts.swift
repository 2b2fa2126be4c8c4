import Rules

/// How many findings of each severity.
public struct SeverityCounts: Hashable, Sendable, Codable {
    public var info = 0
    public var low = 0
    public var medium = 0
    public var high = 0
    public var critical = 0

    public init() {}

    public subscript(severity: Severity) -> Int {
        get {
            switch severity {
            case .info: return info
            case .low: return low
            case .medium: return medium
            case .high: return high
            case .critical: return critical
            }
        }
        set {
            switch severity {
            case .info: info = newValue
            case .low: low = newValue
            case .medium: medium = newValue
            case .high: high = newValue
            case .critical: critical = newValue
            }
        }
    }

    /// All of them.
    public var total: Int { info + low + medium + high + critical }
}
