import CEL
import CaseModel
import Yams

/// Turns an example's `case:` YAML into a record value as the engine would see it: dates
/// written `2024-01-10` become CEL dates (and so do quoted ones in fields the schema types as
/// dates), numbers and booleans keep their types, everything else is text.
struct CaseValueBuilder {
    var reader: NodeReader

    mutating func record(_ node: Node, schema: ObjectSchema?) -> Value? {
        guard case .mapping = node else {
            reader.error(node, "'case' should be a case record (a set of keys such as 'id:'), but found \(NodeReader.describe(node))")
            return nil
        }
        return value(node, type: schema.map { .object($0) } ?? .any)
    }

    private mutating func value(_ node: Node, type: FieldType) -> Value {
        switch node {
        case .mapping:
            guard let entries = reader.entries(node, what: "a case record") else { return .null }
            var object: ObjectSchema?
            if case .object(let o) = type { object = o }
            var pairs: [(String, Value)] = []
            for e in entries {
                if let object, object.field(named: e.key) == nil {
                    // A misspelt field in an example silently tests something else: say so.
                    reader.warning(e.keyNode, "'\(e.key)' is not a field of \(object.name) in the case schema",
                                   hint: Suggestion.hint(for: e.key, among: object.fields.map(\.name)))
                }
                let fieldType = object?.field(named: e.key)?.type ?? .any
                pairs.append((e.key, value(e.value, type: fieldType)))
            }
            return .map(MapValue(stringKeyed: pairs))
        case .sequence(let list):
            var element: FieldType = .any
            if case .list(let t) = type { element = t }
            return .list(list.map { value($0, type: element) })
        case .scalar(let s):
            return scalar(s, node: node, type: type)
        case .alias:
            return .null
        }
    }

    private mutating func scalar(_ s: Node.Scalar, node: Node, type: FieldType) -> Value {
        let text = s.string
        if s.isNull { return .null }
        if type == .date || (type == .any && s.style == .plain && text.count == 10) {
            if let d = CalendarDate(iso: text) { return .date(d) }
            if type == .date {
                reader.error(node, "'\(text)' should be a date written YYYY-MM-DD")
                return .null
            }
        }
        if type == .string { return .string(text) }
        switch s.tagName {
        case .bool: return .bool(node.bool ?? false)
        case .int:
            if type == .double { return .double(Double(node.int ?? 0)) }
            if let i = node.int { return .int(Int64(i)) }
        case .float:
            if let d = node.float { return .double(d) }
        default: break
        }
        return .string(text)
    }
}
