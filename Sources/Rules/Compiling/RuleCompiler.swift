import CEL
import CaseModel

/// Compiles rule definitions onto CEL environments: every expression once, type-checked
/// against the case schema when there is one. Compile errors become diagnostics at the
/// expression's position in the rule file.
struct RuleCompiler {
    let schema: ObjectSchema?
    let calendar: any RuleCalendar
    let functions: FunctionRegistry

    /// The compiled rule, or nil (with diagnostics) when any expression of it fails.
    func compile(_ rule: RuleDefinition) -> (CompiledRule?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let childType = schema.map(SchemaTypes.celType(of:)) ?? .dyn

        // for_each is evaluated before the item exists, so it sees only child and as_of.
        var env = Environment(functions: functions)
        let childSlot = env.declare("child", type: childType)
        let asOfSlot = env.declare("as_of", type: DateValue.celType)
        var forEach: CompiledExpression?
        var itemType = childType
        if let source = rule.forEach {
            forEach = compile(source, role: "for_each", in: env, expecting: .list, into: &diagnostics)
            if let program = forEach?.program { itemType = SchemaTypes.elementType(of: program.resultType) }
            if forEach == nil { itemType = .dyn }
        }
        let itemSlot = env.declare(rule.itemName, type: itemType)

        // Templates see the rule's variables plus what a finding carries.
        var templateEnv = env
        let alias = rule.itemName == "item" ? nil : templateEnv.declare("item", type: itemType)
        let variables = RuleVariables(
            child: childSlot, asOf: asOfSlot, item: itemSlot, itemAlias: alias,
            due: templateEnv.declare("due", type: .dyn),
            late: templateEnv.declare("late", type: .dyn),
            daysLate: templateEnv.declare("days_late", type: .dyn),
            value: templateEnv.declare("value", type: .dyn),
            group: templateEnv.declare("group", type: .dyn),
            other: templateEnv.declare("other", type: itemType),
            count: 0)
        var slots = variables
        slots.count = templateEnv.variables.count

        let when = rule.when.flatMap { compile($0, role: "when", in: env, expecting: .bool, into: &diagnostics) }
        let message = rule.message.flatMap { compileTemplate($0, in: templateEnv, into: &diagnostics) }
        let kind = compileKind(rule.kind, in: env, into: &diagnostics)

        guard !diagnostics.contains(where: { $0.severity == .error }), let kind,
              rule.forEach == nil || forEach != nil, rule.when == nil || when != nil,
              rule.message == nil || message != nil else {
            return (nil, diagnostics)
        }
        let compiled = CompiledRule(definition: rule, calendar: calendar, variables: slots, forEach: forEach,
                                    when: when, message: message, kind: kind,
                                    itemPaths: ItemPathNaming(forEach: rule.forEach?.text))
        return (compiled, diagnostics)
    }

    private func compileKind(_ kind: RuleKind, in env: Environment, into diagnostics: inout [Diagnostic]) -> CompiledKind? {
        func c(_ e: RuleExpression, _ role: String, _ expected: ExpectedResult) -> CompiledExpression? {
            compile(e, role: role, in: env, expecting: expected, into: &diagnostics)
        }
        switch kind {
        case .expect(let condition):
            guard let e = c(condition, "expect", .bool) else { return nil }
            return .expect(e)
        case .deadline(let d):
            let start = c(d.start, "deadline.start", .date), done = c(d.done, "deadline.done", .date)
            guard let start, let done else { return nil }
            return .deadline(start: start, done: done, within: d.within, warnWithin: d.warnWithin)
        case .cadence(let k):
            let events = c(k.events, "cadence.events", .list), from = c(k.from, "cadence.from", .date)
            let until = k.until.map { c($0, "cadence.until", .date) }
            guard let events, let from, until.map({ $0 != nil }) ?? true else { return nil }
            return .cadence(events: events, from: from, until: until ?? nil, schedule: k.schedule)
        case .duration(let d):
            let start = c(d.start, "duration.start", .date), end = c(d.end, "duration.end", .date)
            guard let start, let end else { return nil }
            return .duration(start: start, end: end, min: d.min, max: d.max)
        case .noOverlap(let n):
            let start = c(n.start, "no_overlap.start", .date), end = c(n.end, "no_overlap.end", .date)
            guard let start, let end else { return nil }
            return .noOverlap(start: start, end: end)
        case .aggregate(let a):
            let group = c(a.groupBy, "aggregate.group_by", .any)
            var sum: CompiledExpression?
            if case .sum(let e) = a.measure {
                sum = c(e, "aggregate.sum", .number)
                if sum == nil { return nil }
            }
            guard let group else { return nil }
            return .aggregate(groupBy: group, sum: sum, max: a.max, min: a.min)
        }
    }

    /// Compiles one expression; on failure adds a diagnostic at the failing character.
    func compile(_ source: RuleExpression, role: String, in env: Environment, expecting expected: ExpectedResult,
                 into diagnostics: inout [Diagnostic]) -> CompiledExpression? {
        do {
            let program = try env.compile(source.text)
            guard expected.accepts(program.resultType) else {
                diagnostics.append(Diagnostic(
                    .error, at: source.location,
                    "'\(role)' should give \(expected.words), but `\(source.text)` gives \(ExpectedResult.words(for: program.resultType))"))
                return nil
            }
            return CompiledExpression(program: program, source: source, role: role)
        } catch let error as CompileError {
            diagnostics.append(Diagnostic(.error, at: source.location(ofLine: error.line, column: error.column),
                                          "in '\(role)': \(error.message)", hint: error.hint))
            return nil
        } catch {
            diagnostics.append(Diagnostic(.error, at: source.location, "in '\(role)': \(error)"))
            return nil
        }
    }

    private func compileTemplate(_ message: RuleExpression, in env: Environment,
                                 into diagnostics: inout [Diagnostic]) -> MessageTemplate? {
        switch MessageTemplate.split(message) {
        case .failure(let d):
            diagnostics.append(d)
            return nil
        case .success(let raw):
            var pieces: [MessageTemplate.Piece] = []
            var ok = true
            for piece in raw {
                switch piece {
                case .text(let s): pieces.append(.text(s))
                case .expression(let range):
                    let source = message.slice(range)
                    if let e = compile(source, role: "message", in: env, expecting: .any, into: &diagnostics) {
                        pieces.append(.expression(e))
                    } else {
                        ok = false
                    }
                }
            }
            return ok ? MessageTemplate(pieces: pieces) : nil
        }
    }
}
