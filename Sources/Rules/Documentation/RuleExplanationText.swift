import CaseModel

/// A ``RuleExplanation`` as plain text for a person: the rule, the child, each item looked
/// at with its `when` result, every expression's value and its parts, the due dates
/// computed, and the verdict. What `casecheck explain` prints.
public enum RuleExplanationText {
    /// - Parameters:
    ///   - rule: the rule explained (for its title, source and timescale).
    ///   - caseID: the child's id; `record` where the child was read from, when known.
    ///   - group: for an aggregate rule, the child's group as tallied over every record read;
    ///     the verdict is then the group's, since one child alone cannot break a caseload limit.
    public static func render(_ explanation: RuleExplanation, rule: RuleDefinition, caseID: String,
                              record: SourceLocation? = nil, group: GroupVerdict? = nil) -> String {
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
        if let group {
            out += "this rule adds up across children; \(caseID) counts towards the group '\(group.name)', "
            out += "which has \(ValueText.number(group.figure)) over the \(group.recordCount) record\(group.recordCount == 1 ? "" : "s") read"
            out += rule.kind.timescale.map { " (allowed: \($0))" } ?? ""
            out += "\n"
            if group.findings.isEmpty { out += "  no finding for this group; the rule is met\n" }
            explanation.findings.filter { $0.status == .error }.forEach { out += line($0) }
            group.findings.forEach { out += line($0) }
            return out
        }
        if case .aggregate = rule.kind, explanation.findings.isEmpty {
            out += "this rule adds up across children, and \(caseID) is not counted in any group\n"
        } else if explanation.findings.isEmpty {
            out += "no finding; the rule is met\n"
        } else {
            let n = explanation.findings.count
            out += "\(n) finding\(n == 1 ? "" : "s")\n"
            explanation.findings.forEach { out += line($0) }
        }
        return out
    }

    /// An aggregate rule's group as tallied over every record read, for the verdict.
    public struct GroupVerdict: Sendable {
        public var name: String
        public var figure: Double
        public var recordCount: Int
        /// The rule's findings for this group (none when within bounds).
        public var findings: [Finding]

        public init(name: String, figure: Double, recordCount: Int, findings: [Finding]) {
            self.name = name
            self.figure = figure
            self.recordCount = recordCount
            self.findings = findings
        }
    }

    private static func line(_ f: Finding) -> String {
        var line = "  \(f.status.rawValue.replacingOccurrences(of: "_", with: " "))"
        if let item = f.item { line += " \(item)" }
        if let group = f.group { line += " (group \(group))" }
        line += ": \(f.message)"
        var details: [String] = []
        if let due = f.due { details.append("due \(due.isoString)") }
        if let late = f.daysLate, late > 0 { details.append("\(late) day\(late == 1 ? "" : "s") late") }
        if !details.isEmpty { line += " [\(details.joined(separator: ", "))]" }
        return line + "\n"
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
