/// Strict ISO 8601 calendar dates: exactly `YYYY-MM-DD`, zero-padded, years 0001–9999.
/// Looser forms (`2024-2-3`, `03/02/2024`, a time of day) are rejected rather than guessed at,
/// because a misread date in a case record silently changes what a rule finds.
extension CalendarDate {
    /// Parses `YYYY-MM-DD`; nil when the text is not a real date. Use
    /// ``init(validatingISO:)`` for an error that says what is wrong.
    public init?(iso text: String) {
        guard let d = try? CalendarDate(validatingISO: text) else { return nil }
        self = d
    }

    /// Parses `YYYY-MM-DD`.
    /// - Throws: ``CalendarDateParseError`` naming what is wrong.
    public init(validatingISO text: String) throws {
        let result = text.utf8.withContiguousStorageIfAvailable { CalendarDate.parseISO($0) }
            ?? CalendarDate.parseISO(Array(text.utf8))
        switch result {
        case .success(let d): self = d
        case .failure(let reason): throw CalendarDateParseError(text: text, reason: reason)
        }
    }

    /// Parses `YYYY-MM-DD` from UTF-8 bytes (for loaders that read bytes directly); nil when invalid.
    public init?<Bytes: Collection>(isoUTF8 bytes: Bytes) where Bytes.Element == UInt8 {
        guard case .success(let d) = CalendarDate.parseISO(bytes) else { return nil }
        self = d
    }

    static func parseISO<Bytes: Collection>(_ bytes: Bytes) -> Result<CalendarDate, CalendarDateParseError.Reason>
    where Bytes.Element == UInt8 {
        guard bytes.count == 10 else { return .failure(.badFormat) }
        // Accumulate the three numbers in place: this runs once per date in every case file.
        var year = 0, month = 0, day = 0
        var position = 0
        for b in bytes {
            if position == 4 || position == 7 {
                guard b == UInt8(ascii: "-") else { return .failure(.badFormat) }
            } else {
                guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") else { return .failure(.badFormat) }
                let digit = Int(b &- UInt8(ascii: "0"))
                if position < 4 { year = year * 10 + digit } else if position < 7 { month = month * 10 + digit } else { day = day * 10 + digit }
            }
            position += 1
        }
        guard year >= 1 else { return .failure(.yearOutOfRange(year)) }
        guard (1...12).contains(month) else { return .failure(.monthOutOfRange(month)) }
        guard day >= 1, day <= daysInMonth(year: year, month: month) else {
            return .failure(.dayOutOfRange(day: day, month: month, year: year))
        }
        return .success(CalendarDate(dayNumber: Int32(dayNumber(year: year, month: month, day: day))))
    }

    /// `YYYY-MM-DD`, zero-padded; years outside 0000–9999 are written with a sign as ISO
    /// 8601 expanded years (`-0001-03-01`, `+10000-01-01`).
    public var isoString: String {
        let (y, m, d) = components
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        let yearText: String
        if y < 0 { yearText = "-" + pad(-y, 4) } else if y > 9999 { yearText = "+" + String(y) } else { yearText = pad(y, 4) }
        return "\(yearText)-\(pad(m, 2))-\(pad(d, 2))"
    }
}
