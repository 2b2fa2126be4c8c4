/// Splits CEL source text into tokens. Works on UTF-8 bytes; every token records its byte
/// offsets so that errors can point at the offending character.
struct Lexer {
    private let bytes: [UInt8]
    private var position = 0

    init(_ source: String) {
        bytes = Array(source.utf8)
    }

    /// Reads every token, ending with `.endOfInput`.
    static func tokenize(_ source: String) throws -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .endOfInput { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        let i = position + ahead
        return i < bytes.count ? bytes[i] : nil
    }

    mutating func next() throws -> Token {
        skipWhitespaceAndComments()
        let start = position
        guard let c = peek() else { return Token(kind: .endOfInput, start: start, end: start) }

        if isIdentifierStart(c) { return try identifierOrPrefixedString() }
        if isDigit(c) || (c == UInt8(ascii: ".") && peek(1).map(isDigit) == true) { return try number() }
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
            return try stringLiteral(start: start, raw: false, bytes: false)
        }
        if c == UInt8(ascii: "`") { return try quotedIdentifier() }
        return try punctuation(c)
    }

    private mutating func skipWhitespaceAndComments() {
        while let c = peek() {
            switch c {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                position += 1
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                while let d = peek(), d != 0x0A { position += 1 }
            default:
                return
            }
        }
    }

    // MARK: identifiers

    private func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == UInt8(ascii: "_")
    }

    private func isIdentifierPart(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) }
    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private func isHexDigit(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46)
    }

    private mutating func identifierOrPrefixedString() throws -> Token {
        let start = position
        while let c = peek(), isIdentifierPart(c) { position += 1 }
        let word = String(decoding: bytes[start..<position], as: UTF8.self)
        if let q = peek(), q == UInt8(ascii: "'") || q == UInt8(ascii: "\""), word.count <= 2 {
            let lower = word.lowercased()
            switch lower {
            case "r": return try stringLiteral(start: start, raw: true, bytes: false)
            case "b": return try stringLiteral(start: start, raw: false, bytes: true)
            case "br", "rb": return try stringLiteral(start: start, raw: true, bytes: true)
            default: break
            }
        }
        let kind: Token.Kind
        switch word {
        case "true": kind = .trueKeyword
        case "false": kind = .falseKeyword
        case "null": kind = .nullKeyword
        case "in": kind = .inKeyword
        default: kind = .identifier(word)
        }
        return Token(kind: kind, start: start, end: position)
    }

    /// A field name in backquotes, such as `` `content-type` ``.
    private mutating func quotedIdentifier() throws -> Token {
        let start = position
        position += 1
        let nameStart = position
        while let c = peek(), c != UInt8(ascii: "`") {
            if c == 0x0A || c == 0x0D { break }
            position += 1
        }
        guard peek() == UInt8(ascii: "`") else {
            throw SyntaxError("this quoted field name has no closing backquote", at: start)
        }
        let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
        position += 1
        if name.isEmpty { throw SyntaxError("a quoted field name cannot be empty", at: start) }
        return Token(kind: .quotedIdentifier(name), start: start, end: position)
    }

    // MARK: numbers

    private mutating func number() throws -> Token {
        let start = position
        if peek() == UInt8(ascii: "0"), let x = peek(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            position += 2
            let digitsStart = position
            while let c = peek(), isHexDigit(c) { position += 1 }
            guard position > digitsStart else {
                throw SyntaxError("a hexadecimal number needs digits after '0x'", at: start)
            }
            let text = String(decoding: bytes[digitsStart..<position], as: UTF8.self)
            guard let magnitude = UInt64(text, radix: 16) else {
                throw SyntaxError("this number is too large (integers are 64-bit)", at: start)
            }
            return try integerSuffix(magnitude, start: start)
        }

        var isDouble = false
        while let c = peek(), isDigit(c) { position += 1 }
        if peek() == UInt8(ascii: "."), let d = peek(1), isDigit(d) {
            isDouble = true
            position += 1
            while let c = peek(), isDigit(c) { position += 1 }
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var look = 1
            if let s = peek(1), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { look = 2 }
            if let d = peek(look), isDigit(d) {
                isDouble = true
                position += look
                while let c = peek(), isDigit(c) { position += 1 }
            } else {
                throw SyntaxError("the exponent of this number has no digits", at: position)
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isDouble {
            let normalised = text.hasPrefix(".") ? "0" + text : text
            guard let value = Double(normalised) else {
                throw SyntaxError("'\(text)' is not a valid number", at: start)
            }
            if value.isInfinite {
                throw SyntaxError("the number \(text) is too large for a double", at: start)
            }
            if let c = peek(), isIdentifierStart(c) {
                throw SyntaxError("unexpected character after the number \(text)", at: position)
            }
            return Token(kind: .doubleLiteral(value), start: start, end: position)
        }
        guard let magnitude = UInt64(text) else {
            throw SyntaxError("the number \(text) is too large (integers are 64-bit)", at: start)
        }
        return try integerSuffix(magnitude, start: start)
    }

    private mutating func integerSuffix(_ magnitude: UInt64, start: Int) throws -> Token {
        if let u = peek(), u == UInt8(ascii: "u") || u == UInt8(ascii: "U") {
            position += 1
            if let c = peek(), isIdentifierPart(c) {
                throw SyntaxError("unexpected character after the number", at: position)
            }
            return Token(kind: .uintLiteral(magnitude), start: start, end: position)
        }
        if let c = peek(), isIdentifierPart(c) {
            throw SyntaxError("unexpected character after the number", at: position)
        }
        return Token(kind: .intLiteral(magnitude), start: start, end: position)
    }

    // MARK: strings

    /// Reads a quoted literal. `position` is at the opening quote; `start` includes any prefix.
    private mutating func stringLiteral(start: Int, raw: Bool, bytes isBytes: Bool) throws -> Token {
        let quote = bytes[position]
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var out: [UInt8] = []
        while true {
            guard let c = peek() else {
                throw SyntaxError("this string has no closing quote", at: start,
                                  hint: "add \(triple ? String(repeating: Character(Unicode.Scalar(quote)), count: 3) : String(Character(Unicode.Scalar(quote)))) at the end of the text")
            }
            if c == quote {
                if !triple {
                    position += 1
                    break
                }
                if peek(1) == quote && peek(2) == quote {
                    position += 3
                    break
                }
            }
            if !triple && (c == 0x0A || c == 0x0D) {
                throw SyntaxError("this string has no closing quote before the end of the line", at: start,
                                  hint: "use triple quotes (''' ... ''') for text over several lines")
            }
            if c == UInt8(ascii: "\\") && !raw {
                try escape(into: &out, isBytes: isBytes)
                continue
            }
            out.append(c)
            position += 1
        }
        if isBytes { return Token(kind: .bytesLiteral(out), start: start, end: position) }
        return Token(kind: .stringLiteral(String(decoding: out, as: UTF8.self)), start: start, end: position)
    }

    /// Decodes one escape sequence starting at the backslash.
    private mutating func escape(into out: inout [UInt8], isBytes: Bool) throws {
        let escapeStart = position
        position += 1
        guard let c = peek() else { throw SyntaxError("the escape sequence is incomplete", at: escapeStart) }
        position += 1
        func simple(_ b: UInt8) { out.append(b) }
        switch c {
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"), UInt8(ascii: "?"):
            simple(c)
        case UInt8(ascii: "a"): simple(0x07)
        case UInt8(ascii: "b"): simple(0x08)
        case UInt8(ascii: "f"): simple(0x0C)
        case UInt8(ascii: "n"): simple(0x0A)
        case UInt8(ascii: "r"): simple(0x0D)
        case UInt8(ascii: "t"): simple(0x09)
        case UInt8(ascii: "v"): simple(0x0B)
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            let value = try hexDigits(2, escapeStart: escapeStart)
            appendCodeUnit(value, into: &out, isBytes: isBytes)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            if isBytes {
                throw SyntaxError("\\u escapes are not allowed in bytes literals; use \\x", at: escapeStart)
            }
            let value = try hexDigits(c == UInt8(ascii: "u") ? 4 : 8, escapeStart: escapeStart)
            guard let scalar = Unicode.Scalar(value) else {
                throw SyntaxError("this escape is not a valid Unicode code point", at: escapeStart)
            }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        case UInt8(ascii: "0")...UInt8(ascii: "3"):
            guard let d1 = peek(), let d2 = peek(1),
                  d1 >= 0x30 && d1 <= 0x37, d2 >= 0x30 && d2 <= 0x37 else {
                throw SyntaxError("an octal escape needs three digits, such as \\101", at: escapeStart)
            }
            position += 2
            let value = UInt32(c - 0x30) * 64 + UInt32(d1 - 0x30) * 8 + UInt32(d2 - 0x30)
            appendCodeUnit(value, into: &out, isBytes: isBytes)
        default:
            let shown = c < 0x80 ? String(UnicodeScalar(c)) : "?"
            throw SyntaxError("'\\\(shown)' is not a valid escape sequence", at: escapeStart,
                              hint: "write \\\\ for a backslash, or use a raw string such as r'\\d+'")
        }
    }

    private mutating func hexDigits(_ count: Int, escapeStart: Int) throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let c = peek(), isHexDigit(c) else {
                throw SyntaxError("this escape needs \(count) hexadecimal digits", at: escapeStart)
            }
            let digit: UInt32
            switch c {
            case 0x30...0x39: digit = UInt32(c - 0x30)
            case 0x61...0x66: digit = UInt32(c - 0x61 + 10)
            default: digit = UInt32(c - 0x41 + 10)
            }
            value = value &* 16 &+ digit
            position += 1
        }
        return value
    }

    /// `\xFF` and `\377` are a byte in bytes literals and a code point in string literals.
    private func appendCodeUnit(_ value: UInt32, into out: inout [UInt8], isBytes: Bool) {
        if isBytes {
            out.append(UInt8(truncatingIfNeeded: value))
        } else {
            out.append(contentsOf: Array(String(Character(Unicode.Scalar(value)!)).utf8))
        }
    }

    // MARK: punctuation

    private mutating func punctuation(_ c: UInt8) throws -> Token {
        let start = position
        let two: Token.Punctuation?
        switch (c, peek(1)) {
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): two = .lessEqual
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): two = .greaterEqual
        case (UInt8(ascii: "="), UInt8(ascii: "=")): two = .equal
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): two = .notEqual
        case (UInt8(ascii: "&"), UInt8(ascii: "&")): two = .and
        case (UInt8(ascii: "|"), UInt8(ascii: "|")): two = .or
        default: two = nil
        }
        if let two {
            position += 2
            return Token(kind: .punctuation(two), start: start, end: position)
        }
        if let one = Token.Punctuation(rawValue: String(UnicodeScalar(c))), c < 0x80 {
            position += 1
            return Token(kind: .punctuation(one), start: start, end: position)
        }
        var hint: String?
        switch c {
        case UInt8(ascii: "="): hint = "use == to compare"
        case UInt8(ascii: "&"): hint = "use && for 'and'"
        case UInt8(ascii: "|"): hint = "use || for 'or'"
        default: break
        }
        throw SyntaxError("unexpected character \(describeCharacter(at: start))", at: start, hint: hint)
    }

    private func describeCharacter(at offset: Int) -> String {
        var end = offset + 1
        while end < bytes.count && (bytes[end] & 0xC0) == 0x80 { end += 1 }
        let text = String(decoding: bytes[offset..<end], as: UTF8.self)
        return "'\(text)'"
    }
}
