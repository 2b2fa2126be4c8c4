import CaseModel

/// A ``RuleExplanation`` as plain text for a person: the rule, the child, each item looked
/// at with its `when` result, every expression's value and its parts, the due dates
/// computed, and the verdict. What `casecheck explain` prints.
public enum RuleExplanationText {
    /// - Parameters:
    ///   - rule: the rule explained (for its title, source and timescale).
    ///   - caseID: the child's id; `record` where the child was read from, when known.
    public static func render(_ explanation: RuleExplanation, rule: RuleDefinition, caseID: String,
                              record: SourceLocation? = nil) -> String {
        var out = "\(rule.id): \(rule.title)\n"
        out += "  severity \(rule.severity.rawValue), written at \(rule.location)\n"
        if let source = rule.source { out += "  source: \(oneLine(source))\n" }
        if let timescale = rule.kind.timescale { out += "  timescale: \(timescale)\n" }
        out += "\nChild \(caseID)\(record.map { " (\($0))" } ?? ""), as of \(explanation.asOf.isoString)\n"

        if let forEach = explanation.forEach {
            out += "\n" + step(forEach, indent: "")
            if explanation.items.isEmpty { out += "  nothing to check: the list is empty or missing\n" }
        }
        for item in explanation.items {
            out += "\n\(item.path ?? "the child")\n"
            if let when = item.when {
                out += step(when, indent: "  ")
                if !item.checked { out += "  not checked: 'when' is not true for it\n" }
            }
            for s in item.steps { out += step(s, indent: "  ") }
            if !item.dueDates.isEmpty {
                out += "  due dates:\n"
                for line in item.dueDates { out += "    \(line)\n" }
            }
        }

        out += "\nVerdict: "
        if explanation.findings.isEmpty {
            out += "no finding; the rule is met\n"
        } else {
            let n = explanation.findings.count
            out += "\(n) finding\(n == 1 ? "" : "s")\n"
            for f in explanation.findings {
                var line = "  \(f.status.rawValue.replacingOccurrences(of: "_", with: " "))"
                if let item = f.item { line += " \(item)" }
                if let group = f.group { line += " (group \(group))" }
                line += ": \(f.message)"
                var details: [String] = []
                if let due = f.due { details.append("due \(due.isoString)") }
                if let late = f.daysLate, late > 0 { details.append("\(late) day\(late == 1 ? "" : "s") late") }
                if !details.isEmpty { line += " [\(details.joined(separator: ", "))]" }
                out += line + "\n"
            }
        }
        return out
    }

    /// `when: plan.start_date <= as_of  →  yes`, then its parts indented below.
    private static func step(_ s: RuleExplanation.Step, indent: String) -> String {
        var out = "\(indent)\(s.role): \(oneLine(s.expression))  →  \(s.value)\n"
        for part in s.parts {
            out += indent + String(repeating: "  ", count: part.depth + 1) + "\(part.expression)  →  \(part.value)\n"
        }
        return out
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { String($0).trimmingWhitespace() }.joined(separator: " ")
    }
}
