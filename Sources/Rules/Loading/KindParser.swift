import CEL
import CaseModel
import Yams

/// Reads a rule's check (`expect`, `deadline`, `cadence`, `duration`, `no_overlap`, `aggregate`).
struct KindParser {
    var reader: NodeReader
    /// Fields that an unknown key was taken for ('witin' → 'within'): already reported, so
    /// not reported again as missing.
    private var misspelt: Set<String> = []

    init(reader: NodeReader) { self.reader = reader }

    static let deadlineKeys = ["start", "done", "within", "warn_within"]
    static let cadenceKeys = ["events", "from", "until", "first_within", "then_every", "schedule"]
    static let durationKeys = ["start", "end", "min", "max"]
    static let noOverlapKeys = ["start", "end"]
    static let aggregateKeys = ["group_by", "count", "sum", "max", "min"]
    static let stepKeys = ["within", "every", "for"]

    mutating func parse(_ entry: NodeReader.Entry) -> RuleKind? {
        switch entry.key {
        case "expect":
            return reader.expression(entry.value, key: "expect").map(RuleKind.expect)
        case "deadline": return deadline(entry)
        case "cadence": return cadence(entry)
        case "duration": return duration(entry)
        case "no_overlap": return noOverlap(entry)
        case "aggregate": return aggregate(entry)
        default: return nil
        }
    }

    /// The keys a kind's mapping may hold (none for `expect`, which is an expression).
    static func fieldKeys(of kind: String) -> [String] {
        switch kind {
        case "deadline": return deadlineKeys
        case "cadence": return cadenceKeys
        case "duration": return durationKeys
        case "no_overlap": return noOverlapKeys
        case "aggregate": return aggregateKeys
        default: return []
        }
    }

    /// The fields of a kind's mapping, reporting unknown keys; nil when it is not a mapping.
    private mutating func fields(_ entry: NodeReader.Entry, allowed: [String]) -> [String: (key: Node, value: Node)]? {
        if NodeReader.isNull(entry.value) {
            reader.error(entry.keyNode, "'\(entry.key)' is empty; its fields go on the lines below it",
                         hint: "indent them further than '\(entry.key)', such as \(allowed.prefix(3).map { "'\($0):'" }.joined(separator: ", "))")
            return nil
        }
        guard let entries = reader.entries(entry.value, what: "'\(entry.key)'") else { return nil }
        let unknown = reader.rejectUnknownKeys(entries, allowed: allowed, in: "'\(entry.key)'")
        misspelt = Set(unknown.compactMap { Suggestion.closest(to: $0.key, among: allowed) })
        var out: [String: (key: Node, value: Node)] = [:]
        for e in entries where allowed.contains(e.key) { out[e.key] = (e.keyNode, e.value) }
        return out
    }

    private mutating func required(_ fields: [String: (key: Node, value: Node)], _ key: String,
                                   in entry: NodeReader.Entry, example: String) -> Node? {
        if let f = fields[key], !NodeReader.isNull(f.value) { return f.value }
        if let f = fields[key] {
            reader.error(f.value, "'\(key)' in '\(entry.key)' is empty; give it an expression", hint: "for example '\(key): \(example)'")
        } else if !misspelt.contains(key) {
            reader.error(entry.keyNode, "'\(entry.key)' needs '\(key)'", hint: "for example '\(key): \(example)'")
        }
        return nil
    }

    /// An optional field: absent and `null` both mean "not given".
    private func optional(_ fields: [String: (key: Node, value: Node)], _ key: String) -> Node? {
        guard let f = fields[key], !NodeReader.isNull(f.value) else { return nil }
        return f.value
    }

