import CEL
import CaseModel

/// Lines of an NDJSON file copied out of its read buffer, still to be parsed: a
/// ``DeferredRead`` that any thread can read with its own typing context.
final class NDJSONLineBlock: DeferredRead, @unchecked Sendable {
    enum Item {
        /// A line's bytes within ``bytes`` and its 1-based number.
        case line(start: Int, end: Int, number: Int)
        /// A line that could not be read (too long, a read error), already reported.
        case events([LoadEvent])
    }

    private let bytes: [UInt8]
    private let items: [Item]
    private let maxDepth: Int
    /// The file's slots.
    private let slots: [JSONReadSlot]

    init(bytes: [UInt8], items: [Item], maxDepth: Int, slots: [JSONReadSlot]) {
        self.bytes = bytes
        self.items = items
        self.maxDepth = maxDepth
        self.slots = slots
    }

    func read(slot: Int) -> [LoadEvent] {
        read(items.indices, slots[slot])
    }

    /// Reads the lines on `slots` threads at once, each a contiguous share with its own
    /// slot's context; the events come back in line order.
    func readInParallel(slots threads: Int) -> [LoadEvent] {
        Array(readInShares(count: items.count, threads: threads, { range, slot in read(range, slots[slot]) }).joined())
    }

    private func read(_ range: Range<Int>, _ slot: JSONReadSlot) -> [LoadEvent] {
        var events: [LoadEvent] = []
        events.reserveCapacity(range.count)
        bytes.withUnsafeBufferPointer { buffer in
            for i in range {
                switch items[i] {
                case .line(let start, let end, let number):
                    events += NDJSONLineBlock.parse(UnsafeBufferPointer(rebasing: buffer[start..<end]), lineNumber: number,
                                                    schema: slot.schema, maxDepth: maxDepth, context: slot.context)
                case .events(let e):
                    events += e
                }
            }
        }
        return events
    }

    /// The events of one line: a record, or why it was skipped (nothing for a blank line).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int, schema: ResolvedObject, maxDepth: Int,
                      context: RecordTypingContext) -> [LoadEvent] {
        var parser = JSONParser(bytes: bytes, position: .init(offset: 0, line: lineNumber, lineStart: 0),
                                maxDepth: maxDepth, context: context)
        if lineNumber == 1 { parser.skipByteOrderMark() }
        parser.skipWhitespace()
        guard let first = parser.peek else { return [] }
        do {
            guard first == UInt8(ascii: "{") else {
                context.beginRecord(line: lineNumber)
                let column = parser.column
                let value = try parser.parseValue(.any, depth: 1)
                return context.skipped(because: "each line must hold one case record (an object in braces); found \(describeFound(value))",
                                       line: lineNumber, column: column)
            }
            let events = try parser.parseRecord(schema: schema)
            parser.skipWhitespace()
            guard parser.atEnd else {
                // Perhaps two records ran together: neither half can be trusted.
                let e = parser.syntaxError("unexpected text after the record; NDJSON holds one record a line")
                return context.skipped(because: e.message, line: e.line, column: e.column,
                                       hint: "put each record on its own line")
            }
            return events
        } catch let e as JSONSyntaxError {
            var message = e.message, hint = e.hint
            let endOfFile = "unexpected end of file"
            if message.hasPrefix(endOfFile) {
                // The parser saw only this line: it ended, not the file.
                message = "unexpected end of line" + message.dropFirst(endOfFile.count)
                hint = "each line must hold a whole record; if records run over several lines, name the file .json"
            }
            return context.skipped(because: message, line: e.line, column: e.column, hint: hint)
        } catch {
            return []
        }
    }
}
