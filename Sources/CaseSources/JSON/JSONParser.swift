import CEL
import CaseModel

/// A JSON reader written for case files: it reads bytes straight into CEL values, typed by
/// the schema as it goes (a date field's text becomes a `date`), and keeps the line of
/// every record and list item. No intermediate `[String: Any]` tree is built.
///
/// Syntax errors are thrown as ``JSONSyntaxError`` with line and column; schema problems
/// (a wrong type, an invalid date, a duplicated field) do not stop the parse: they are
/// collected in the ``RecordTypingContext`` and the record is skipped afterwards.
///
/// Numbers: integers that fit in 64 bits are `int`; other numbers are `double`. An integer
/// too large for 64 bits becomes a `double` in an untyped or `double` field and is an error
/// in an `int` field, where a rounded value would be a silent change.
struct JSONParser {
    /// Where the parser is, kept between calls so that a file can be read a record at a time.
    struct Position {
        var offset = 0
        var line = 1
        /// Offset of the first byte of the current line, for columns.
        var lineStart = 0
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position: Position
    let maxDepth: Int
    let context: RecordTypingContext
    /// Where in the current record the parser is (kept here, not in the context object, so
    /// that pushing and popping is plain struct mutation without runtime access checks).
    var path = FieldPath()
    /// The line the current record starts on.
    var recordLine = 0

    init(bytes: UnsafeBufferPointer<UInt8>, position: Position, maxDepth: Int, context: RecordTypingContext) {
        self.bytes = bytes
        self.position = position
        self.maxDepth = maxDepth
        self.context = context
    }

    // MARK: Positions

    var atEnd: Bool { position.offset >= bytes.count }

    var peek: UInt8? { position.offset < bytes.count ? bytes[position.offset] : nil }