    private mutating func deadline(_ entry: NodeReader.Entry) -> RuleKind? {
        guard let f = fields(entry, allowed: KindParser.deadlineKeys) else { return nil }
        let start = required(f, "start", in: entry, example: "item.start_date").flatMap { reader.expression($0, key: "start") }
        let done = required(f, "done", in: entry, example: "item.authorised_date").flatMap { reader.expression($0, key: "done") }
        let within = required(f, "within", in: entry, example: "45 working days").flatMap { reader.span($0, key: "within") }
        let warnNode = optional(f, "warn_within")
        let warn = warnNode.flatMap { reader.span($0, key: "warn_within") }
        guard let start, let done, let within, warnNode == nil || warn != nil else { return nil }
        return .deadline(.init(start: start, done: done, within: within, warnWithin: warn))
    }

    private mutating func cadence(_ entry: NodeReader.Entry) -> RuleKind? {
        guard let f = fields(entry, allowed: KindParser.cadenceKeys) else { return nil }
        let events = required(f, "events", in: entry, example: "plan.reviews").flatMap { reader.expression($0, key: "events") }
        let from = required(f, "from", in: entry, example: "plan.start_date").flatMap { reader.expression($0, key: "from") }
        let untilNode = optional(f, "until")
        let until = untilNode.flatMap { reader.expression($0, key: "until") }
        let firstNode = optional(f, "first_within"), everyNode = optional(f, "then_every")
        let first = firstNode.flatMap { reader.span($0, key: "first_within") }
        let every = everyNode.flatMap { reader.span($0, key: "then_every") }
        var schedule: [ScheduleStep]?
        if let scheduleNode = optional(f, "schedule") {
            if firstNode != nil || everyNode != nil {
                reader.error(f["schedule"]!.key,
                             "'cadence' has both 'schedule' and 'first_within'/'then_every'; use one or the other")
            }
            schedule = steps(scheduleNode)
        } else if let every {
            schedule = [.within(first ?? every), .every(every, for: nil)]
        } else if everyNode == nil {
            reader.error(entry.keyNode, "'cadence' needs 'then_every' (or a 'schedule' of steps)",
                         hint: "for example 'first_within: 3 months' and 'then_every: 6 months'")
        }
        guard let events, let from, let schedule, untilNode == nil || until != nil,
              firstNode == nil || first != nil else { return nil }
        return .cadence(.init(events: events, from: from, until: until, schedule: schedule))
    }

    /// `schedule: [{within: 1 week}, {every: 6 weeks, for: 1 year}, {every: 3 months}]`.
    private mutating func steps(_ node: Node) -> [ScheduleStep]? {
        guard case .sequence(let list) = node, !list.isEmpty else {
            reader.error(node, "'schedule' should be a list of steps such as '- within: 1 week' and '- every: 6 weeks', but found \(NodeReader.describe(node))")
            return nil
        }
        var steps: [ScheduleStep] = []
        var ok = true
        var openEnded: Node?
        for (n, stepNode) in list.enumerated() {
            guard let entries = reader.entries(stepNode, what: "a schedule step") else { ok = false; continue }
            reader.rejectUnknownKeys(entries, allowed: KindParser.stepKeys, in: "a schedule step")
            func v(_ k: String) -> Node? { entries.first { $0.key == k }?.value }
            if let previous = openEnded {
                reader.error(stepNode, "this step is never reached: the step before it (line \(reader.location(previous).line)) has no 'for:' and so lasts for ever",
                             hint: "add 'for:' to the earlier step, such as 'for: 1 year'")
                ok = false
            }
            if let within = v("within") {
                if v("every") != nil {
                    reader.error(stepNode, "a schedule step has either 'within' (the first event) or 'every', not both")
                    ok = false
                } else if n != 0 {
                    reader.error(stepNode, "'within' can only be the first step: it is when the first event is due")
                    ok = false
                } else if let span = reader.span(within, key: "within") {
                    steps.append(.within(span))
                } else { ok = false }
                if v("for") != nil {
                    reader.error(stepNode, "'for' belongs with 'every', not with 'within'")
                    ok = false
                }
            } else if let every = v("every") {
                let span = reader.span(every, key: "every")
                let period = v("for").flatMap { reader.span($0, key: "for") }
                if span == nil || (v("for") != nil && period == nil) { ok = false; continue }
                steps.append(.every(span!, for: period))
                if period == nil { openEnded = stepNode }
            } else {
                reader.error(stepNode, "a schedule step needs 'within' (for the first event) or 'every'")
                ok = false
            }
        }
        guard ok else { return nil }
        if case .within = steps.first, steps.count == 1 {
            reader.error(node, "the schedule only says when the first event is due; add a step with 'every'")
            return nil
        }
        return steps
    }

