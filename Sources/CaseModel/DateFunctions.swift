import CEL

/// The CEL functions for calendar dates and spans, as a ``FunctionRegistry`` to merge into
/// an environment's functions:
///
/// | call | result |
/// |---|---|
/// | `date('2024-03-01')`, `date(timestamp)`, `date(d)` | date (an error value for a bad date) |
/// | `span('3 months')` | span (an error value, with a did-you-mean, for a bad duration) |
/// | `d + span`, `span + d`, `d - span` | date; working days use the calendar |
/// | `d + duration`, `duration + d`, `d - duration` | date; the duration must be whole days |
/// | `d1 - d2` | int, calendar days from `d2` to `d1` |
/// | `d.addDays(n)`, `d.addWorkingDays(n)`, `d.addMonths(n)`, `d.addYears(n)` | date |
/// | `d.year()`, `d.month()`, `d.day()`, `d.dayOfWeek()` (Monday 1 ... Sunday 7) | int |
/// | `d.isWorkingDay()`, `isWorkingDay(d)` | bool |
/// | `workingDaysBetween(a, b)` | int: working days `x` with `a < x <= b`, negative when `b < a` |
/// | `daysBetween(a, b)` | int: calendar days from `a` to `b` |
/// | `string(d)`, `string(span)` | string: `2024-03-01`, `3 months` |
///
/// Comparisons (`<`, `==`, ...) between dates come from ``DateValue``. A null where a date is
/// expected (a missing field) gives an error value naming the function, so that a rule never
/// passes silently on missing data.
public enum DateFunctions {
    /// All date and span functions, counting working days in `calendar`.
    public static func registry(calendar: WorkingDayCalendar) -> FunctionRegistry {
        var r = FunctionRegistry()
        registerConstructors(&r)
        registerArithmetic(&r, calendar)
        registerMembers(&r, calendar)
        registerGlobals(&r, calendar)
        return r
    }

    // MARK: - Types and helpers

    private static let date = DateValue.argKind
    private static let span = SpanValue.argKind
    private static let dateType = DateValue.celType
    private static let spanType = SpanValue.celType

    /// The range of dates functions may produce: the years ISO text can write.
    static let validRange = CalendarDate(year: 1, month: 1, day: 1)!...CalendarDate(year: 9999, month: 12, day: 31)!

    private static func result(_ d: CalendarDate, _ function: String) -> Value {
        guard validRange.contains(d) else {
            return .error(EvalError(.outOfRange, "\(function): the resulting date is outside the years 0001 to 9999"))
        }
        return .date(d)
    }

    private static func tooLarge(_ function: String, _ n: Int64) -> Value {
        .error(EvalError(.outOfRange, "\(function): \(n) is too large; the resulting date would be outside the years 0001 to 9999"))
    }

    private static func missingDate(_ function: String, position: Int?, of count: Int) -> Value {
        let which: String
        if count == 1 || position == nil { which = "the date is" }
        else { which = position == 0 ? "the first date is" : "the second date is" }
        return .error(EvalError(.invalidArgument,
            "\(function): \(which) null (missing); check the field is present with has() or compare it with null first"))
    }

    /// Registers an overload, and for each combination of its date parameters being null
    /// an overload that returns an error naming the function.
    private static func add(_ r: inout FunctionRegistry, _ name: String, id: String, member: Bool = false,
                            _ parameters: [ArgKind], _ resultType: CELType, display: String? = nil,
                            _ body: @escaping @Sendable ([Value]) -> Value) {
        let shown = display ?? "\(name)()"
        // The argument kinds match by type name; make sure the values really are ours before
        // the body unwraps them, so a foreign type that shares a name cannot crash a run.
        let hostPositions = parameters.indices.filter { parameters[$0] == date || parameters[$0] == span }
        let checkedBody: @Sendable ([Value]) -> Value = { args in
            for i in hostPositions where args[i].asDate == nil && args[i].asSpan == nil {
                return .error(EvalError(.invalidArgument, "\(shown): argument \(i + 1) is not a \(parameters[i] == date ? "date" : "span")"))
            }
            return body(args)
        }
        r.register(name, Overload(id: id, member: member, parameters: parameters, result: resultType, checkedBody))
        let datePositions = parameters.indices.filter { parameters[$0] == date }
        guard !datePositions.isEmpty else { return }
        for mask in 1..<(1 << datePositions.count) {
            var nullParameters = parameters
            var firstNull: Int?
            for (bit, position) in datePositions.enumerated() where mask & (1 << bit) != 0 {
                nullParameters[position] = .null
                if firstNull == nil { firstNull = position }
            }
            let error = missingDate(shown, position: datePositions.count > 1 ? firstNull : nil, of: datePositions.count)
            r.register(name, Overload(id: "\(id)_null\(mask)", member: member, parameters: nullParameters,
                                      result: resultType) { _ in error })
        }
    }

