import Foundation

/// A JSON Schema (draft-07) for rule files, so that YAML editors (yaml-language-server's
/// `# yaml-language-server: $schema=...` comment, VS Code) complete keys and flag mistakes as
/// the rule is typed. Built from the same key lists the loader checks, so the two cannot drift.
public enum RuleFileJSONSchema {
    /// The schema as pretty-printed JSON with sorted keys (stable output to commit).
    public static func text() -> String {
        let data = (try? JSONSerialization.data(withJSONObject: document(), options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The schema as JSON-compatible values.
    public static func document() -> [String: Any] {
        let expression: [String: Any] = [
            "type": ["string", "boolean", "number"],
            "description": "A CEL expression, such as plan.start_date <= as_of",
        ]
        let duration: [String: Any] = [
            "type": "string",
            "pattern": "^\\s*[0-9]+\\s*(day|days|working day|working days|week|weeks|month|months|year|years)\\s*$",
            "description": "A timescale such as '45 working days', '6 weeks', '3 months', '1 year'",
        ]
        func object(_ properties: [String: Any], required: [String], description: String) -> [String: Any] {
            ["type": "object", "additionalProperties": false, "properties": properties, "required": required,
             "description": description]
        }
        let ref = { (name: String) -> [String: Any] in ["$ref": "#/definitions/\(name)"] }
        let text: [String: Any] = ["type": "string"]

        let deadline = object(["start": ref("expression"), "done": ref("expression"), "within": ref("duration"),
                               "warn_within": ref("duration")],
                              required: ["start", "done", "within"],
                              description: "Done within a timescale of the start")
        let step: [String: Any] = [
            "type": "object", "additionalProperties": false,
            "properties": ["within": ref("duration"), "every": ref("duration"), "for": ref("duration")],
            "description": "A step: {within: 1 week} for the first event, {every: 6 weeks, for: 1 year}, {every: 3 months}",
        ]
        let cadence = object(["events": ref("expression"), "from": ref("expression"), "until": ref("expression"),
                              "first_within": ref("duration"), "then_every": ref("duration"),
                              "schedule": ["type": "array", "items": step, "minItems": 1]],
                             required: ["events", "from"],
                             description: "Events recur: the first within a timescale of the start, then at most a given interval apart")
        let duration_ = object(["start": ref("expression"), "end": ref("expression"), "min": ref("duration"), "max": ref("duration")],
                               required: ["start", "end"], description: "A span lasts at least min and at most max")
        let noOverlap = object(["start": ref("expression"), "end": ref("expression")], required: ["start", "end"],
                               description: "The for_each items' spans do not overlap")
        let aggregate = object(["group_by": ref("expression"), "count": ["const": true], "sum": ref("expression"),
                                "max": ["type": "number"], "min": ["type": "number"]],
                               required: ["group_by"], description: "A figure per group (count or sum) within bounds")
        let example = object(["name": text, "as_of": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"],
                              "expect": ["enum": ["pass", "fail"]], "case": ["type": "object"],
                              "cases": ["type": "array", "items": ["type": "object"]],
                              "findings": ["type": "integer", "minimum": 0],
                              "status": ["enum": FindingStatus.allCases.map(\.rawValue)]],
                             required: ["as_of", "expect"], description: "A case the rule should pass or fail on")

        var ruleProperties: [String: Any] = [
            "id": ["type": "string", "pattern": "^[A-Za-z0-9._-]+$", "description": "Unique across the pack and stable"],
            "title": text, "area": text, "source": text, "rationale": text,
            "severity": ["enum": Severity.allCases.map(\.rawValue)],
            "for_each": ref("expression"),
            "as": ["type": "string", "pattern": "^[A-Za-z_][A-Za-z0-9_]*$"],
            "when": ref("expression"),
            "message": ["type": "string", "description": "Finding text; {{expression}} is filled in"],
            "examples": ["type": "array", "items": example],
        ]
        let kinds: [String: [String: Any]] = [
            "expect": expression, "deadline": deadline, "cadence": cadence, "duration": duration_,
            "no_overlap": noOverlap, "aggregate": aggregate,
        ]
        for (name, schema) in kinds { ruleProperties[name] = schema }
        var rule = object(ruleProperties, required: ["id", "title", "severity"], description: "One rule")
        rule["oneOf"] = RuleKind.keywords.map { ["required": [$0]] }

        return [
            "$schema": "http://json-schema.org/draft-07/schema#",
            "title": "casecheck rule file",
            "type": "object",
            "additionalProperties": false,
            "patternProperties": ["^x-": ["description": "Settings shared between rules with anchors and merge keys (<<: *name)"]],
            "required": ["rules"],
            "properties": ["rules": ["type": "array", "items": ref("rule")]],
            "definitions": ["rule": rule, "expression": expression, "duration": duration],
        ]
    }
}
