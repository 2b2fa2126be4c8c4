import CEL
import CaseModel

/// How CEL values read inside finding messages: text as it is, dates as `YYYY-MM-DD`,
/// whole numbers without a decimal point, nothing as `none`.
enum ValueText {
    static func render(_ value: Value) -> String {
        switch value {
        case .null: return "none"
        case .bool(let b): return b ? "yes" : "no"
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        case .double(let d): return number(d)
        case .string(let s): return s
        case .bytes(let b): return "\(b.count) bytes"
        case .list(let items): return items.map(render).joined(separator: ", ")
        case .map(let m):
            return "{" + m.entries.map { "\(render($0.0)): \(render($0.1))" }.joined(separator: ", ") + "}"
        case .type(let t): return t.description
        case .timestamp(let t): return "timestamp \(t.seconds)"
        case .duration(let d): return "\(d.seconds)s"
        case .opaque(let o): return o.textDescription
        case .scalar(let s): return s.textDescription
        case .error(let e): return "<error: \(e.message)>"
        }
    }

    /// `20` rather than `20.0`; fractions kept as Swift prints them.
    static func number(_ d: Double) -> String {
        if d.isFinite, d.rounded() == d, abs(d) < 1e15 { return String(Int64(d)) }
        return String(d)
    }

    /// `1 day`, `12 days`.
    static func days(_ n: Int) -> String { n == 1 || n == -1 ? "\(n) day" : "\(n) days" }
}
