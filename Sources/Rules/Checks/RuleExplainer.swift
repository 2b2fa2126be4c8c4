import CEL
import CaseModel

/// Re-runs a rule on one record, recording each expression's value and the due dates
/// computed, for `casecheck explain`. The verdict itself comes from the rule's own check, so
/// the explanation can never disagree with a run.
struct RuleExplainer {
    let rule: CompiledRule
    let record: CaseRecord
    let asOf: CalendarDate

    func explain() -> RuleExplanation {
        let v = rule.variables
        var activation = Activation(count: v.count)
        activation[v.child] = record.value
        activation[v.asOf] = .date(asOf)

        var forEachStep: RuleExplanation.Step?
        var units: [(value: Value, path: String?)] = []
        if let forEach = rule.forEach {
            let value = forEach.evaluate(activation)
            var summary = ValueText.render(value)
            if case .list(let items) = value {
                summary = items.count == 1 ? "1 item" : "\(items.count) items"
                for (n, item) in items.enumerated() {
                    units.append((item, rule.itemPaths.name(item: item, position: n, in: record.value).path))
                }
            }
            forEachStep = step(forEach, value: summary, activation)
        } else {
            units = [(record.value, nil)]
        }

        var items: [RuleExplanation.Item] = []
        for unit in units {
            activation[v.item] = unit.value
            if let alias = v.itemAlias { activation[alias] = unit.value }
            var whenStep: RuleExplanation.Step?
            var checked = true
            if let when = rule.when {
                let value = when.evaluate(activation)
                whenStep = step(when, value: RuleExplainer.text(value), activation)
                if case .bool(true) = value {} else { checked = false }
            }
            var steps: [RuleExplanation.Step] = []
            var dues: [String] = []
            if checked {
                for e in kindExpressions() { steps.append(step(e, value: RuleExplainer.text(e.evaluate(activation)), activation)) }
                dues = dueDates(activation)
            }
            items.append(RuleExplanation.Item(path: unit.path, when: whenStep, checked: checked, steps: steps, dueDates: dues))
        }
        let findings = rule.isAggregate
            ? rule.finish(rule.tally(record: record, asOf: asOf), asOf: asOf)
            : rule.check(record: record, asOf: asOf)
        return RuleExplanation(rule: rule.id, asOf: asOf, forEach: forEachStep, items: items, findings: findings)
    }

    private func step(_ e: CompiledExpression, value: String, _ activation: Activation) -> RuleExplanation.Step {
        var step = RuleExplanation.Step(role: e.role, expression: e.source.text, value: value, location: e.source.location)
        step.parts = e.trace(activation).compactMap(RuleExplainer.part)
        return step
    }

    /// A value as a finding message would show it, but an empty list says so.
    static func text(_ value: Value) -> String {
        if case .list(let items) = value, items.isEmpty { return "an empty list" }
        return ValueText.render(value)
    }

    /// A traced sub-expression as the explanation shows it; nil for the whole expression
    /// (its value is the step's) and for whole records, which say nothing by themselves.
    static func part(_ traced: TraceStep) -> RuleExplanation.Part? {
        guard traced.depth > 0 else { return nil }
        guard let value = traced.value else {
            guard traced.mayBeSkipped else { return nil }
            return RuleExplanation.Part(expression: traced.text, depth: traced.depth, value: "not needed")
        }
        switch value {
        case .map: return nil
        case .list(let items) where items.contains(where: { if case .map = $0 { return true }; return false }):
            return RuleExplanation.Part(expression: traced.text, depth: traced.depth,
                                        value: items.count == 1 ? "1 record" : "\(items.count) records")
        default:
            var text = RuleExplainer.text(value)
            if case .string(let s) = value { text = "'\(s)'" }
            if text.count > 120 { text = String(text.prefix(117)) + "..." }
            return RuleExplanation.Part(expression: traced.text, depth: traced.depth, value: text)
        }
    }

    private func kindExpressions() -> [CompiledExpression] {
        switch rule.kind {
        case .expect(let e): return [e]
        case .deadline(let start, let done, _, _): return [start, done]
        case .cadence(let events, let from, let until, _): return [events, from] + (until.map { [$0] } ?? [])
        case .duration(let start, let end, _, _): return [start, end]
        case .noOverlap(let start, let end): return [start, end]
        case .aggregate(let group, let sum, _, _): return [group] + (sum.map { [$0] } ?? [])
        }
    }

