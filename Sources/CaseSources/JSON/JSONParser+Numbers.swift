import CEL

/// Numbers: checked against the JSON grammar, read as 64-bit integers where they fit.
extension JSONParser {
    enum Number {
        case int(Int64)
        case double(Double)
        /// An integer literal too large for 64 bits, as the nearest double.
        case hugeInteger(Double)
    }

    mutating func scanNumber() throws -> (Number, String) {
        let start = position.offset
        func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }
        let negative = peek == UInt8(ascii: "-")
        if negative { position.offset += 1 }
        guard isDigit(peek) else { throw syntaxError("invalid number: expected a digit after '-'") }
        let integerStart = position.offset
        if peek == UInt8(ascii: "0") {
            position.offset += 1
            if isDigit(peek) {
                throw syntaxError("invalid number: a number may not start with 0", at: integerStart,
                                  hint: "if this is an identifier, write it as text in double quotes")
            }
        } else {
            while isDigit(peek) { position.offset += 1 }
        }
        var isInteger = true
        if peek == UInt8(ascii: ".") {
            position.offset += 1
            guard isDigit(peek) else { throw syntaxError("invalid number: expected a digit after the decimal point") }
            while isDigit(peek) { position.offset += 1 }
            isInteger = false
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            position.offset += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { position.offset += 1 }
            guard isDigit(peek) else { throw syntaxError("invalid number: expected a digit in the exponent") }
            while isDigit(peek) { position.offset += 1 }
            isInteger = false
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position.offset]), as: UTF8.self)
        if isInteger {
            // Accumulated as a negative number so that Int64.min fits.
            var value: Int64 = 0
            var overflow = false
            for i in integerStart..<position.offset {
                let digit = Int64(bytes[i] - UInt8(ascii: "0"))
                let (shifted, o1) = value.multipliedReportingOverflow(by: 10)
                let (next, o2) = shifted.subtractingReportingOverflow(digit)
                if o1 || o2 { overflow = true; break }
                value = next
            }
            if !overflow {
                if negative { return (.int(value), text) }
                if value != Int64.min { return (.int(-value), text) }
            }
            return (.hugeInteger(Double(text) ?? .infinity), text)
        }
        return (.double(Double(text) ?? .nan), text)
    }

    mutating func parseNumberValue(_ type: ResolvedType) throws -> Value {
        let start = mark
        let (number, text) = try scanNumber()
        switch (type, number) {
        case (.int, .int(let i)), (.any, .int(let i)):
            return .int(i)
        case (.double, .int(let i)):
            return .double(Double(i))
        case (.double, .double(let d)), (.any, .double(let d)), (.double, .hugeInteger(let d)), (.any, .hugeInteger(let d)):
            guard d.isFinite else {
                context.error("field '\(path.rendered)': the number \(text) is too large", line: start.line, column: column(of: start))
                return RecordTypingContext.rejected
            }
            return .double(d)
        case (.int, .hugeInteger):
            context.error("field '\(path.rendered)': the number \(text) is too large for a whole-number field"
                          + " (the limit is 9223372036854775807)", line: start.line, column: column(of: start))
            return RecordTypingContext.rejected
        case (.int, .double):
            context.typeMismatch(at: path, expected: type, found: "the number \(text)", line: start.line, column: column(of: start))
            return RecordTypingContext.rejected
        default:
            let hint: String? = {
                if case .string = type { return "write it in double quotes: \"\(text)\"" }
                return nil
            }()
            context.typeMismatch(at: path, expected: type, found: "the number \(text)", line: start.line, column: column(of: start), hint: hint)
            return RecordTypingContext.rejected
        }
    }
}