    /// 1-based column of an offset on the current line, counting characters, not bytes.
    func column(of offset: Int) -> Int {
        var column = 1
        var i = position.lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    var column: Int { column(of: position.offset) }

    /// A remembered place; its column is worked out only if a message needs it, since
    /// counting characters from the start of a long line for every value would be quadratic.
    struct Mark {
        var line: Int
        var lineStart: Int
        var offset: Int
    }

    var mark: Mark { Mark(line: position.line, lineStart: position.lineStart, offset: position.offset) }

    func column(of mark: Mark) -> Int {
        var column = 1
        var i = mark.lineStart
        while i < mark.offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    func syntaxError(_ message: String, at offset: Int? = nil, hint: String? = nil) -> JSONSyntaxError {
        JSONSyntaxError(message: message, line: position.line, column: column(of: offset ?? position.offset), hint: hint)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        // Exports are mostly written without spaces: the usual answer is "none here".
        if position.offset < bytes.count && bytes[position.offset] > 0x20 { return }
        skipWhitespaceSlowly()
    }

    private mutating func skipWhitespaceSlowly() {
        while position.offset < bytes.count {
            switch bytes[position.offset] {
            case 0x20, 0x09, 0x0D:
                position.offset += 1
            case 0x0A:
                position.offset += 1
                position.line += 1
                position.lineStart = position.offset
            default:
                return
            }
        }
    }

    /// Skips a UTF-8 byte order mark at the start of the input.
    mutating func skipByteOrderMark() {
        if bytes.count >= 3, position.offset == 0, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            position.offset = 3
            position.lineStart = 3
        }
    }

    // MARK: Records

    /// Reads one record (the parser is at its `{`) and turns it into load events.
    mutating func parseRecord(schema: ResolvedObject) throws -> [LoadEvent] {
        let start = mark
        context.beginRecord(line: start.line)
        path = FieldPath()
        recordLine = start.line
        let value = try parseObject(schema, depth: 0)
        guard case .map(let map) = value else { return [] }
        return context.finishRecord(map, line: start.line, column: column(of: start))
    }

    // MARK: Values

    /// Reads any JSON value, typed as `type` says.
    @inline(__always)
    mutating func parseValue(_ type: ResolvedType, depth: Int) throws -> Value {
        skipWhitespace()
        guard let byte = peek else { throw syntaxError("unexpected end of file: expected a value") }
        let start = mark
        switch byte {
        case UInt8(ascii: "{"):
            let committed = path.commitLeaf()
            defer { if committed { path.pop() } }
            switch type {
            case .object(let schema): return try parseObject(schema.target, depth: depth)
            case .any: return try parseObject(nil, depth: depth)
            default:
                _ = try parseObject(nil, depth: depth)
                context.typeMismatch(at: path, expected: type, found: "an object", line: start.line, column: column(of: start))
                return RecordTypingContext.rejected
            }
        case UInt8(ascii: "["):
            let committed = path.commitLeaf()
            defer { if committed { path.pop() } }
            switch type {
            case .list(let item): return try parseList(item.target.type, depth: depth)
            case .any: return try parseList(.any, depth: depth)
            default:
                _ = try parseList(.any, depth: depth)
                context.typeMismatch(at: path, expected: type, found: "a list", line: start.line, column: column(of: start))
                return RecordTypingContext.rejected
            }
        case UInt8(ascii: "\""):
            return try parseTextValue(type)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            let value = try parseBoolean()
            switch type {
            case .bool, .any: return .bool(value)
            default:
                context.typeMismatch(at: path, expected: type, found: value ? "true" : "false", line: start.line, column: column(of: start))
                return RecordTypingContext.rejected
            }
        case UInt8(ascii: "n"):
            try expectWord("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try parseNumberValue(type)
        default:
            throw unexpectedCharacter(expecting: "a value")
        }
    }

    /// An error for a character that cannot start what is expected, with a hint for the
    /// usual mistakes (single quotes, unquoted text, a trailing comma).
    func unexpectedCharacter(expecting what: String) -> JSONSyntaxError {
        guard let byte = peek else { return syntaxError("unexpected end of file: expected \(what)") }
        let shown = describeCharacter(at: position.offset)
        var hint: String?
        switch byte {
        case UInt8(ascii: "'"): hint = "JSON text is written in double quotes: \"like this\""
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            hint = "text must be in double quotes; the only bare words are true, false and null"
        case UInt8(ascii: "}"), UInt8(ascii: "]"): hint = "is there a comma too many just before it?"
        case 0xFE, 0xFF, 0x00: hint = "the file looks like UTF-16 text; save it as UTF-8"
        default: break
        }
        return syntaxError("unexpected \(shown): expected \(what)", hint: hint)
    }

    func describeCharacter(at offset: Int) -> String {
        let byte = bytes[offset]
        if byte < 0x20 || byte == 0x7F { return "control character (byte \(byte))" }
        if byte < 0x80 { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "character (byte 0x\(String(byte, radix: 16, uppercase: true)))"
    }

    mutating func parseObject(_ schema: ResolvedObject?, depth: Int) throws -> Value {
        guard depth < maxDepth else {
            throw syntaxError("nesting deeper than \(maxDepth) levels", hint: "case records are a few levels deep; is this file a case export?")
        }
        let open = mark
        position.offset += 1  // {
        // Values go straight into the map's value array. While every key is a schema field
        // (the usual case) the keys are only noted, a 4-bit field number each, and the map
        // is built on a shape shared by all objects with the same fields in that order.
        var values = MapValue.Builder(capacity: schema?.fieldNames.count ?? 4)
        // Taken once: pushing a path component made from `schema` itself costs a retain
        // and a release for every field read.
        let schemaReference = schema.map { Unmanaged.passUnretained($0) }
        var order: UInt64 = 0
        var orderShift: UInt64 = 0
        /// The keys in full, once an object cannot be shaped (no schema, an unknown field).
        var keys: [String]? = schema == nil ? [] : nil
        // Which schema fields have been seen, for duplicates without hashing (first 64 fields).
        var seenFields: UInt64 = 0
        // Which of them were null (a null required field counts as missing).
        var nullFields: UInt64 = 0
        /// The field after the last one read: where the next key is looked for first.
        var nextLikelyField = 0
        /// The last key that is not a schema field, as text (a schema field's name is the
        /// schema's own string, fetched when needed). Declared out here so that a record's
        /// schema fields, nearly all of them, do not each end by releasing an empty one.
        var otherKey: String?
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            position.offset += 1
        } else {
            while true {
                skipWhitespace()
                guard peek == UInt8(ascii: "\"") else {
                    throw unexpectedCharacter(expecting: "a field name in double quotes")
                }
                let keyMark = mark
                var fieldIndex: Int?
                if let schema, let i = schema.quotedName(of: nextLikelyField, isAt: bytes, offset: position.offset) {
                    // The usual case, the field the schema lists next: matched in place,
                    // quotes and all, without scanning the key first.
                    fieldIndex = i
                    position.offset += schema.quotedNameLength(of: i)
                } else {
                    let token = try scanText()
                    if let schema, !token.hasEscapes,
                       let i = schema.fieldIndex(matching: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]),
                                                 likely: nextLikelyField) {
                        fieldIndex = i
                    } else {
                        let decoded = try string(of: token)
                        fieldIndex = schema?.fieldIndex(named: decoded)
                        if fieldIndex == nil { otherKey = decoded }
                    }
                }
                var key: String { fieldIndex.map { schema!.fieldNames[$0] } ?? otherKey! }
                skipWhitespace()
                guard peek == UInt8(ascii: ":") else {
                    throw unexpectedCharacter(expecting: "':' after the field name \"\(key)\"")
                }
                position.offset += 1
                if let fieldIndex { nextLikelyField = fieldIndex + 1 }
                var fieldType = ResolvedType.any
                if let schema {
                    if let fieldIndex {
                        fieldType = schema.fieldTypes[fieldIndex]
                    } else {
                        context.unknownField(at: path, key, in: schema, line: keyMark.line, column: column(of: keyMark))
                    }
                }
                let value: Value
                if let schemaReference, let fieldIndex {
                    path.leaf = .field(schemaReference, fieldIndex)
                    value = try parseValue(fieldType, depth: depth + 1)
                    path.leaf = nil
                } else {
                    path.push(.key(key))
                    value = try parseValue(fieldType, depth: depth + 1)
                    path.pop()
                }
                let duplicate: Bool
                if let fieldIndex, fieldIndex < 64 {
                    duplicate = seenFields & (1 << UInt64(fieldIndex)) != 0
                    seenFields |= 1 << UInt64(fieldIndex)
                    if case .null = value { nullFields |= 1 << UInt64(fieldIndex) }
                } else {
                    duplicate = keys?.contains(key) ?? false
                }
                if duplicate {
                    context.duplicateField(at: path, key, line: keyMark.line, column: column(of: keyMark))
                } else {
                    if keys == nil, let fieldIndex, fieldIndex < 15, orderShift < 64 {
                        order |= UInt64(fieldIndex + 1) << orderShift
                        orderShift += 4
                    } else {
                        if keys == nil, let schema { keys = JSONParser.fieldNames(order, of: schema) }
                        keys!.append(key)
                    }
                    values.append(value)
                }
                skipWhitespace()
                guard let next = peek else { throw syntaxError("unexpected end of file: expected ',' or '}' after object member") }
                position.offset += 1
                if next == UInt8(ascii: ",") { continue }
                if next == UInt8(ascii: "}") { break }
                position.offset -= 1
                throw unexpectedCharacter(expecting: "',' or '}' after object member")
            }
        }
        let map: MapValue
        if let schema, keys == nil {
            map = values.build(shape: context.shape(of: schema, order: order))
        } else {
            map = MapValue(stringKeyed: Array(zip(keys ?? [], values.values)))
        }
        // The full check (which names what is missing) only when the masks say something is.
        if let schema, schema.requiredMask & ~(seenFields & ~nullFields) != 0 || schema.requiresFieldsPast64 || keys != nil {
            context.checkRequired(at: path, schema, in: map, line: open.line, column: column(of: open))
        }
        return .map(map)
    }

