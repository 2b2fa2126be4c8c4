/// Type conversions: `int()`, `uint()`, `double()`, `string()`, `bytes()`, `bool()`,
/// `timestamp()`, `duration()`, with range checks as cel-go makes them.
extension FunctionRegistry {
    mutating func addConversions() {
        addIntConversions()
        addUintConversions()
        addDoubleConversions()
        addStringConversions()
        // bytes
        add("bytes", id: "bytes_to_bytes", [.bytes], .bytes) { $0[0] }
        add("bytes", id: "string_to_bytes", [.string], .bytes) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("bytes", args) }
            return .bytes(Array(s.utf8))
        }
        // bool
        add("bool", id: "bool_to_bool", [.bool], .bool) { $0[0] }
        add("bool", id: "string_to_bool", [.string], .bool) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("bool", args) }
            switch s {
            case "1", "t", "T", "true", "TRUE", "True": return .bool(true)
            case "0", "f", "F", "false", "FALSE", "False": return .bool(false)
            default: return LibraryError.invalid("cannot convert '\(s)' to bool: use true or false")
            }
        }
        // timestamp
        add("timestamp", id: "timestamp_to_timestamp", [.timestamp], .timestamp) { $0[0] }
        add("timestamp", id: "string_to_timestamp", [.string], .timestamp) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("timestamp", args) }
            return TimestampText.parse(s)
        }
        add("timestamp", id: "int_to_timestamp", [.int], .timestamp) { args in
            guard case .int(let seconds) = args[0] else { return LibraryError.noOverload("timestamp", args) }
            return TimestampText.checked(seconds: seconds, nanos: 0)
        }
        // duration
        add("duration", id: "duration_to_duration", [.duration], .duration) { $0[0] }
        add("duration", id: "string_to_duration", [.string], .duration) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("duration", args) }
            return DurationText.parse(s)
        }
    }

    private mutating func addIntConversions() {
        add("int", id: "int_to_int", [.int], .int) { $0[0] }
        add("int", id: "uint_to_int", [.uint], .int) { args in
            guard case .uint(let u) = args[0] else { return LibraryError.noOverload("int", args) }
            guard u <= UInt64(Int64.max) else { return LibraryError.range("int(\(u)u) is out of range: the largest int is \(Int64.max)") }
            return .int(Int64(u))
        }
        add("int", id: "double_to_int", [.double], .int) { args in
            guard case .double(let d) = args[0] else { return LibraryError.noOverload("int", args) }
            // -2^63 and 2^63 themselves are rejected, as cel-go does.
            guard d > -9.223372036854775808e18 && d < 9.223372036854775808e18 else {
                return LibraryError.range("int(\(DoubleText.general(d))) is out of range for an int")
            }
            return .int(Int64(d.rounded(.towardZero)))
        }
        add("int", id: "string_to_int", [.string], .int) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("int", args) }
            guard let v = Int64(s) else { return LibraryError.invalid("cannot convert '\(s)' to int: it is not a whole number in range") }
            return .int(v)
        }
        add("int", id: "timestamp_to_int", [.timestamp], .int) { args in
            guard case .timestamp(let t) = args[0] else { return LibraryError.noOverload("int", args) }
            return .int(t.seconds)
        }
        add("int", id: "duration_to_int", [.duration], .int) { args in
            guard case .duration(let d) = args[0] else { return LibraryError.noOverload("int", args) }
            guard let n = DurationText.nanoseconds(d) else { return DurationText.outOfRange }
            return .int(n)
        }
    }

    private mutating func addUintConversions() {
        add("uint", id: "uint_to_uint", [.uint], .uint) { $0[0] }
        add("uint", id: "int_to_uint", [.int], .uint) { args in
            guard case .int(let i) = args[0] else { return LibraryError.noOverload("uint", args) }
            guard i >= 0 else { return LibraryError.range("uint(\(i)) is out of range: a uint cannot be negative") }
            return .uint(UInt64(i))
        }
        add("uint", id: "double_to_uint", [.double], .uint) { args in
            guard case .double(let d) = args[0] else { return LibraryError.noOverload("uint", args) }
            guard d >= 0 && d < 1.8446744073709551616e19 else {
                return LibraryError.range("uint(\(DoubleText.general(d))) is out of range for a uint")
            }
            return .uint(UInt64(d.rounded(.towardZero)))
        }
        add("uint", id: "string_to_uint", [.string], .uint) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("uint", args) }
            guard s.first != "+", let v = UInt64(s) else {
                return LibraryError.invalid("cannot convert '\(s)' to uint: it is not a non-negative whole number in range")
            }
            return .uint(v)
        }
    }

    private mutating func addDoubleConversions() {
        add("double", id: "double_to_double", [.double], .double) { $0[0] }
        add("double", id: "int_to_double", [.int], .double) { args in
            guard case .int(let i) = args[0] else { return LibraryError.noOverload("double", args) }
            return .double(Double(i))
        }
        add("double", id: "uint_to_double", [.uint], .double) { args in
            guard case .uint(let u) = args[0] else { return LibraryError.noOverload("double", args) }
            return .double(Double(u))
        }
        add("double", id: "string_to_double", [.string], .double) { args in
            guard case .string(let s) = args[0] else { return LibraryError.noOverload("double", args) }
            return NumberParsing.double(s)
        }
    }

    private mutating func addStringConversions() {
        add("string", id: "string_to_string", [.string], .string) { $0[0] }
        add("string", id: "int_to_string", [.int], .string) { args in
            guard case .int(let i) = args[0] else { return LibraryError.noOverload("string", args) }
            return .string(String(i))
        }
        add("string", id: "uint_to_string", [.uint], .string) { args in
            guard case .uint(let u) = args[0] else { return LibraryError.noOverload("string", args) }
            return .string(String(u))
        }
        add("string", id: "double_to_string", [.double], .string) { args in
            guard case .double(let d) = args[0] else { return LibraryError.noOverload("string", args) }
            return .string(DoubleText.general(d))
        }
        add("string", id: "bool_to_string", [.bool], .string) { args in
            guard case .bool(let b) = args[0] else { return LibraryError.noOverload("string", args) }
            return .string(b ? "true" : "false")
        }
        add("string", id: "bytes_to_string", [.bytes], .string) { args in
            guard case .bytes(let b) = args[0] else { return LibraryError.noOverload("string", args) }
            guard let s = String(validating: b, as: UTF8.self) else {
                return LibraryError.invalid("bytes are not valid UTF-8 text, so they cannot be converted to a string")
            }
            return .string(s)
        }
        add("string", id: "timestamp_to_string", [.timestamp], .string) { args in
            guard case .timestamp(let t) = args[0] else { return LibraryError.noOverload("string", args) }
            return .string(TimestampText.format(t))
        }
        add("string", id: "duration_to_string", [.duration], .string) { args in
            guard case .duration(let d) = args[0] else { return LibraryError.noOverload("string", args) }
            return .string(DurationText.format(d))
        }
    }
}

/// Reading numbers from text the way Go's `strconv.ParseFloat` does.
enum NumberParsing {
    static func double(_ text: String) -> Value {
        let bad = LibraryError.invalid("cannot convert '\(text)' to double: it is not a number")
        guard let first = text.unicodeScalars.first, !first.properties.isWhitespace,
              let last = text.unicodeScalars.last, !last.properties.isWhitespace,
              let v = Double(text) else { return bad }
        if v.isInfinite && !text.lowercased().contains("inf") {
            return LibraryError.range("cannot convert '\(text)' to double: it is too large")
        }
        return .double(v)
    }
}
