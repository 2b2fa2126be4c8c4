import CaseModel
import Foundation

/// A JSON Schema (draft-07) for case files, generated from the case schema
/// (`rules/schema.yaml`), so that YAML and JSON editors complete field names and flag
/// misspelt fields, wrong types and unlisted codes while a case file is typed.
///
/// A case file holds one record or a list of records. Fields the schema does not list are
/// flagged (casecheck itself only warns and keeps them), since in an editor they are most
/// often typing slips; a local field belongs in `schema.yaml`, then regenerate.
public enum CaseRecordJSONSchema {
    /// The schema as pretty-printed JSON with sorted keys (stable output to commit).
    public static func text(for schema: CaseSchema, title: String = "casecheck case file") -> String {
        let data = (try? JSONSerialization.data(withJSONObject: document(for: schema, title: title),
                                                options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The schema as JSON-compatible values.
    public static func document(for schema: CaseSchema, title: String = "casecheck case file") -> [String: Any] {
        let record: [String: Any] = ["$ref": "#/definitions/child"]
        return [
            "$schema": "http://json-schema.org/draft-07/schema#",
            "title": title,
            "description": "One child's case record, or a list of them",
            "oneOf": [record, ["type": "array", "items": record]],
            "definitions": ["child": object(schema.root)],
        ]
    }

    private static func object(_ o: ObjectSchema) -> [String: Any] {
        var properties: [String: Any] = [:]
        for field in o.fields { properties[field.name] = property(field) }
        var out: [String: Any] = ["type": "object", "additionalProperties": false, "properties": properties]
        let required = o.fields.filter(\.required).map(\.name)
        if !required.isEmpty { out["required"] = required }
        return out
    }

    private static func property(_ field: ObjectSchema.Field) -> [String: Any] {
        var out = type(field.type, allowedValues: field.allowedValues)
        // A missing optional field reads as null, and exports often write it out as null.
        if !field.required { out = ["anyOf": [out, ["type": "null"]]] }
        if let description = field.description { out["description"] = description }
        return out
    }

    private static func type(_ type: FieldType, allowedValues: [String]? = nil) -> [String: Any] {
        switch type {
        case .string:
            if let values = allowedValues, !values.isEmpty { return ["type": "string", "enum": values] }
            return ["type": "string"]
        case .int: return ["type": "integer"]
        case .double: return ["type": "number"]
        case .bool: return ["type": "boolean"]
        case .date:
            return ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
                    "description": "A date written YYYY-MM-DD"]
        case .list(let item): return ["type": "array", "items": self.type(item)]
        case .object(let o): return object(o)
        case .any: return [:]
        }
    }
}