    // MARK: - Constructors

    private static func registerConstructors(_ r: inout FunctionRegistry) {
        r.register("date", Overload(id: "date_string", parameters: [.string], result: dateType) { args in
            guard case .string(let s) = args[0] else { return .error(EvalError(.invalidArgument, "date() needs a text")) }
            do { return .date(try CalendarDate(validatingISO: s)) } catch {
                return .error(EvalError(.invalidArgument, "date(): \(error)"))
            }
        })
        r.register("date", Overload(id: "date_timestamp", parameters: [.timestamp], result: dateType) { args in
            guard case .timestamp(let t) = args[0] else { return .error(EvalError(.invalidArgument, "date() needs a timestamp")) }
            // The calendar day in UTC.
            let days = t.seconds >= 0 ? t.seconds / 86_400 : -((-t.seconds + 86_399) / 86_400)
            return result(CalendarDate(dayNumber: Int32(clamping: days)), "date()")
        })
        r.register("date", Overload(id: "date_date", parameters: [date], result: dateType) { args in args[0] })
        r.register("date", Overload(id: "date_null", parameters: [.null], result: dateType) { _ in
            .error(EvalError(.invalidArgument, "date(): the value is null (missing); a date needs a text such as '2024-03-01'"))
        })
        r.register("span", Overload(id: "span_string", parameters: [.string], result: spanType) { args in
            guard case .string(let s) = args[0] else { return .error(EvalError(.invalidArgument, "span() needs a text")) }
            do { return .span(try CalendarSpan(parsing: s)) } catch {
                return .error(EvalError(.invalidArgument, "span(): \(error)"))
            }
        })
        r.register("span", Overload(id: "span_span", parameters: [span], result: spanType) { args in args[0] })
        r.register("string", Overload(id: "string_date", parameters: [date], result: .string) { args in
            .string(args[0].asDate?.isoString ?? "")
        })
        r.register("string", Overload(id: "string_span", parameters: [span], result: .string) { args in
            .string(args[0].asSpan?.description ?? "")
        })
    }

    // MARK: - Operators

    /// Whole days in a duration, or nil when it has a part day.
    private static func wholeDays(_ v: Value) -> Int64? {
        guard case .duration(let d) = v, d.nanos == 0, d.seconds % 86_400 == 0 else { return nil }
        return d.seconds / 86_400
    }

    private static func partDayError(_ function: String) -> Value {
        .error(EvalError(.invalidArgument, "\(function): a date can only move by whole days; use a duration such as duration('48h') or a span such as span('2 days')"))
    }

