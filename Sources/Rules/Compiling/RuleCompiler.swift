import CEL
import CaseModel

/// Compiles rule definitions onto CEL environments: every expression once, type-checked
/// against the case schema when there is one. Compile errors become diagnostics at the
/// expression's position in the rule file.
struct RuleCompiler {
    let schema: ObjectSchema?
    let calendar: any RuleCalendar
    /// The standard library and the date functions, built once for all rules.
    private let baseEnvironment: Environment
    /// The checker type of the whole record, built once: building it walks the whole schema.
    private let childType: CELType

    init(schema: ObjectSchema?, calendar: any RuleCalendar, functions: FunctionRegistry) {
        self.schema = schema
        self.calendar = calendar
        var env = Environment(functions: functions)
        // `type(d) == date` needs the names; harmless when the date functions are absent.
        env.declareType(DateValue.celType, named: DateValue.typeName)
        env.declareType(SpanValue.celType, named: SpanValue.typeName)
        baseEnvironment = env
        childType = schema?.celType ?? .dyn
    }

    /// The compiled rule, or nil (with diagnostics) when any expression of it fails.
    func compile(_ rule: RuleDefinition) -> (CompiledRule?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []

        // for_each is evaluated before the item exists, so it sees only child and as_of.
        var env = baseEnvironment
        let childSlot = env.declare("child", type: childType)
        let asOfSlot = env.declare("as_of", type: DateValue.celType)
        var forEach: CompiledExpression?
        var itemType = childType
        if let source = rule.forEach {
            forEach = compile(RuleCompiler.childField(source), role: "for_each", in: env, expecting: .list, into: &diagnostics)
            if let program = forEach?.program { itemType = SchemaTypes.elementType(of: program.resultType) }
            if forEach == nil { itemType = .dyn }
        }
        let recordEnv = env
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
        // Events that compile where only `child` and `as_of` exist cannot depend on the item.
        var eventsPerRecord = false
        if rule.forEach != nil, case .cadence(let k) = rule.kind, (try? recordEnv.compile(k.events.text)) != nil {
            eventsPerRecord = true
        }
        let compiled = CompiledRule(definition: rule, calendar: calendar, variables: slots, forEach: forEach,
                                    when: when, message: message, kind: kind,
                                    itemPaths: ItemPathNaming(forEach: rule.forEach?.text), eventsPerRecord: eventsPerRecord)
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

    /// `for_each: cp_plans` names a list of the child, as DESIGN.md writes it: a bare name that
    /// is not a variable reads as `child.cp_plans`. The added prefix maps onto the name's own
    /// position, so errors still point into the rule file.
    static func childField(_ source: RuleExpression) -> RuleExpression {
        let name = source.text.trimmingWhitespace()
        guard RuleParser.isIdentifier(name), name != "child", name != "as_of" else { return source }
        let prefix = "child."
        let first = source.characterPositions.first(where: { _ in true })
            ?? FilePosition(line: source.location.line, column: source.location.column)
        let positions = source.characterPositions.isEmpty ? [] : Array(repeating: first, count: prefix.count) + source.characterPositions
        return RuleExpression(text: prefix + source.text, location: source.location, characterPositions: positions)
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
            return CompiledExpression(program: program, source: source, role: role, environment: env)
        } catch let error as CompileError {
            let (message, hint) = explain(error, in: env)
            diagnostics.append(Diagnostic(.error, at: source.location(ofLine: error.line, column: error.column),
                                          "in '\(role)': \(message)", hint: hint))
            return nil
        } catch {
            diagnostics.append(Diagnostic(.error, at: source.location, "in '\(role)': \(error)"))
            return nil
        }
    }

    /// An unknown name, said in terms of the rule: which names exist, and `child.x` when the
    /// writer left off `child.`.
    private func explain(_ error: CompileError, in env: Environment) -> (String, String?) {
        let prefix = "undeclared reference to '"
        guard error.message.hasPrefix(prefix), error.message.hasSuffix("'") else {
            return CompileErrorWording.reword(error.message, hint: error.hint)
        }
        let name = String(error.message.dropFirst(prefix.count).dropLast())
        let names = env.variables.map(\.name)
        let message = "'\(name)' is not known here; expressions can use \(names.map { "'\($0)'" }.joined(separator: ", "))"
        if name == "item", let itemName = names.first(where: { !RuleVariables.ruleNames.contains($0) }), itemName != "item" {
            return (message, "this rule calls its item '\(itemName)' (as: \(itemName)); write '\(itemName)' instead of 'item'")
        }
        if let schema, schema.field(named: name) != nil {
            return (message, "did you mean 'child.\(name)'?")
        }
        return (message, error.hint ?? Suggestion.hint(for: name, among: names))
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
