import Foundation
import Yams

/// A small JSON Schema (draft-07) checker for the keywords casecheck's generated schemas
/// use, written for the tests: whether a schema is well formed, and whether a document
/// (read from YAML as an editor would) satisfies it.
struct JSONSchemaCheck {
    static let keywords: Set<String> = [
        "$schema", "$ref", "title", "description", "type", "properties", "patternProperties",
        "additionalProperties", "required", "items", "enum", "const", "pattern", "minItems", "minimum",
        "oneOf", "anyOf", "definitions", "format",
    ]
    static let types: Set<String> = ["object", "array", "string", "number", "integer", "boolean", "null"]

    let root: [String: Any]

    /// Problems with the schema itself: unknown keywords, bad types, unresolved `$ref`s,
    /// patterns that do not compile, required keys that are not properties.
    func structuralProblems() -> [String] { problems(root, at: "#") }

    private func problems(_ node: [String: Any], at path: String) -> [String] {
        var out: [String] = []
        for key in node.keys where !JSONSchemaCheck.keywords.contains(key) { out.append("\(path): unknown keyword '\(key)'") }
        if let type = node["type"] {
            let names = (type as? [String]) ?? [(type as? String) ?? "?"]
            for name in names where !JSONSchemaCheck.types.contains(name) { out.append("\(path): unknown type '\(name)'") }
        }
        if let ref = node["$ref"] as? String, resolve(ref) == nil { out.append("\(path): $ref '\(ref)' does not resolve") }
        if let pattern = node["pattern"] as? String, (try? NSRegularExpression(pattern: pattern)) == nil {
            out.append("\(path): pattern does not compile")
        }
        if let values = node["enum"] as? [Any], values.isEmpty { out.append("\(path): empty enum") }
        let properties = node["properties"] as? [String: Any]
        if node["properties"] != nil && properties == nil { out.append("\(path): properties is not an object") }
        if let required = node["required"] {
            guard let names = required as? [String] else { return out + ["\(path): required is not a list of names"] }
            if let properties { for name in names where properties[name] == nil { out.append("\(path): required '\(name)' is not a property") } }
        }
        if let extra = node["additionalProperties"], !(extra is Bool || extra is [String: Any]) {
            out.append("\(path): additionalProperties is neither true/false nor a schema")
        }
        for (name, sub) in properties ?? [:] { out += child(sub, at: "\(path)/properties/\(name)") }
        for (name, sub) in (node["patternProperties"] as? [String: Any]) ?? [:] {
            if (try? NSRegularExpression(pattern: name)) == nil { out.append("\(path): property pattern '\(name)' does not compile") }
            out += child(sub, at: "\(path)/patternProperties/\(name)")
        }
        for (name, sub) in (node["definitions"] as? [String: Any]) ?? [:] { out += child(sub, at: "\(path)/definitions/\(name)") }
        if let items = node["items"] { out += child(items, at: "\(path)/items") }
        if let extra = node["additionalProperties"] as? [String: Any] { out += problems(extra, at: "\(path)/additionalProperties") }
        for key in ["oneOf", "anyOf"] {
            guard let list = node[key] else { continue }
            guard let schemas = list as? [Any], !schemas.isEmpty else { out.append("\(path): \(key) is not a non-empty list"); continue }
            for (n, sub) in schemas.enumerated() { out += child(sub, at: "\(path)/\(key)/\(n)") }
        }
        return out
    }

    private func child(_ value: Any, at path: String) -> [String] {
        guard let schema = value as? [String: Any] else { return ["\(path): not a schema object"] }
        return problems(schema, at: path)
    }

