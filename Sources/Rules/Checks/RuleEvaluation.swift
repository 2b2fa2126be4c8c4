import CEL
import CaseModel

/// One rule run against one record as of a date: picks the items (`for_each`), filters them
/// (`when`), evaluates the kind's expressions, runs the kind's check and turns outcomes into
/// findings. Any expression that fails becomes an `error` finding naming it.
struct RuleEvaluation {
    let rule: CompiledRule
    let record: CaseRecord
    let asOf: CalendarDate

    /// An item being checked (the child itself when the rule has no `for_each`).
    struct Unit {
        var value: Value
        /// Position in what `for_each` gave; nil for the child itself. Paths are named only
        /// when a finding needs them, not for every item checked.
        var position: Int?
    }

    /// The unit's path (`cp_plans[1]`) and its identity for fingerprints.
    private func name(of unit: Unit) -> (path: String?, identity: String) {
        guard let position = unit.position else { return (nil, "") }
        let name = rule.itemPaths.name(item: unit.value, position: position, in: record.value)
        return (name.path, name.identity)
    }

    private var v: RuleVariables { rule.variables }

    /// Readies an activation for this rule and record: every slot null but the child and
    /// `as_of`. The caller may pass one used before (by another rule, another record) so
    /// that checking a record against a pack does not allocate one for every rule.
    private func prepare(_ a: inout Activation) {
        if a.slots.count < v.count {
            a = Activation(count: v.count)
        } else {
            a.slots.withUnsafeMutableBufferPointer { slots in
                for i in slots.indices { slots[i] = .null }
            }
        }
        a[v.child] = record.value
        a[v.asOf] = .date(asOf)
    }

    // MARK: Units

    /// The units the rule applies to, after `when`; or the error findings that stopped it.
    private func selectedUnits(_ activation: inout Activation) -> (units: [Unit], errors: [Finding]) {
        var candidates: [Unit] = []
        if let forEach = rule.forEach {
            switch forEach.evaluate(activation) {
            case .list(let items):
                candidates.reserveCapacity(items.count)
                for (n, item) in items.enumerated() {
                    candidates.append(Unit(value: item, position: n))
                }
            case .null:
                break
            case .error(let e):
                return ([], [errorFinding(forEach, problem: e.message, unit: nil, activation: &activation)])
            case let other:
                return ([], [errorFinding(forEach, problem: "it gave \(RuleEvaluation.describe(other)), not a list",
                                          unit: nil, activation: &activation)])
            }
        } else {
            candidates = [Unit(value: record.value, position: nil)]
        }
        guard let when = rule.when else { return (candidates, []) }
        var kept: [Unit] = []
        var errors: [Finding] = []
        for unit in candidates {
            bind(unit, into: &activation)
            switch when.evaluate(activation) {
            case .bool(true): kept.append(unit)
            case .bool(false): continue
            case .error(let e): errors.append(errorFinding(when, problem: e.message, unit: unit, activation: &activation))
            case let other:
                errors.append(errorFinding(when, problem: "it gave \(RuleEvaluation.describe(other)), not true or false",
                                           unit: unit, activation: &activation))
            }
        }
        return (kept, errors)
    }

    private func bind(_ unit: Unit, into activation: inout Activation) {
        activation[v.item] = unit.value
        if let alias = v.itemAlias { activation[alias] = unit.value }
    }

    // MARK: Record rules

    func findings(reusing activation: inout Activation) -> [Finding] {
        if case .aggregate = rule.kind { return [] }
        prepare(&activation)
        let (units, errors) = selectedUnits(&activation)
        var out = errors
        if case .noOverlap(let start, let end) = rule.kind {
            out += overlaps(units, start: start, end: end, activation: &activation)
            return out
        }
        var recordEvents: DatesResult?
        for unit in units {
            bind(unit, into: &activation)
            for outcome in check(unit, activation: &activation, recordEvents: &recordEvents) {
                out.append(finding(outcome, unit: unit, activation: &activation))
            }
        }
        return out
    }

