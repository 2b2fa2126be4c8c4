import CEL
import CaseModel
import Yams

/// Types a composed YAML node tree by the schema, the way ``JSONParser`` types JSON: plain
/// scalars resolve as YAML 1.2 core schema values (so `42` is an int and `true` a bool),
/// except that a `string` field takes any plain scalar's text (`id: 12345` is the text
/// "12345") and a `date` field reads its scalar as an ISO date.
struct YAMLNodeTyper {
    let context: RecordTypingContext
    let maxDepth: Int

    /// Reads a record from a mapping node and turns it into load events.
    func record(_ node: Node, schema: ResolvedObject) -> [LoadEvent] {
        let (line, column) = position(node)
        context.beginRecord(line: line)
        guard case .mapping(let mapping) = node else { return [] }
        var path = FieldPath()
        let value = object(mapping, schema, depth: 0, path: &path)
        guard case .map(let map) = value else { return [] }
        return context.finishRecord(map, line: line, column: column)
    }

    func position(_ node: Node) -> (line: Int, column: Int) {
        guard let mark = node.mark else { return (0, 0) }
        return (mark.line, mark.column)
    }

    func value(_ node: Node, _ type: ResolvedType, depth: Int, path: inout FieldPath) -> Value {
        let (line, column) = position(node)
        guard depth < maxDepth else {
            context.error("field '\(path.rendered)': nesting deeper than \(maxDepth) levels", line: line, column: column)
            return RecordTypingContext.rejected
        }
        switch node {
        case .scalar(let scalar):
            return self.scalar(scalar, type, line: line, column: column, path: path)
        case .mapping(let mapping):
            switch type {
            case .object(let schema): return object(mapping, schema.target, depth: depth, path: &path)
            case .any: return object(mapping, nil, depth: depth, path: &path)
            default:
                context.typeMismatch(at: path, expected: type, found: "an object", line: line, column: column)
                return RecordTypingContext.rejected
            }
        case .sequence(let sequence):
            switch type {
            case .list(let item): return list(sequence, item.target.type, depth: depth, path: &path)
            case .any: return list(sequence, .any, depth: depth, path: &path)
            default:
                context.typeMismatch(at: path, expected: type, found: "a list", line: line, column: column)
                return RecordTypingContext.rejected
            }
        case .alias:
            context.error("field '\(path.rendered)': YAML aliases are not supported in case files", line: line, column: column)
            return RecordTypingContext.rejected
        }
    }

    private func object(_ mapping: Node.Mapping, _ schema: ResolvedObject?, depth: Int, path: inout FieldPath) -> Value {
        // Built whole at the end: changing a map one key at a time copies it each time.
        var pairs: [(String, Value)] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            let (keyLine, keyColumn) = position(keyNode)
            guard case .scalar(let keyScalar) = keyNode else {
                context.error("field names must be plain text, not a list or an object", line: keyLine, column: keyColumn)
                continue
            }
            let key = keyScalar.string
            var fieldType = ResolvedType.any
            if let schema {
                if let i = schema.fieldIndex(named: key) {
                    fieldType = schema.fieldTypes[i]
                } else {
                    context.unknownField(at: path, key, in: schema, line: keyLine, column: keyColumn)
                }
            }
            path.push(.key(key))
            let value = self.value(valueNode, fieldType, depth: depth + 1, path: &path)
            path.pop()
            if !seen.insert(key).inserted {
                context.duplicateField(at: path, key, line: keyLine, column: keyColumn)
            } else {
                pairs.append((key, value))
            }
        }
        let map = MapValue(stringKeyed: pairs)
        if let schema {
            let (line, column) = position(.mapping(mapping))
            context.checkRequired(at: path, schema, in: map, line: line, column: column)
        }
        return .map(map)
    }

    private func list(_ sequence: Node.Sequence, _ itemType: ResolvedType, depth: Int, path: inout FieldPath) -> Value {
        var items: [Value] = []
        items.reserveCapacity(sequence.count)
        for (index, item) in sequence.enumerated() {
            path.push(.index(index))
            if case .mapping = item, let mark = item.mark { context.noteItemLine(at: path, mark.line) }
            items.append(value(item, itemType, depth: depth + 1, path: &path))
            path.pop()
        }
        return .list(items)
    }

    private func scalar(_ scalar: Node.Scalar, _ type: ResolvedType, line: Int, column: Int, path: FieldPath) -> Value {
        let text = scalar.string
        let isPlain = scalar.style == .plain || scalar.style == .any
        let resolved = isPlain && scalar.tag.rawValue != Tag.Name.str.rawValue ? YAMLCoreScalar.resolve(text) : .string(text)
        switch type {
        case .any:
            return resolved
        case .string:
            if case .null = resolved { return .null }
            return .string(text)
        case .code(let codes):
            let allowed = codes.target
            if case .null = resolved { return .null }
            if !allowed.set.contains(text) { context.unlistedCode(at: path, text, allowed: allowed, line: line, column: column) }
            return .string(text)
        case .int:
            switch resolved {
            case .int, .null: return resolved
            default: break
            }
        case .double:
            switch resolved {
            case .int(let i): return .double(Double(i))
            case .double, .null: return resolved
            default: break
            }
        case .bool:
            switch resolved {
            case .bool, .null: return resolved
            default: break
            }
        case .date:
            if case .null = resolved { return .null }
            if let date = CalendarDate(iso: text) { return .date(date) }
            context.invalidDate(at: path, text, line: line, column: column)
            return RecordTypingContext.rejected
        case .list, .object:
            if case .null = resolved { return .null }
        }
        var hint: String?
        if case .bool = type, ["yes", "no", "y", "n", "on", "off"].contains(text.lowercased()) {
            hint = "write true or false"
        } else if case .int = type, !isPlain, Int64(text) != nil {
            hint = "write the number without quotes"
        }
        context.typeMismatch(at: path, expected: type, found: describeFound(resolved), line: line, column: column, hint: hint)
        return RecordTypingContext.rejected
    }
}
