/// `getFullYear`, `getMonth`, ... on timestamps (in UTC or a named time zone) and
/// `getHours`, ... on durations.
extension FunctionRegistry {
    mutating func addTimeAccessors() {
        typealias Field = @Sendable (LocalTime) -> Int64
        let fields: [(String, Field)] = [
            ("getFullYear", { $0.date.year }),
            ("getMonth", { $0.date.month - 1 }),
            ("getDate", { $0.date.day }),
            ("getDayOfMonth", { $0.date.day - 1 }),
            ("getDayOfWeek", { CivilDate.dayOfWeek(daysSinceEpoch: $0.days) }),
            ("getDayOfYear", { $0.days - CivilDate(year: $0.date.year, month: 1, day: 1).daysSinceEpoch }),
            ("getHours", { $0.secondOfDay / 3600 }),
            ("getMinutes", { $0.secondOfDay / 60 % 60 }),
            ("getSeconds", { $0.secondOfDay % 60 }),
            ("getMilliseconds", { $0.nanos / 1_000_000 }),
        ]
        for (name, field) in fields {
            add(name, id: "timestamp_\(name)", member: true, [.timestamp], .int) { args in
                guard case .timestamp(let t) = args[0] else { return LibraryError.noOverload(name, args) }
                return .int(field(LocalTime(t, offset: 0)))
            }
            add(name, id: "timestamp_\(name)_with_tz", member: true, [.timestamp, .string], .int) { args in
                guard case .timestamp(let t) = args[0], case .string(let zone) = args[1] else {
                    return LibraryError.noOverload(name, args)
                }
                switch TimeZoneResolver.offset(zone, at: t.seconds) {
                case .success(let offset): return .int(field(LocalTime(t, offset: offset)))
                case .failure(let error): return .error(error)
                }
            }
        }

        let durationFields: [(String, Int64)] = [
            ("getHours", 3_600_000_000_000), ("getMinutes", 60_000_000_000),
            ("getSeconds", 1_000_000_000), ("getMilliseconds", 1_000_000),
        ]
        for (name, unit) in durationFields {
            add(name, id: "duration_\(name)", member: true, [.duration], .int) { args in
                guard case .duration(let d) = args[0] else { return LibraryError.noOverload(name, args) }
                guard let n = DurationText.nanoseconds(d) else { return DurationText.outOfRange }
                return .int(n / unit)
            }
        }
    }
}

/// A timestamp broken into calendar fields at a given offset from UTC.
struct LocalTime {
    let days: Int64
    let secondOfDay: Int64
    let nanos: Int64
    let date: CivilDate

    init(_ t: Timestamp, offset: Int64) {
        let local = t.seconds + offset
        days = floorDivide(local, 86_400)
        secondOfDay = floorModulo(local, 86_400)
        nanos = Int64(t.nanos)
        date = CivilDate(daysSinceEpoch: days)
    }
}
