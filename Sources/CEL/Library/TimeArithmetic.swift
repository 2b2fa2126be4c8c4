/// `+` and `-` on timestamps and durations, with range errors where the result would leave
/// the valid range. Comparisons are built into the evaluator.
extension FunctionRegistry {
    mutating func addTimeArithmetic() {
        add("_+_", id: "add_timestamp_duration", [.timestamp, .duration], .timestamp) { args in
            guard case .timestamp(let t) = args[0], case .duration(let d) = args[1] else {
                return LibraryError.noOverload("_+_", args)
            }
            return TimeMath.shift(t, by: d, negate: false)
        }
        add("_+_", id: "add_duration_timestamp", [.duration, .timestamp], .timestamp) { args in
            guard case .duration(let d) = args[0], case .timestamp(let t) = args[1] else {
                return LibraryError.noOverload("_+_", args)
            }
            return TimeMath.shift(t, by: d, negate: false)
        }
        add("_+_", id: "add_duration_duration", [.duration, .duration], .duration) { args in
            guard case .duration(let a) = args[0], case .duration(let b) = args[1] else {
                return LibraryError.noOverload("_+_", args)
            }
            return TimeMath.combine(a, b, subtract: false)
        }
        add("_-_", id: "subtract_timestamp_timestamp", [.timestamp, .timestamp], .duration) { args in
            guard case .timestamp(let a) = args[0], case .timestamp(let b) = args[1] else {
                return LibraryError.noOverload("_-_", args)
            }
            return TimeMath.difference(a, b)
        }
        add("_-_", id: "subtract_timestamp_duration", [.timestamp, .duration], .timestamp) { args in
            guard case .timestamp(let t) = args[0], case .duration(let d) = args[1] else {
                return LibraryError.noOverload("_-_", args)
            }
            return TimeMath.shift(t, by: d, negate: true)
        }
        add("_-_", id: "subtract_duration_duration", [.duration, .duration], .duration) { args in
            guard case .duration(let a) = args[0], case .duration(let b) = args[1] else {
                return LibraryError.noOverload("_-_", args)
            }
            return TimeMath.combine(a, b, subtract: true)
        }
        add("-_", id: "negate_duration", [.duration], .duration) { args in
            guard case .duration(let d) = args[0] else { return LibraryError.noOverload("-_", args) }
            guard let n = DurationText.nanoseconds(d), n != .min else { return DurationText.outOfRange }
            return .duration(DurationText.duration(nanoseconds: -n))
        }
    }
}

/// Checked timestamp and duration arithmetic.
enum TimeMath {
    static func shift(_ t: Timestamp, by d: CELDuration, negate: Bool) -> Value {
        guard let n = DurationText.nanoseconds(d) else { return DurationText.outOfRange }
        // |n| < 2^63 ns, about 9.2e9 s: no Int64 overflow on the seconds of an in-range timestamp.
        let seconds = n / 1_000_000_000
        let nanos = n % 1_000_000_000
        if negate {
            return TimestampText.checked(seconds: t.seconds - seconds, nanos: Int64(t.nanos) - nanos)
        }
        return TimestampText.checked(seconds: t.seconds + seconds, nanos: Int64(t.nanos) + nanos)
    }

    static func combine(_ a: CELDuration, _ b: CELDuration, subtract: Bool) -> Value {
        guard let x = DurationText.nanoseconds(a), let y = DurationText.nanoseconds(b) else {
            return DurationText.outOfRange
        }
        let (r, o) = subtract ? x.subtractingReportingOverflow(y) : x.addingReportingOverflow(y)
        return o ? DurationText.outOfRange : .duration(DurationText.duration(nanoseconds: r))
    }

    static func difference(_ a: Timestamp, _ b: Timestamp) -> Value {
        let (d, o0) = a.seconds.subtractingReportingOverflow(b.seconds)
        let (s, o1) = d.multipliedReportingOverflow(by: 1_000_000_000)
        let (r, o2) = s.addingReportingOverflow(Int64(a.nanos) - Int64(b.nanos))
        return o0 || o1 || o2 ? DurationText.outOfRange : .duration(DurationText.duration(nanoseconds: r))
    }
}
