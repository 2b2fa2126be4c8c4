import CEL
import CaseModel

/// Runs one of a rule's `examples:` and compares what the rule found with what the example expects.
enum ExampleRunner {
    static func run(_ example: RuleExample, rule: CompiledRule) -> ExampleResult {
        let records = example.records.map {
            CaseRecord(id: RuleEvaluation.text($0, "id"), value: $0, location: example.location)
        }
        var findings: [Finding] = []
        if rule.isAggregate {
            var tally = AggregateTally()
            for record in records { tally.merge(rule.tally(record: record, asOf: example.asOf)) }
            findings = rule.finish(tally, asOf: example.asOf)
        } else {
            for record in records { findings += rule.check(record: record, asOf: example.asOf) }
        }
        let errors = findings.filter { $0.status == .error }
        var problems: [String] = []
        if !errors.isEmpty && example.status != .error {
            problems.append("the rule could not be evaluated: \(errors[0].message)")
        } else {
            switch example.expect {
            case .pass where !findings.isEmpty:
                problems.append("expected no findings, got \(describe(findings))")
            case .fail where findings.isEmpty:
                problems.append("expected a finding, got none")
            default: break
            }
            if let count = example.findingCount, count != findings.count {
                problems.append("expected \(count) finding\(count == 1 ? "" : "s"), got \(describe(findings))")
            }
            if let status = example.status, let wrong = findings.first(where: { $0.status != status }) {
                problems.append("expected status \(status.rawValue), got \(wrong.status.rawValue): \(wrong.message)")
            }
        }
        return ExampleResult(example: example, passed: problems.isEmpty, findings: findings,
                             explanation: problems.isEmpty ? nil : problems.joined(separator: "; "))
    }

    private static func describe(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "none" }
        let shown = findings.prefix(3).map { "\($0.status.rawValue): \($0.message)" }.joined(separator: "; ")
        let more = findings.count > 3 ? " and \(findings.count - 3) more" : ""
        return "\(findings.count) (\(shown)\(more))"
    }
}
