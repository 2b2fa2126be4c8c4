/// The valid range of timestamps and their RFC 3339 text form.
enum TimestampText {
    /// 0001-01-01T00:00:00Z
    static let minSeconds: Int64 = -62_135_596_800
    /// 9999-12-31T23:59:59Z
    static let maxSeconds: Int64 = 253_402_300_799

    static func isInRange(_ t: Timestamp) -> Bool {
        t.seconds >= minSeconds && t.seconds <= maxSeconds && t.nanos >= 0 && t.nanos < 1_000_000_000
    }

    /// The timestamp, or a range error when it falls outside years 1 to 9999.
    static func checked(seconds: Int64, nanos: Int64) -> Value {
        let s = seconds + floorDivide(nanos, 1_000_000_000)
        let n = floorModulo(nanos, 1_000_000_000)
        let t = Timestamp(seconds: s, nanos: Int32(n))
        guard isInRange(t) else {
            return LibraryError.range("timestamp out of range: it must fall between the years 1 and 9999")
        }
        return .timestamp(t)
    }

    /// Parses `2009-02-13T23:31:30Z`, `2009-02-13T23:31:30.123+01:00` and the like.
    static func parse(_ text: String) -> Value {
        let b = Array(text.utf8)
        var i = 0
        func number(_ width: Int) -> Int64? {
            guard i + width <= b.count else { return nil }
            var v: Int64 = 0
            for k in i..<(i + width) {
                guard b[k] >= 48 && b[k] <= 57 else { return nil }
                v = v * 10 + Int64(b[k] - 48)
            }
            i += width
            return v
        }
        func expect(_ chars: UInt8...) -> Bool {
            guard i < b.count, chars.contains(b[i]) else { return false }
            i += 1
            return true
        }
        let bad = LibraryError.invalid("timestamp '\(text)' is not in RFC 3339 form, such as 2024-03-01T09:30:00Z")
        guard let year = number(4), expect(0x2D), let month = number(2), expect(0x2D), let day = number(2),
              expect(0x54, 0x74), let hour = number(2), expect(0x3A), let minute = number(2), expect(0x3A),
              let second = number(2) else { return bad }
        var nanos: Int64 = 0
        if i < b.count && b[i] == 0x2E {
            i += 1
            var digits = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                if digits < 9 { nanos = nanos * 10 + Int64(b[i] - 48) }
                digits += 1
                i += 1
            }
            guard digits > 0 else { return bad }
            for _ in min(digits, 9)..<9 { nanos *= 10 }
        }
        var offset: Int64 = 0
        if expect(0x5A, 0x7A) {
            offset = 0
        } else if i < b.count && (b[i] == 0x2B || b[i] == 0x2D) {
            let negative = b[i] == 0x2D
            i += 1
            guard let oh = number(2), expect(0x3A), let om = number(2), oh < 24, om < 60 else { return bad }
            offset = (oh * 3600 + om * 60) * (negative ? -1 : 1)
        } else {
            return bad
        }
        guard i == b.count else { return bad }
        guard month >= 1 && month <= 12, day >= 1 && day <= CivilDate.daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second < 60 else {
            return LibraryError.invalid("timestamp '\(text)' names a date or time that does not exist")
        }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        return checked(seconds: days * 86_400 + hour * 3600 + minute * 60 + second - offset, nanos: nanos)
    }

    /// RFC 3339 in UTC with as many fractional digits as needed: `2009-02-13T23:31:30.5Z`.
    static func format(_ t: Timestamp) -> String {
        let days = floorDivide(t.seconds, 86_400)
        let secondOfDay = floorModulo(t.seconds, 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        var out = pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2)
        out += "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        out += fraction(Int64(t.nanos))
        return out + "Z"
    }

    /// `.5`, `.123456789`, or nothing for whole seconds (trailing zeros dropped).
    static func fraction(_ nanos: Int64) -> String {
        guard nanos != 0 else { return "" }
        var digits = pad(nanos, 9)
        while digits.last == "0" { digits.removeLast() }
        return "." + digits
    }

    static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