    /// The kind's verdict on one unit (the activation has the unit bound). `recordEvents`
    /// keeps a cadence's events between units when they are the same for every unit.
    private func check(_ unit: Unit, activation: inout Activation, recordEvents: inout DatesResult?) -> [CheckOutcome] {
        switch rule.kind {
        case .expect(let condition):
            switch condition.evaluate(activation) {
            case .bool(true): return []
            case .bool(false): return [CheckOutcome(status: .breach)]
            case .error(let e): return [failure(condition, e.message)]
            case let other: return [failure(condition, "it gave \(RuleEvaluation.describe(other)), not true or false")]
            }
        case .deadline(let startExpr, let doneExpr, let within, let warn):
            let start = date(startExpr, activation)
            let done = date(doneExpr, activation)
            if case .failed(let o) = start { return [o] }
            if case .failed(let o) = done { return [o] }
            guard case .date(let s) = start else { return [] }
            return DeadlineCheck.evaluate(start: s, done: done.date, within: within, warnWithin: warn, asOf: asOf,
                                          calendar: rule.calendar).map { [$0] } ?? []
        case .cadence(let eventsExpr, let fromExpr, let untilExpr, let schedule):
            let from = date(fromExpr, activation)
            let until = untilExpr.map { date($0, activation) } ?? .missing
            if case .failed(let o) = from { return [o] }
            if case .failed(let o) = until { return [o] }
            guard case .date(let f) = from else { return [] }
            let events: DatesResult
            if rule.eventsPerRecord, let known = recordEvents {
                events = known
            } else {
                events = dates(eventsExpr, activation)
                if rule.eventsPerRecord { recordEvents = events }
            }
            switch events {
            case .failure(let o): return [o]
            case .success(let events):
                return CadenceCheck.evaluate(from: f, until: until.date, events: events, schedule: schedule,
                                             asOf: asOf, calendar: rule.calendar)
            }
        case .duration(let startExpr, let endExpr, let min, let max):
            let start = date(startExpr, activation)
            let end = date(endExpr, activation)
            if case .failed(let o) = start { return [o] }
            if case .failed(let o) = end { return [o] }
            guard case .date(let s) = start else { return [] }
            return DurationCheck.evaluate(start: s, end: end.date, min: min, max: max, asOf: asOf,
                                          calendar: rule.calendar).map { [$0] } ?? []
        case .noOverlap, .aggregate:
            return []
        }
    }

    private func overlaps(_ units: [Unit], start: CompiledExpression, end: CompiledExpression,
                          activation: inout Activation) -> [Finding] {
        var out: [Finding] = []
        var spans: [OverlapCheck.Span] = []
        var spanUnits: [Unit] = []
        for unit in units {
            bind(unit, into: &activation)
            let s = date(start, activation), e = date(end, activation)
            if case .failed(let o) = s { out.append(finding(o, unit: unit, activation: &activation)); continue }
            if case .failed(let o) = e { out.append(finding(o, unit: unit, activation: &activation)); continue }
            guard case .date(let startDate) = s else { continue }
            spans.append(OverlapCheck.Span(start: startDate, end: e.date))
            spanUnits.append(unit)
        }
        for (i, j) in OverlapCheck.overlappingPairs(spans, asOf: asOf) {
            let first = spanUnits[i], second = spanUnits[j]
            bind(second, into: &activation)
            activation[v.other] = first.value
            let overlapStart = max(spans[i].start, spans[j].start)
            let overlapEnd = min(spans[i].end ?? max(asOf, spans[i].start), spans[j].end ?? max(asOf, spans[j].start))
            let outcome = CheckOutcome(status: .breach, value: Double(overlapStart.days(to: overlapEnd)))
            let firstName = name(of: first)
            var f = finding(outcome, unit: second, activation: &activation)
            // The pair is the same whichever of the two the file lists first.
            let pair = [firstName.identity, name(of: second).identity].sorted()
            f.fingerprint = Fingerprint.of([rule.id, record.id ?? record.location.description, "overlap"] + pair)
            if rule.message == nil {
                f.message = "\(rule.definition.title): \(f.item ?? "item") overlaps \(firstName.path ?? "another item") from \(overlapStart.isoString) to \(overlapEnd.isoString)"
            }
            out.append(f)
            activation[v.other] = .null
        }
        return out
    }

    // MARK: Aggregate rules

    func tally(reusing activation: inout Activation) -> AggregateTally {
        var tally = AggregateTally()
        guard case .aggregate(let groupBy, let sum, _, _) = rule.kind else { return tally }
        prepare(&activation)
        let (units, errors) = selectedUnits(&activation)
        tally.errors = errors
        for unit in units {
            bind(unit, into: &activation)
            let groupValue = groupBy.evaluate(activation)
            if case .error(let e) = groupValue {
                tally.errors.append(errorFinding(groupBy, problem: e.message, unit: unit, activation: &activation))
                continue
            }
            var amount = 1.0
            if let sum {
                switch sum.evaluate(activation) {
                case .int(let i): amount = Double(i)
                case .uint(let u): amount = Double(u)
                case .double(let d): amount = d
                case .null: amount = 0
                case .error(let e):
                    tally.errors.append(errorFinding(sum, problem: e.message, unit: unit, activation: &activation))
                    continue
                case let other:
                    tally.errors.append(errorFinding(sum, problem: "it gave \(RuleEvaluation.describe(other)), not a number",
                                                     unit: unit, activation: &activation))
                    continue
                }
            }
            tally.add(amount, to: RuleEvaluation.groupName(groupValue))
        }
        return tally
    }

    /// A group's name as findings show it; units with no group (an unallocated child) form "(none)".
    static func groupName(_ value: Value) -> String {
        if case .null = value { return "(none)" }
        return ValueText.render(value)
    }

    // MARK: Values

    enum DateResult {
        case date(CalendarDate)
        case missing
        case failed(CheckOutcome)

        var date: CalendarDate? {
            if case .date(let d) = self { return d }
            return nil
        }
    }