    private func resolve(_ ref: String) -> [String: Any]? {
        guard ref.hasPrefix("#/") else { return nil }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let object = node as? [String: Any], let next = object[String(part)] else { return nil }
            node = next
        }
        return node as? [String: Any]
    }

    // MARK: validation

    /// Where `instance` breaks the schema, as `path: problem` lines; empty when it conforms.
    func validate(_ instance: Any) -> [String] { validate(instance, root, at: "$") }

    private func validate(_ value: Any, _ schema: [String: Any], at path: String) -> [String] {
        if let ref = schema["$ref"] as? String {
            guard let target = resolve(ref) else { return ["\(path): unresolved \(ref)"] }
            return validate(value, target, at: path)
        }
        var out: [String] = []
        if let type = schema["type"] {
            let names = (type as? [String]) ?? [(type as? String) ?? ""]
            if !names.contains(where: { JSONSchemaCheck.matches(value, type: $0) }) {
                return ["\(path): expected \(names.joined(separator: " or ")), found \(JSONSchemaCheck.kind(of: value))"]
            }
        }
        if let values = schema["enum"] as? [Any], !values.contains(where: { JSONSchemaCheck.equal($0, value) }) {
            out.append("\(path): '\(value)' is not one of the allowed values")
        }
        if let constant = schema["const"], !JSONSchemaCheck.equal(constant, value) { out.append("\(path): should be \(constant)") }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
           let regex = try? NSRegularExpression(pattern: pattern),
           regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil {
            out.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            let patterns = schema["patternProperties"] as? [String: Any] ?? [:]
            for name in (schema["required"] as? [String]) ?? [] where object[name] == nil { out.append("\(path): '\(name)' is missing") }
            for (key, inner) in object {
                if let sub = properties[key] as? [String: Any] {
                    out += validate(inner, sub, at: "\(path).\(key)")
                } else if let (_, sub) = patterns.first(where: { p, _ in key.range(of: p, options: .regularExpression) != nil }) {
                    out += validate(inner, (sub as? [String: Any]) ?? [:], at: "\(path).\(key)")
                } else if (schema["additionalProperties"] as? Bool) == false {
                    out.append("\(path): '\(key)' is not allowed here")
                }
            }
        }
        if let list = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (n, item) in list.enumerated() { out += validate(item, items, at: "\(path)[\(n)]") }
        }
        if let options = schema["anyOf"] as? [[String: Any]] {
            let results = options.map { validate(value, $0, at: path) }
            if !results.contains(where: \.isEmpty) {
                out.append("\(path): matches none of the allowed forms")
                out += nearest(results, at: path)
            }
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let results = options.map { validate(value, $0, at: path) }
            let count = results.filter(\.isEmpty).count
            if count != 1 {
                out.append("\(path): should match exactly one of the allowed forms, matches \(count)")
                if count == 0 { out += nearest(results, at: path) }
            }
        }
        return out
    }

    /// Why the nearest form failed: among the forms of the right type, the one with fewest problems.
    private func nearest(_ results: [[String]], at path: String) -> [String] {
        let rightType = results.filter { !$0.contains { $0.hasPrefix("\(path): expected ") } }
        return (rightType.isEmpty ? results : rightType).min(by: { $0.count < $1.count }) ?? []
    }

    static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "boolean": return value is Bool
        case "integer": return value is Int
        case "number": return value is Int || value is Double
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        default: return false
        }
    }

    static func kind(of value: Any) -> String {
        for t in ["null", "boolean", "integer", "number", "string", "array", "object"] where matches(value, type: t) { return t }
        return "\(type(of: value))"
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let x = a as? String, let y = b as? String { return x == y }
        if let x = a as? Bool, let y = b as? Bool { return x == y }
        if let x = a as? Int, let y = b as? Int { return x == y }
        return false
    }

    /// A YAML document as an editor's YAML language server sees it: plain scalars typed by
    /// the YAML core schema (dates stay text), quoted scalars text.
    static func value(of node: Node) -> Any {
        switch node {
        case .scalar(let s):
            switch node.tag.rawValue {
            case Tag.Name.null.rawValue: return NSNull()
            case Tag.Name.bool.rawValue: return node.bool ?? s.string
            case Tag.Name.int.rawValue: return node.int ?? s.string
            case Tag.Name.float.rawValue: return node.float ?? s.string
            default: return s.string
            }
        case .mapping(let m):
            var out: [String: Any] = [:]
            for (k, v) in m { out[k.string ?? "\(k)"] = value(of: v) }
            return out
        case .sequence(let items):
            return items.map(value(of:))
        default:
            return NSNull()
        }
    }
}
