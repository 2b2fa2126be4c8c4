import CEL
import CaseModel

/// One of a rule's examples as a small table for the catalogue: its name, date and
/// expectation, and the case record flattened to `field | value` rows
/// (`cp_plans[0].start_date | 2024-01-10`).
public struct ExampleTable: Sendable {
    /// One row: the record (1-based, for `cases:` examples with several children), the field
    /// path and its value as text.
    public struct Row: Sendable, Hashable {
        public var record: Int
        public var field: String
        public var value: String
    }

    public var name: String
    public var asOf: String
    /// "pass (no finding)" or "fail (a finding)", with the status and count when the example pins them.
    public var expectation: String
    public var recordCount: Int
    public var rows: [Row]

    init(_ example: RuleExample) {
        name = example.name
        asOf = example.asOf.isoString
        var words = example.expect == .pass ? "pass (no finding)" : "fail"
        if example.expect == .fail {
            var details: [String] = []
            if let count = example.findingCount { details.append("\(count) finding\(count == 1 ? "" : "s")") }
            if let status = example.status { details.append(status.rawValue.replacingOccurrences(of: "_", with: " ")) }
            words += details.isEmpty ? " (a finding)" : " (\(details.joined(separator: ", ")))"
        }
        expectation = words
        recordCount = example.records.count
        rows = example.records.enumerated().flatMap { n, record in
            ExampleTable.flatten(record, path: "").map { Row(record: n + 1, field: $0.0, value: $0.1) }
        }
    }

    /// Maps become dotted paths, lists of records numbered items; lists of plain values one row.
    static func flatten(_ value: Value, path: String) -> [(String, String)] {
        switch value {
        case .map(let m):
            if m.count == 0 { return path.isEmpty ? [] : [(path, "(empty)")] }
            return m.entries.flatMap { key, inner -> [(String, String)] in
                let name = ValueText.render(key)
                return flatten(inner, path: path.isEmpty ? name : "\(path).\(name)")
            }
        case .list(let items) where !items.isEmpty && items.allSatisfy({ if case .map = $0 { return true }; return false }):
            return items.enumerated().flatMap { n, item in flatten(item, path: "\(path)[\(n)]") }
        case .list(let items):
            return [(path, items.isEmpty ? "(none)" : items.map(ValueText.render).joined(separator: ", "))]
        default:
            return [(path, ValueText.render(value))]
        }
    }
}
