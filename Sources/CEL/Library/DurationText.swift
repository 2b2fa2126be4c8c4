/// Durations as CEL evaluates them: a whole number of nanoseconds that fits in 64 bits
/// (about ±292 years), as cel-go does; their text forms `1h2m3.5s` (input) and `3723.5s` (output).
enum DurationText {
    /// The duration as total nanoseconds, or nil when it does not fit.
    static func nanoseconds(_ d: CELDuration) -> Int64? {
        let (s, o1) = d.seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (t, o2) = s.addingReportingOverflow(Int64(d.nanos))
        return o1 || o2 ? nil : t
    }

    static func duration(nanoseconds n: Int64) -> CELDuration {
        CELDuration(seconds: n / 1_000_000_000, nanos: Int32(n % 1_000_000_000))
    }

    static let outOfRange = LibraryError.range("duration out of range: it must lie within about ±292 years")

    /// Parses Go-style durations: `300ms`, `-1.5h`, `2h45m`, `100ns`, `1us`, `0`.
    static func parse(_ text: String) -> Value {
        let bad = LibraryError.invalid("duration '\(text)' is not valid: write a number followed by a unit (h, m, s, ms, us, ns), such as 90s or 1h30m")
        let scalars = Array(text.unicodeScalars)
        var i = 0
        var negative = false
        if i < scalars.count && (scalars[i] == "-" || scalars[i] == "+") {
            negative = scalars[i] == "-"
            i += 1
        }
        if i == scalars.count - 1 && scalars[i] == "0" { return .duration(CELDuration(seconds: 0)) }
        guard i < scalars.count else { return bad }
        // Accumulate as a magnitude in UInt64 so that -9223372036854775808ns still parses.
        var total: UInt64 = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        while i < scalars.count {
            var whole: UInt64 = 0
            var wholeDigits = 0
            var overflowed = false
            while i < scalars.count, isDigit(scalars[i]) {
                let (m, o1) = whole.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(UInt64(scalars[i].value - 48))
                if o1 || o2 { overflowed = true }
                whole = a
                wholeDigits += 1
                i += 1
            }
            var fraction: UInt64 = 0
            var scale: UInt64 = 1
            var fractionDigits = 0
            if i < scalars.count && scalars[i] == "." {
                i += 1
                while i < scalars.count, isDigit(scalars[i]) {
                    if scale < 1_000_000_000_000_000_000 {
                        fraction = fraction * 10 + UInt64(scalars[i].value - 48)
                        scale *= 10
                    }
                    fractionDigits += 1
                    i += 1
                }
            }
            guard wholeDigits + fractionDigits > 0 else { return bad }
            guard !overflowed else { return outOfRange }
            var unitText = ""
            while i < scalars.count, scalars[i] != ".", !isDigit(scalars[i]) {
                unitText.unicodeScalars.append(scalars[i])
                i += 1
            }
            let unit: UInt64
            switch unitText {
            case "ns": unit = 1
            case "us", "\u{00B5}s", "\u{03BC}s": unit = 1_000
            case "ms": unit = 1_000_000
            case "s": unit = 1_000_000_000
            case "m": unit = 60_000_000_000
            case "h": unit = 3_600_000_000_000
            default: return bad
            }
            let (w, o1) = whole.multipliedReportingOverflow(by: unit)
            // fraction/scale of a unit, truncated to whole nanoseconds; exact via a wide product.
            let product = fraction.multipliedFullWidth(by: unit)
            let part = scale.dividingFullWidth(product).quotient
            let (x, o2) = total.addingReportingOverflow(w)
            let (y, o3) = x.addingReportingOverflow(part)
            guard !(o1 || o2 || o3) else { return outOfRange }
            total = y
        }
        if negative {
            guard total <= UInt64(Int64.max) + 1 else { return outOfRange }
            return .duration(duration(nanoseconds: total == UInt64(Int64.max) + 1 ? Int64.min : -Int64(total)))
        }
        guard total <= UInt64(Int64.max) else { return outOfRange }
        return .duration(duration(nanoseconds: Int64(total)))
    }

    /// Seconds with as many fractional digits as needed: `3600s`, `1.5s`, `-0.000000001s`.
    static func format(_ d: CELDuration) -> String {
        let negative = d.seconds < 0 || d.nanos < 0
        let seconds = d.seconds.magnitude
        let nanos = Int64(d.nanos.magnitude)
        return (negative ? "-" : "") + String(seconds) + TimestampText.fraction(nanos) + "s"
    }
}