    private mutating func duration(_ entry: NodeReader.Entry) -> RuleKind? {
        guard let f = fields(entry, allowed: KindParser.durationKeys) else { return nil }
        let start = required(f, "start", in: entry, example: "plan.start_date").flatMap { reader.expression($0, key: "start") }
        let end = required(f, "end", in: entry, example: "plan.end_date").flatMap { reader.expression($0, key: "end") }
        let minNode = optional(f, "min"), maxNode = optional(f, "max")
        let min = minNode.flatMap { reader.span($0, key: "min") }
        let max = maxNode.flatMap { reader.span($0, key: "max") }
        if minNode == nil && maxNode == nil {
            reader.error(entry.keyNode, "'duration' needs 'min', 'max' or both", hint: "for example 'max: 2 years'")
        }
        guard let start, let end, minNode != nil || maxNode != nil,
              minNode == nil || min != nil, maxNode == nil || max != nil else { return nil }
        return .duration(.init(start: start, end: end, min: min, max: max))
    }

    private mutating func noOverlap(_ entry: NodeReader.Entry) -> RuleKind? {
        guard let f = fields(entry, allowed: KindParser.noOverlapKeys) else { return nil }
        let start = required(f, "start", in: entry, example: "item.start_date").flatMap { reader.expression($0, key: "start") }
        let end = required(f, "end", in: entry, example: "item.end_date").flatMap { reader.expression($0, key: "end") }
        guard let start, let end else { return nil }
        return .noOverlap(.init(start: start, end: end))
    }

    private mutating func aggregate(_ entry: NodeReader.Entry) -> RuleKind? {
        guard let f = fields(entry, allowed: KindParser.aggregateKeys) else { return nil }
        let group = required(f, "group_by", in: entry, example: "child.worker").flatMap { reader.expression($0, key: "group_by") }
        var measure: RuleKind.Aggregate.Measure?
        let countNode = optional(f, "count"), sumNode = optional(f, "sum")
        switch (countNode, sumNode) {
        case (let c?, nil):
            if let b = reader.bool(c, key: "count") {
                if b { measure = .count } else {
                    reader.error(c, "'count: false' counts nothing; write 'count: true' or use 'sum:'")
                }
            }
        case (nil, let s?):
            measure = reader.expression(s, key: "sum").map(RuleKind.Aggregate.Measure.sum)
        case (_?, _?):
            reader.error(f["sum"]!.key, "'aggregate' has both 'count' and 'sum'; use one")
        case (nil, nil):
            reader.error(entry.keyNode, "'aggregate' needs 'count: true' or 'sum: <expression>'")
        }
        let minNode = optional(f, "min"), maxNode = optional(f, "max")
        let min = minNode.flatMap { reader.number($0, key: "min") }
        let max = maxNode.flatMap { reader.number($0, key: "max") }
        if minNode == nil && maxNode == nil {
            reader.error(entry.keyNode, "'aggregate' needs 'max', 'min' or both", hint: "for example 'max: 20'")
        }
        guard let group, let measure, minNode != nil || maxNode != nil,
              minNode == nil || min != nil, maxNode == nil || max != nil else { return nil }
        return .aggregate(.init(groupBy: group, measure: measure, max: max, min: min))
    }
}
