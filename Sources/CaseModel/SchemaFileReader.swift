import CEL
import Yams

/// Walks the node tree of a schema file, building object schemas and collecting diagnostics.
/// A field with a problem is reported and left out; reading goes on.
struct SchemaFileReader {
    let file: String
    var diagnostics: [Diagnostic]

    static let typeNames = ["string", "int", "double", "bool", "date", "list", "object", "any"]
    private static let typeSynonyms = [
        "text": "string", "str": "string", "integer": "int", "number": "int", "float": "double",
        "decimal": "double", "boolean": "bool", "yes/no": "bool", "datetime": "date", "timestamp": "date",
        "array": "list", "sequence": "list", "map": "object", "mapping": "object", "dict": "object", "record": "object",
    ]
    private static let fieldKeys = ["type", "description", "required", "items", "fields", "values", "item_name"]
    private static let topKeys = ["child", "description"]

    mutating func error(_ node: Node?, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, at: YAMLDocument.location(file, node?.mark), message, hint: hint))
    }

    private func didYouMean(_ word: String, _ candidates: [String]) -> String? {
        Suggestion.hint(for: word, among: candidates)
    }

    mutating func readRoot(_ root: Node) -> ObjectSchema? {
        guard case .mapping(let top) = root else {
            error(root, "a schema file must be a mapping starting with 'child:'")
            return nil
        }
        var child: ObjectSchema?
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "child":
                guard case .mapping(let body) = value else {
                    error(value, "'child' must hold 'fields' (and optionally 'description')")
                    continue
                }
                for (k, _) in body where !["fields", "description"].contains(k.string ?? "") {
                    error(k, "unknown key '\(k.string ?? "")' under 'child'", hint: didYouMean(k.string ?? "", ["fields", "description"]))
                }
                if let description = body["description"], description.scalar == nil {
                    error(description, "'description' must be a line of text")
                }
                guard let fields = body["fields"] else {
                    error(value, "'child' has no 'fields'")
                    continue
                }
                child = ObjectSchema(name: "child", fields: readFields(fields, owner: "child"))
            case "description":
                if value.scalar == nil { error(value, "'description' must be a line of text") }
            default:
                error(keyNode, "unknown key '\(key)' at the top of the schema", hint: didYouMean(key, SchemaFileReader.topKeys))
            }
        }
        if top["child"] == nil { error(root, "the schema has no 'child:' section") }
        return child
    }

    /// Reads a `fields:` mapping into fields, in file order.
    private mutating func readFields(_ node: Node, owner: String) -> [ObjectSchema.Field] {
        guard case .mapping(let mapping) = node else {
            error(node, "the fields of '\(owner)' must be listed one a line as 'name: type' or 'name: {type: ..., description: ...}'")
            return []
        }
        var fields: [ObjectSchema.Field] = []
        for (keyNode, spec) in mapping {
            guard let name = keyNode.string, !name.isEmpty else {
                error(keyNode, "a field of '\(owner)' has no name")
                continue
            }
            guard SchemaFileReader.isFieldName(name) else {
                let fixed = SchemaFileReader.snakeCased(name)
                error(keyNode, "'\(name)' is not a valid field name: use lower-case letters, digits and underscores, starting with a letter",
                      hint: SchemaFileReader.isFieldName(fixed) ? "did you mean '\(fixed)'?" : nil)
                continue
            }
            if let field = readField(name: name, spec, keyNode: keyNode, owner: owner) { fields.append(field) }
        }
        return fields
    }

    private mutating func readField(name: String, _ spec: Node, keyNode: Node, owner: String) -> ObjectSchema.Field? {
        let location = YAMLDocument.location(file, keyNode.mark)
        switch spec {
        case .scalar(let s):
            guard !s.string.isEmpty else {
                error(spec.mark == nil ? keyNode : spec, "field '\(name)' of '\(owner)' has no type", hint: "write for example '\(name): string'")
                return nil
            }
            guard let type = readTypeName(s.string, node: spec, fieldName: name, items: nil, fields: nil, owner: owner) else { return nil }
            return ObjectSchema.Field(name: name, type: type, location: location)
        case .mapping(let m):
            for (k, _) in m where !SchemaFileReader.fieldKeys.contains(k.string ?? "") {
                error(k, "unknown key '\(k.string ?? "")' in the definition of field '\(name)'",
                      hint: didYouMean(k.string ?? "", SchemaFileReader.fieldKeys))
            }
            guard let typeNode = m["type"] else {
                error(keyNode, "field '\(name)' of '\(owner)' has no 'type'",
                      hint: m["fields"] != nil ? "add 'type: list' (or 'type: object')" : nil)
                return nil
            }
            guard case .scalar(let typeScalar) = typeNode else {
                error(typeNode, "the type of field '\(name)' must be a single word such as string, date or list")
                return nil
            }
            var description: String?
            if let d = m["description"] {
                if case .scalar(let ds) = d { description = ds.string } else { error(d, "'description' must be a line of text") }
            }
            var required = false
            if let r = m["required"] {
                switch r.scalar?.string.lowercased() {
                case "true", "yes": required = true
                case "false", "no": required = false
                default: error(r, "'required' must be true or false")
                }
            }
            var allowed: [String]?
            if let v = m["values"] {
                if case .sequence(let seq) = v, seq.allSatisfy({ $0.scalar != nil }) { allowed = seq.compactMap(\.string) }
                else { error(v, "'values' must be a list of the allowed values, such as [cin, cp, lac, other]") }
            }
            let itemName = m["item_name"]?.string
            guard let type = readTypeName(typeScalar.string, node: typeNode, fieldName: name, items: m["items"],
                                          fields: m["fields"], owner: owner, itemName: itemName) else { return nil }
            if allowed != nil, type != .string {
                error(m["values"], "'values' only applies to string fields; '\(name)' is \(type)")
            }
            return ObjectSchema.Field(name: name, type: type, required: required, description: description,
                                      allowedValues: allowed, location: location)
        default:
            error(spec, "field '\(name)' must be a type ('\(name): date') or a mapping ('\(name): {type: date, description: ...}')")
            return nil
        }
    }

    /// Reads a type name, with the `items` / `fields` that lists and objects need.
    private mutating func readTypeName(_ text: String, node: Node, fieldName: String, items: Node?, fields: Node?,
                                       owner: String, itemName: String? = nil) -> FieldType? {
        let words = text.lowercased().split(separator: " ").map(String.init)
        // `list of date` shorthand.
        if words.count == 3, words[0] == "list", words[1] == "of" {
            if items != nil || fields != nil {
                error(node, "field '\(fieldName)' says 'list of \(words[2])' and also gives items or fields; use one")
            }
            guard let item = scalarType(words[2], node: node, fieldName: fieldName) else { return nil }
            return .list(item)
        }
        let word = text.lowercased()
        switch word {
        case "list":
            switch (items, fields) {
            case (nil, nil):
                error(node, "list field '\(fieldName)' must say what it holds: 'items: date' for a list of dates, or 'fields:' for a list of records")
                return nil
            case (let i?, nil):
                guard let itemText = i.scalar?.string else {
                    error(i, "'items' must be a type such as date or string")
                    return nil
                }
                guard let item = scalarType(itemText, node: i, fieldName: fieldName) else { return nil }
                return .list(item)
            case (nil, let f?):
                let name = itemName ?? SchemaFileReader.singular(fieldName)
                return .list(.object(ObjectSchema(name: name, fields: readFields(f, owner: name))))
            case (let i?, _?):
                error(i, "list field '\(fieldName)' has both 'items' and 'fields'; use 'items' for plain values, 'fields' for records")
                return nil
            }
        case "object":
            if let i = items { error(i, "'items' only applies to lists; '\(fieldName)' is an object") }
            guard let f = fields else {
                error(node, "object field '\(fieldName)' needs 'fields:'")
                return nil
            }
            let name = itemName ?? fieldName
            return .object(ObjectSchema(name: name, fields: readFields(f, owner: name)))
        default:
            if let i = items { error(i, "'items' only applies to lists; '\(fieldName)' is \(word)") }
            if let f = fields { error(f, "'fields' only applies to lists and objects; '\(fieldName)' is \(word)") }
            return scalarType(text, node: node, fieldName: fieldName)
        }
    }

    /// A plain (non-container) type.
    private mutating func scalarType(_ text: String, node: Node, fieldName: String) -> FieldType? {
        switch text.lowercased() {
        case "string": return .string
        case "int": return .int
        case "double": return .double
        case "bool": return .bool
        case "date": return .date
        case "any": return .any
        case "list", "object":
            error(node, "field '\(fieldName)': a list of \(text)s cannot be written inline; give the items 'fields:' instead")
            return nil
        default:
            let lowered = text.lowercased()
            let hint = SchemaFileReader.typeSynonyms[lowered].map { "did you mean '\($0)'?" }
                ?? didYouMean(lowered, SchemaFileReader.typeNames)
            error(node, "unknown type '\(text)' for field '\(fieldName)' (types: \(SchemaFileReader.typeNames.joined(separator: ", ")))",
                  hint: hint)
            return nil
        }
    }

    static func isFieldName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// `Start Date` / `startDate` / `start-date` → `start_date`, for a hint.
    static func snakeCased(_ name: String) -> String {
        var out = ""
        for ch in name {
            if ch.isUppercase, !out.isEmpty, out.last != "_" { out.append("_") }
            if ch == " " || ch == "-" { if out.last != "_" { out.append("_") }; continue }
            out.append(contentsOf: ch.lowercased())
        }
        return out
    }

    /// `cp_plans` → `cp_plan`: a name for one item in messages.
    static func singular(_ listName: String) -> String {
        listName.hasSuffix("s") && listName.count > 1 ? String(listName.dropLast()) : listName
    }
}
