import CEL
import CaseModel

/// An aggregate rule's verdict once every record has been tallied: one finding per group
/// out of bounds, with `group` set and no case.
struct AggregateFinish {
    let rule: CompiledRule
    let asOf: CalendarDate

    func findings(_ tally: AggregateTally) -> [Finding] {
        guard case .aggregate(_, _, let max, let min) = rule.kind else { return tally.errors }
        var out = tally.errors
        let v = rule.variables
        var activation = Activation(count: v.count)
        activation[v.asOf] = .date(asOf)
        for group in tally.figures.keys.sorted() {
            let figure = tally.figures[group]!
            guard AggregateBounds.excess(figure, min: min, max: max) != nil else { continue }
            let message: String
            if let template = rule.message {
                activation[v.group] = .string(group)
                activation[v.value] = MessageDefaults.number(figure)
                message = template.render(activation)
            } else {
                let bound = (max.map { figure > $0 } ?? false)
                    ? "more than the maximum \(ValueText.number(max!))"
                    : "less than the minimum \(ValueText.number(min!))"
                message = "\(rule.definition.title): \(group) has \(ValueText.number(figure)), \(bound)"
            }
            out.append(Finding(rule: rule.id, severity: rule.severity, status: .breach, caseID: nil, item: nil,
                               group: group, message: message, due: nil, daysLate: nil, worker: nil, team: nil,
                               location: nil, ruleLocation: rule.location,
                               fingerprint: Fingerprint.of([rule.id, "group", group])))
        }
        return out
    }
}
