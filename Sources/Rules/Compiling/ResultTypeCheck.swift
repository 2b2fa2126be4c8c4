import CEL
import CaseModel

/// What a rule key needs its expression to give, checked against the type the CEL checker
/// infers, so that `when: plan.start_date` (a date, not true/false) fails at load time.
enum ExpectedResult {
    case bool, date, list, number, any

    /// The words a rule writer reads in a diagnostic.
    var words: String {
        switch self {
        case .bool: return "true or false"
        case .date: return "a date"
        case .list: return "a list"
        case .number: return "a number"
        case .any: return "a value"
        }
    }

    /// Whether a statically inferred type can give what is needed. Unknown types (`dyn`)
    /// pass: they are checked when the rule runs.
    func accepts(_ type: CELType) -> Bool {
        switch (self, type) {
        case (.any, _), (_, .dyn), (_, .error): return true
        case (.bool, .bool): return true
        case (.date, .opaque(DateValue.typeName)), (.date, .null), (.date, .string): return true
        case (.list, .list), (.list, .listOf), (.list, .null): return true
        case (.number, .int), (.number, .uint), (.number, .double), (.number, .null): return true
        default: return false
        }
    }

    /// A type as a rule writer would name it.
    static func words(for type: CELType) -> String {
        switch type {
        case .bool: return "true or false"
        case .int, .uint, .double: return "a number"
        case .string: return "text"
        case .opaque(DateValue.typeName): return "a date"
        case .opaque(let name): return "a \(name)"
        case .list, .listOf: return "a list"
        case .map, .mapOf: return "a map"
        case .object(let o): return "a record (\(o.name))"
        case .null: return "nothing (null)"
        case .timestamp: return "a timestamp"
        case .duration: return "a duration"
        default: return type.description
        }
    }
}
