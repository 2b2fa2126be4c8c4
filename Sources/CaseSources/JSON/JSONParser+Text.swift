import CEL
import CaseModel

/// Text: JSON strings, with escapes and UTF-8 checked, and dates read from them.
extension JSONParser {
    /// The bytes between a string's quotes, before escapes are decoded.
    struct TextToken {
        var start: Int
        var end: Int
        var hasEscapes: Bool
        var isASCII: Bool
    }

    /// Finds the end of the string the parser is at (on its opening quote).
    mutating func scanText() throws -> TextToken {
        let quote = position.offset
        let start = quote + 1
        var i = start
        var hasEscapes = false, isASCII = true
        let count = bytes.count
        let base = bytes.baseAddress!
        while true {
            // Eight bytes at a time, straight to the first that needs a look: most text is
            // plain ASCII, and this runs over every key and value of every record.
            if i + 8 <= count {
                let flags = JSONParser.bytesNeedingALook(UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)))
                if flags == 0 {
                    i += 8
                    continue
                }
                i += flags.trailingZeroBitCount >> 3
            } else if i >= count {
                throw syntaxError("unterminated text: the closing '\"' is missing", at: quote)
            }
            let byte = base[i]
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                i += 2
                continue
            }
            if byte < 0x20 {
                position.offset = i
                if byte == 0x0A || byte == 0x0D {
                    throw syntaxError("line break inside text", hint: "close the quote, or write a line break as \\n")
                }
                throw syntaxError("control character (byte \(byte)) inside text", hint: "write it as an escape such as \\t or \\u0001")
            }
            if byte >= 0x80 { isASCII = false }
            i += 1
        }
        position.offset = i + 1
        return TextToken(start: start, end: i, hasEscapes: hasEscapes, isASCII: isASCII)
    }

    /// The high bit set in each of eight bytes (little-endian in `word`) that is a quote, a
    /// backslash, a control character or not ASCII; exact up to the first such byte.
    @inline(__always)
    static func bytesNeedingALook(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeroBytes(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & highs }
        let quote = zeroBytes(word ^ (ones &* 0x22))
        let backslash = zeroBytes(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs
        return quote | backslash | control | (word & highs)
    }

    mutating func parseString() throws -> String {
        try string(of: try scanText())
    }

    /// The decoded string of a token.
    func string(of token: TextToken) throws -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
        if !token.hasEscapes {
            if token.isASCII {
                // Short ASCII text (codes, ids, names) fits in a String's own sixteen bytes:
                // built in place, it skips the general decoding path, which costs several
                // times more for every such value of every record.
                if raw.isEmpty { return "" }
                if raw.count <= 15 {
                    return String(unsafeUninitializedCapacity: raw.count) { buffer in
                        buffer.baseAddress!.update(from: raw.baseAddress!, count: raw.count)
                        return raw.count
                    }
                }
                return String(decoding: raw, as: UTF8.self)
            }
            guard let s = String(validating: raw, as: UTF8.self) else {
                throw invalidUTF8(in: raw, startingAt: token.start)
            }
            return s
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var i = token.start
        while i < token.end {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\") else {
                decoded.append(byte)
                i += 1
                continue
            }
            guard i + 1 < token.end else { throw syntaxError("unfinished escape at the end of text", at: i) }
            let escape = bytes[i + 1]
            switch escape {
            case UInt8(ascii: "\""): decoded.append(0x22)
            case UInt8(ascii: "\\"): decoded.append(0x5C)
            case UInt8(ascii: "/"): decoded.append(0x2F)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0C)
            case UInt8(ascii: "n"): decoded.append(0x0A)
            case UInt8(ascii: "r"): decoded.append(0x0D)
            case UInt8(ascii: "t"): decoded.append(0x09)
            case UInt8(ascii: "u"):
                let (scalar, length) = try unicodeEscape(at: i, end: token.end)
                appendUTF8(scalar, to: &decoded)
                i += length
                continue
            default:
                throw syntaxError("invalid escape '\\\(describeEscape(escape))' in text", at: i,
                                  hint: "the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a backslash as \\\\")
            }
            i += 2
        }
        return try decoded.withUnsafeBufferPointer { buffer in
            guard let s = String(validating: buffer, as: UTF8.self) else {
                throw syntaxError("text is not valid UTF-8", at: token.start)
            }
            return s
        }
    }

    private func describeEscape(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(Character(Unicode.Scalar(byte))) : "(byte \(byte))"
    }

    /// Decodes `\uXXXX` (and the low half of a surrogate pair after it) at offset `i`;
    /// returns the scalar and how many bytes it took.
    private func unicodeEscape(at i: Int, end: Int) throws -> (Unicode.Scalar, Int) {
        func hex4(_ at: Int) throws -> UInt32 {
            guard at + 6 <= end else { throw syntaxError("\\u must be followed by four hexadecimal digits", at: at) }
            var value: UInt32 = 0
            for k in 2..<6 {
                let b = bytes[at + k]
                let digit: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
                default: throw syntaxError("\\u must be followed by four hexadecimal digits", at: at)
                }
                value = value << 4 | digit
            }
            return value
        }
        let first = try hex4(i)
        if first >= 0xDC00 && first <= 0xDFFF {
            throw syntaxError("invalid \\u escape: a lone low surrogate (\\u\(String(first, radix: 16, uppercase: true)))", at: i)
        }
        if first >= 0xD800 && first <= 0xDBFF {
            guard i + 12 <= end, bytes[i + 6] == UInt8(ascii: "\\"), bytes[i + 7] == UInt8(ascii: "u") else {
                throw syntaxError("invalid \\u escape: a high surrogate not followed by a low one", at: i)
            }
            let second = try hex4(i + 6)
            guard second >= 0xDC00 && second <= 0xDFFF else {
                throw syntaxError("invalid \\u escape: a high surrogate not followed by a low one", at: i)
            }
            let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            return (Unicode.Scalar(combined)!, 12)
        }
        return (Unicode.Scalar(first)!, 6)
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        UTF8.encode(scalar) { out.append($0) }
    }

    /// An error at the first byte that is not valid UTF-8.
    func invalidUTF8(in raw: UnsafeBufferPointer<UInt8>, startingAt start: Int) -> JSONSyntaxError {
        var offset = start
        var decoder = UTF8()
        var iterator = raw.makeIterator()
        var consumed = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                consumed += UTF8.width(s)
            case .emptyInput:
                break loop
            case .error:
                offset = start + consumed
                break loop
            }
        }
        return syntaxError("text is not valid UTF-8 (byte 0x\(String(bytes[min(offset, bytes.count - 1)], radix: 16, uppercase: true)))",
                           at: offset, hint: "save the file as UTF-8")
    }

    /// A string value, typed: text in a date field becomes a `date`.
    mutating func parseTextValue(_ type: ResolvedType) throws -> Value {
        let start = mark
        let token = try scanText()
        switch type {
        case .string, .any:
            return .string(try string(of: token))
        case .code(let codes):
            let allowed = codes.target
            let text = try string(of: token)
            if !allowed.set.contains(text) {
                context.unlistedCode(at: path, text, allowed: allowed, line: start.line, column: column(of: start))
            }
            return .string(text)
        case .date:
            if !token.hasEscapes, let date = JSONParser.isoDate(UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])) {
                return .date(date)
            }
            context.invalidDate(at: path, try string(of: token), line: start.line, column: column(of: start))
            return RecordTypingContext.rejected
        default:
            let text = try string(of: token)
            var hint: String?
            if case .bool = type, ["yes", "no", "y", "n", "true", "false"].contains(text.lowercased()) {
                hint = "write true or false without quotes"
            } else if case .int = type, Int64(text) != nil {
                hint = "write the number without quotes"
            }
            context.typeMismatch(at: path, expected: type, found: "the text \(quoted(text))", line: start.line, column: column(of: start), hint: hint)
            return RecordTypingContext.rejected
        }
    }
}

extension JSONParser {
    /// `YYYY-MM-DD` read straight from the bytes: this runs for every date of every record,
    /// and CaseModel's general parser is generic across modules (not specialised here).
    /// Nil for anything else; the caller then asks CaseModel what is wrong with the text.
    static func isoDate(_ b: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        var valid = true
        func number(_ from: Int, _ to: Int) -> Int {
            var n = 0
            for i in from..<to {
                let d = Int(b[i]) &- 48
                if d < 0 || d > 9 { valid = false }
                n = n * 10 + d
            }
            return n
        }
        let year = number(0, 4), month = number(5, 7), day = number(8, 10)
        guard valid, year >= 1 else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