    /// The schema field names an order code lists (see ``RecordTypingContext/shape(of:order:)``).
    static func fieldNames(_ order: UInt64, of schema: ResolvedObject) -> [String] {
        var names: [String] = []
        var rest = order
        while rest != 0 {
            names.append(schema.fieldNames[Int(rest & 0xF) - 1])
            rest >>= 4
        }
        return names
    }

    mutating func parseList(_ itemType: ResolvedType, depth: Int) throws -> Value {
        guard depth < maxDepth else {
            throw syntaxError("nesting deeper than \(maxDepth) levels", hint: "case records are a few levels deep; is this file a case export?")
        }
        position.offset += 1  // [
        var items: [Value] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            position.offset += 1
            return .list(items)
        }
        items.reserveCapacity(8)
        var index = 0
        while true {
            skipWhitespace()
            path.leaf = .index(index)
            if peek == UInt8(ascii: "{") && position.line != recordLine { context.noteItemLine(at: path, position.line) }
            items.append(try parseValue(itemType, depth: depth + 1))
            path.leaf = nil
            index += 1
            skipWhitespace()
            guard let next = peek else { throw syntaxError("unexpected end of file: expected ',' or ']' after list item") }
            position.offset += 1
            if next == UInt8(ascii: ",") {
                skipWhitespace()
                if peek == UInt8(ascii: "]") {
                    throw syntaxError("expected a value after ','", hint: "remove the comma before ']'")
                }
                continue
            }
            if next == UInt8(ascii: "]") { break }
            position.offset -= 1
            throw unexpectedCharacter(expecting: "',' or ']' after list item")
        }
        return .list(items)
    }

    mutating func expectWord(_ word: StaticString) throws {
        let start = position.offset
        let count = word.utf8CodeUnitCount
        assert(count == 4 || count == 5, "true, false and null only")
        // The bare words are four or five bytes: compared as one 32-bit word (plus a byte),
        // not byte by byte, since every record has a few of them.
        guard start + count <= bytes.count,
              UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt32.self)
                == UnsafeRawPointer(word.utf8Start).loadUnaligned(as: UInt32.self),
              count == 4 || bytes[start + 4] == word.utf8Start[4] else {
            throw unexpectedCharacter(expecting: "a value")
        }
        position.offset += count
    }

    mutating func parseBoolean() throws -> Bool {
        if peek == UInt8(ascii: "t") {
            try expectWord("true")
            return true
        }
        try expectWord("false")
        return false
    }
}