    /// A date-valued expression: a CEL date, an ISO date text, or null (missing).
    private func date(_ e: CompiledExpression, _ activation: Activation) -> DateResult {
        let value = e.evaluate(activation)
        if let d = value.asDate { return .date(d) }
        switch value {
        case .null: return .missing
        case .string(let s):
            if let d = CalendarDate(iso: s) { return .date(d) }
            return .failed(failure(e, "it gave the text '\(s)', which is not a date"))
        case .error(let err): return .failed(failure(e, err.message))
        default: return .failed(failure(e, "it gave \(RuleEvaluation.describe(value)), not a date"))
        }
    }

    private enum DatesResult {
        case success([CalendarDate])
        case failure(CheckOutcome)
    }

    /// Event dates: a list of dates (or of records with a `date` field); null items are skipped.
    private func dates(_ e: CompiledExpression, _ activation: Activation) -> DatesResult {
        let value = e.evaluate(activation)
        switch value {
        case .null: return .success([])
        case .error(let err): return .failure(failure(e, err.message))
        case .list(let items):
            var out: [CalendarDate] = []
            out.reserveCapacity(items.count)
            for item in items {
                var element = item
                if case .map(let m) = item, let inner = m[string: "date"] { element = inner }
                if let d = element.asDate { out.append(d); continue }
                switch element {
                case .null: continue
                case .string(let s) where CalendarDate(iso: s) != nil: out.append(CalendarDate(iso: s)!)
                default:
                    return .failure(failure(e, "its list holds \(RuleEvaluation.describe(element)), not dates"))
                }
            }
            return .success(out)
        default:
            return .failure(failure(e, "it gave \(RuleEvaluation.describe(value)), not a list of dates"))
        }
    }

    private func failure(_ e: CompiledExpression, _ problem: String) -> CheckOutcome {
        CheckOutcome(status: .error, errorText: RuleEvaluation.errorText(e, problem))
    }

    static func errorText(_ e: CompiledExpression, _ problem: String) -> String {
        "could not evaluate '\(e.role)' (`\(e.source.text)`): \(problem)"
    }

    static func describe(_ value: Value) -> String {
        switch value {
        case .null: return "nothing (null)"
        case .bool(let b): return "\(b)"
        case .int, .uint, .double: return "the number \(ValueText.render(value))"
        case .string(let s): return "the text '\(s)'"
        case .list: return "a list"
        case .map: return "a record"
        case .opaque(let o): return "\(type(of: o).typeName) \(o.textDescription)"
        case .scalar(let s): return "\(s.type.name) \(s.textDescription)"
        default: return ValueText.render(value)
        }
    }

    // MARK: Findings

    private func errorFinding(_ e: CompiledExpression, problem: String, unit: Unit?, activation: inout Activation) -> Finding {
        finding(CheckOutcome(status: .error, errorText: RuleEvaluation.errorText(e, problem)), unit: unit, activation: &activation)
    }

    private func finding(_ outcome: CheckOutcome, unit: Unit?, activation: inout Activation) -> Finding {
        let child = record.value
        let unitName: (path: String?, identity: String) = unit.map(name(of:)) ?? (nil, "")
        let location = unitName.path.map(record.location(ofItem:)) ?? record.location
        let message: String
        if outcome.status == .error {
            message = outcome.errorText ?? "could not evaluate the rule"
        } else {
            message = render(outcome, activation: &activation)
        }
        var identity = [rule.id, record.id ?? record.location.description, unitName.identity]
        if outcome.status == .error { identity.append("error") }
        if let occurrence = outcome.occurrence, outcome.status != .error { identity.append(occurrence) }
        return Finding(rule: rule.id, severity: rule.severity, status: outcome.status, caseID: record.id,
                       item: unitName.path, group: nil, message: message, due: outcome.due, daysLate: outcome.daysLate,
                       worker: RuleEvaluation.text(child, "worker"), team: RuleEvaluation.text(child, "team"),
                       location: location, ruleLocation: rule.location, fingerprint: Fingerprint.of(identity),
                       teamManager: RuleEvaluation.text(child, "team_manager"))
    }

    private func render(_ outcome: CheckOutcome, activation: inout Activation) -> String {
        guard let template = rule.message else {
            return MessageDefaults.text(title: rule.definition.title, outcome: outcome)
        }
        activation[v.due] = outcome.due.map(Value.date) ?? .null
        activation[v.daysLate] = outcome.daysLate.map { .int(Int64($0)) } ?? .null
        activation[v.late] = outcome.daysLate.map { .string(ValueText.days($0)) } ?? .null
        activation[v.value] = outcome.value.map(MessageDefaults.number) ?? .null
        let text = template.render(activation)
        activation[v.due] = .null
        activation[v.daysLate] = .null
        activation[v.late] = .null
        activation[v.value] = .null
        return text
    }

    /// A text field of the record (`worker`, `team`).
    static func text(_ record: Value, _ key: String) -> String? {
        guard case .map(let m) = record, let value = m[string: key] else { return nil }
        if case .null = value { return nil }
        return ValueText.render(value)
    }
}
