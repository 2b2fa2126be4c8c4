import CEL
import CaseModel

/// Finding messages for rules that do not write their own.
enum MessageDefaults {
    static func text(title: String, outcome: CheckOutcome) -> String {
        switch outcome.status {
        case .breach:
            if let due = outcome.due, let late = outcome.daysLate {
                return "\(title): due \(due.isoString), \(ValueText.days(late)) late"
            }
            return title
        case .overdue:
            if let due = outcome.due, let late = outcome.daysLate {
                return "\(title): overdue since \(due.isoString) (\(ValueText.days(late)))"
            }
            return "\(title): overdue"
        case .dueSoon:
            if let due = outcome.due { return "\(title): due \(due.isoString)" }
            return "\(title): due soon"
        case .error:
            return outcome.errorText ?? "\(title): could not be evaluated"
        }
    }

    /// A figure as a CEL value: whole numbers as ints, so `{{value}}` reads `12`, not `12.0`.
    static func number(_ d: Double) -> Value {
        if d.rounded() == d, abs(d) < 9e15 { return .int(Int64(d)) }
        return .double(d)
    }
}