    /// The due dates the kind computes for this item, with the working days skipped.
    private func dueDates(_ activation: Activation) -> [String] {
        func date(_ e: CompiledExpression) -> CalendarDate? {
            let value = e.evaluate(activation)
            if let d = value.asDate { return d }
            if case .string(let s) = value { return CalendarDate(iso: s) }
            return nil
        }
        switch rule.kind {
        case .deadline(let start, let done, let within, _):
            guard let s = date(start) else { return [] }
            return [sum(s, within), RuleExplainer.compare(done: date(done), due: rule.calendar.adding(within, to: s), asOf: asOf)]
        case .duration(let start, let endExpr, let min, let max):
            guard let s = date(start) else { return [] }
            var lines = [min.map { "earliest end: " + sum(s, $0) }, max.map { "latest end: " + sum(s, $0) }].compactMap { $0 }
            let end = date(endExpr)
            let shownEnd = end.map { "ends \($0.isoString)" } ?? "still open, measured to \(asOf.isoString)"
            let measured = end ?? asOf
            var facts: [String] = []
            if let min {
                let earliest = rule.calendar.adding(min, to: s)
                if measured < earliest { facts.append("before the earliest end \(earliest.isoString)") }
            }
            if let max {
                let latest = rule.calendar.adding(max, to: s)
                if measured > latest { facts.append("after the latest end \(latest.isoString)") }
            }
            lines.append("\(shownEnd) (\(ValueText.days(s.days(to: measured))) from the start)"
                         + (facts.isEmpty ? ", within the allowed span" : ", " + facts.joined(separator: " and ")))
            return lines
        case .cadence(let eventsExpr, let from, let until, let schedule):
            guard let f = date(from) else { return [] }
            var events: [CalendarDate] = []
            if case .list(let items) = eventsExpr.evaluate(activation) {
                for item in items {
                    var element = item
                    if case .map(let m) = item, let inner = m[string: "date"] { element = inner }
                    if let d = element.asDate { events.append(d) }
                }
            }
            let end = until.flatMap(date).map { Swift.min($0, asOf) } ?? asOf
            let timetable = CadenceCheck.Timetable(from: f, schedule: schedule, calendar: rule.calendar)
            var notes: [String] = []
            var previous: CalendarDate?
            for event in events.filter({ $0 >= f && $0 <= end }).sorted() {
                if let due = timetable.due(after: previous) {
                    notes.append("after \(previous?.isoString ?? "the start \(f.isoString)"): due \(due.isoString), next event \(event.isoString) (\(event > due ? "late" : "on time"))")
                }
                previous = event
            }
            if let due = timetable.due(after: previous) {
                notes.append("after \(previous?.isoString ?? "the start \(f.isoString)"): due \(due.isoString), nothing since (checked up to \(end.isoString))")
            }
            return notes
        case .expect, .noOverlap, .aggregate:
            return []
        }
    }

    /// The `done` date against the due date, or how far past (or short of) it `as_of` is.
    static func compare(done: CalendarDate?, due: CalendarDate, asOf: CalendarDate) -> String {
        if let done {
            let gap = due.days(to: done)
            if gap == 0 { return "done \(done.isoString), on the due date" }
            return gap < 0 ? "done \(done.isoString), \(ValueText.days(-gap)) before the due date"
                           : "done \(done.isoString), \(ValueText.days(gap)) after the due date"
        }
        let gap = due.days(to: asOf)
        if gap > 0 { return "not done; \(ValueText.days(gap)) past the due date as of \(asOf.isoString)" }
        return "not done yet; due in \(ValueText.days(-gap)) as of \(asOf.isoString)"
    }

    /// "2024-03-01 + 45 working days = 2024-05-08 (skipping Good Friday 2024-03-29, ...)".
    private func sum(_ start: CalendarDate, _ span: CalendarSpan) -> String {
        let due = rule.calendar.adding(span, to: start)
        var text = "\(start.isoString) + \(span) = \(due.isoString)"
        if span.unit == .workingDays, start < due {
            var holidays: [String] = []
            var weekendDays = 0
            var d = start.addingDays(1)
            while d <= due {
                if d.isWeekend {
                    weekendDays += 1
                } else if let name = (rule.calendar as? WorkingDayCalendar)?.holidayName(on: d) {
                    holidays.append("\(name) \(d.isoString)")
                }
                d = d.addingDays(1)
            }
            var skipped: [String] = []
            if weekendDays > 0 { skipped.append("\(weekendDays) weekend day\(weekendDays == 1 ? "" : "s")") }
            if !holidays.isEmpty { skipped.append("bank holiday\(holidays.count == 1 ? "" : "s") \(holidays.joined(separator: ", "))") }
            if !skipped.isEmpty { text += " (skipping \(skipped.joined(separator: "; ")))" }
        }
        return text
    }
}