    private static func registerArithmetic(_ r: inout FunctionRegistry, _ calendar: WorkingDayCalendar) {
        @Sendable func plusSpan(_ d: CalendarDate, _ s: CalendarSpan, _ sign: Int, _ name: String) -> Value {
            result(calendar.adding(CalendarSpan(s.amount * sign, s.unit), to: d), name)
        }
        @Sendable func plusDays(_ d: CalendarDate, _ days: Int64?, _ sign: Int64, _ name: String) -> Value {
            guard let days else { return partDayError(name) }
            guard days.magnitude < 5_000_000 else { return tooLarge(name, days) }
            return result(d.addingDays(Int(days * sign)), name)
        }
        add(&r, "_+_", id: "add_date_span", [date, span], dateType, display: "date + span") { a in
            plusSpan(a[0].asDate!, a[1].asSpan!, 1, "date + span")
        }
        add(&r, "_+_", id: "add_span_date", [span, date], dateType, display: "span + date") { a in
            plusSpan(a[1].asDate!, a[0].asSpan!, 1, "span + date")
        }
        add(&r, "_-_", id: "subtract_date_span", [date, span], dateType, display: "date - span") { a in
            plusSpan(a[0].asDate!, a[1].asSpan!, -1, "date - span")
        }
        add(&r, "_+_", id: "add_date_duration", [date, .duration], dateType, display: "date + duration") { a in
            plusDays(a[0].asDate!, wholeDays(a[1]), 1, "date + duration")
        }
        add(&r, "_+_", id: "add_duration_date", [.duration, date], dateType, display: "duration + date") { a in
            plusDays(a[1].asDate!, wholeDays(a[0]), 1, "duration + date")
        }
        add(&r, "_-_", id: "subtract_date_duration", [date, .duration], dateType, display: "date - duration") { a in
            plusDays(a[0].asDate!, wholeDays(a[1]), -1, "date - duration")
        }
        add(&r, "_-_", id: "subtract_date_date", [date, date], .int, display: "date - date") { a in
            .int(Int64(a[1].asDate!.days(to: a[0].asDate!)))
        }
    }

    // MARK: - Methods

    private static func registerMembers(_ r: inout FunctionRegistry, _ calendar: WorkingDayCalendar) {
        func move(_ name: String, limit: Int64, _ body: @escaping @Sendable (CalendarDate, Int) -> CalendarDate) -> @Sendable ([Value]) -> Value {
            { args in
                guard let d = args[0].asDate, case .int(let n) = args[1] else { return .error(EvalError(.invalidArgument, "\(name)() needs a date and a whole number")) }
                guard n.magnitude <= UInt64(limit) else { return tooLarge("\(name)()", n) }
                return result(body(d, Int(n)), "\(name)()")
            }
        }
        add(&r, "addDays", id: "date_add_days", member: true, [date, .int], dateType,
            move("addDays", limit: 5_000_000) { $0.addingDays($1) })
        add(&r, "addWorkingDays", id: "date_add_working_days", member: true, [date, .int], dateType,
            move("addWorkingDays", limit: 3_000_000) { calendar.adding(workingDays: $1, to: $0) })
        add(&r, "addMonths", id: "date_add_months", member: true, [date, .int], dateType,
            move("addMonths", limit: 150_000) { $0.addingMonths($1) })
        add(&r, "addYears", id: "date_add_years", member: true, [date, .int], dateType,
            move("addYears", limit: 12_000) { $0.addingYears($1) })

        func part(_ name: String, _ body: @escaping @Sendable (CalendarDate) -> Int) {
            add(&r, name, id: "date_\(name)", member: true, [date], .int) { args in .int(Int64(body(args[0].asDate!))) }
        }
        part("year") { $0.year }
        part("month") { $0.month }
        part("day") { $0.day }
        part("dayOfWeek") { $0.dayOfWeek }
        add(&r, "isWorkingDay", id: "date_is_working_day", member: true, [date], .bool) { args in
            .bool(calendar.isWorkingDay(args[0].asDate!))
        }
    }

    // MARK: - Global functions

    private static func registerGlobals(_ r: inout FunctionRegistry, _ calendar: WorkingDayCalendar) {
        add(&r, "workingDaysBetween", id: "working_days_between_date_date", [date, date], .int) { a in
            .int(Int64(calendar.workingDaysBetween(a[0].asDate!, a[1].asDate!)))
        }
        add(&r, "daysBetween", id: "days_between_date_date", [date, date], .int) { a in
            .int(Int64(a[0].asDate!.days(to: a[1].asDate!)))
        }
        add(&r, "isWorkingDay", id: "is_working_day_date", [date], .bool) { a in
            .bool(calendar.isWorkingDay(a[0].asDate!))
        }
    }
}

extension DateFunctions {
    /// Adds the date and span functions to an environment and makes `date` and `span`
    /// nameable as types (`type(d) == date`).
    public static func install(into environment: inout Environment, calendar: WorkingDayCalendar) {
        environment.functions.merge(registry(calendar: calendar))
        environment.declareType(DateValue.celType, named: DateValue.typeName)
        environment.declareType(SpanValue.celType, named: SpanValue.typeName)
    }
}
