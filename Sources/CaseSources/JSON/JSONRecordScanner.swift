/// Finds where the records of a JSON list begin without parsing them, so that a block of
/// records can be parsed on several threads at once.
///
/// The scan only balances brackets (skipping text in quotes) and counts lines. It trusts
/// nothing it has not seen: a start is added only after the previous record closed and was
/// followed by ',' and '{'. A malformed record may be mis-measured, but the parser reads
/// every record from its start anyway and reports the first fault exactly where a reading
/// one record at a time would; the starts after that fault are then thrown away.
enum JSONRecordScanner {
    /// Starts of consecutive records, beginning with `start` (which must be at a '{'), at
    /// most `limit` of them.
    static func recordStarts(in bytes: UnsafeBufferPointer<UInt8>, from start: JSONParser.Position,
                             limit: Int) -> [JSONParser.Position] {
        var starts = [start]
        let n = bytes.count
        var i = start.offset
        var line = start.line
        var lineStart = start.lineStart
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")

        func skipWhitespace() {
            while i < n {
                let b = bytes[i]
                if b == newline {
                    line += 1
                    i += 1
                    lineStart = i
                } else if b == 0x20 || b == 0x09 || b == 0x0D {
                    i += 1
                } else {
                    return
                }
            }
        }

        while starts.count < limit {
            var depth = 0
            scan: while i < n {
                let b = bytes[i]
                switch b {
                case quote:
                    i += 1
                    while i < n {
                        let c = bytes[i]
                        if c == backslash { i += 2; continue }
                        if c == quote { break }
                        if c == newline { line += 1; lineStart = i + 1 }
                        i += 1
                    }
                    i += 1
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    i += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    i += 1
                    if depth <= 0 { break scan }
                case newline:
                    line += 1
                    i += 1
                    lineStart = i
                default:
                    i += 1
                }
            }
            guard depth == 0, i <= n else { return starts }
            skipWhitespace()
            guard i < n, bytes[i] == UInt8(ascii: ",") else { return starts }
            i += 1
            skipWhitespace()
            guard i < n, bytes[i] == UInt8(ascii: "{") else { return starts }
            starts.append(JSONParser.Position(offset: i, line: line, lineStart: lineStart))
        }
        return starts
    }

    /// Starts of up to `limit` consecutive records, beginning with `start`, and where the
    /// last of them ends (just after its closing brace; the end of the input when it does
    /// not close). The caller carries on reading the list from that end.
    static func recordBlock(in bytes: UnsafeBufferPointer<UInt8>, from start: JSONParser.Position,
                            limit: Int) -> (starts: [JSONParser.Position], end: JSONParser.Position) {
        let starts = recordStarts(in: bytes, from: start, limit: limit)
        return (starts, endOfRecord(in: bytes, from: starts[starts.count - 1]))
    }

    /// Just after the record that starts at `start` (balancing brackets, skipping text).
    static func endOfRecord(in bytes: UnsafeBufferPointer<UInt8>, from start: JSONParser.Position) -> JSONParser.Position {
        let n = bytes.count
        var i = start.offset, line = start.line, lineStart = start.lineStart
        var depth = 0
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        while i < n {
            let b = bytes[i]
            i += 1
            switch b {
            case quote:
                while i < n {
                    let c = bytes[i]
                    if c == backslash { i += 2; continue }
                    i += 1
                    if c == quote { break }
                    if c == newline { line += 1; lineStart = i }
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth <= 0 { return JSONParser.Position(offset: min(i, n), line: line, lineStart: lineStart) }
            case newline:
                line += 1
                lineStart = i
            default:
                break
            }
        }
        return JSONParser.Position(offset: n, line: line, lineStart: lineStart)
    }
}
