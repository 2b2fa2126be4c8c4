/// How late an overdue item is, in bands a manager can act on.
public enum AgeingBand: CaseIterable, Hashable, Sendable {
    case upToAWeek, upToAMonth, upToThreeMonths, upToSixMonths, overSixMonths

    /// The band for an item this many calendar days late (0 counts as the first band).
    public init(daysLate: Int) {
        switch daysLate {
        case ...7: self = .upToAWeek
        case ...30: self = .upToAMonth
        case ...91: self = .upToThreeMonths
        case ...183: self = .upToSixMonths
        default: self = .overSixMonths
        }
    }

    /// The band as a reader sees it.
    public var label: String {
        switch self {
        case .upToAWeek: return "1–7 days"
        case .upToAMonth: return "8–30 days"
        case .upToThreeMonths: return "31–91 days"
        case .upToSixMonths: return "92–183 days"
        case .overSixMonths: return "over 183 days"
        }
    }
}
