import CEL
import CaseModel

/// A `.ndjson` / `.jsonl` case file: one record a line, read through a fixed buffer so a file
/// of any size streams. A malformed line is reported and skipped, and the next line is read.
/// Blank lines are ignored.
final class NDJSONFileSource: CaseFileSource {
    private let reader: ChunkedLineReader
    private let schema: ResolvedObject
    private let maxDepth: Int
    private let context: RecordTypingContext
    private var sawRecordLine = false
    private var finished = false

    init(reader: ChunkedLineReader, file: String, schema: ResolvedObject, maxDepth: Int) {
        self.reader = reader
        self.schema = schema
        self.maxDepth = maxDepth
        self.context = RecordTypingContext(file: file)
    }

    func nextEvents() -> [LoadEvent]? {
        guard !finished else { return nil }
        while true {
            let events = reader.withNextLine { line -> [LoadEvent] in
                switch line {
                case .text(let bytes, let number):
                    return read(bytes, lineNumber: number)
                case .tooLong(let number):
                    sawRecordLine = true
                    return context.skipped(because: "line is too long to be one case record; it was skipped", line: number, column: 1)
                case .readError(let message):
                    return [.diagnostic(Diagnostic(.error, at: context.location(0, 0),
                                                   "the file could not be read to the end: \(message)"))]
                }
            }
            guard let events else {
                finished = true
                if !sawRecordLine {
                    return [.diagnostic(Diagnostic(.warning, at: context.location(1, 0), "the file is empty: it holds no case records"))]
                }
                return nil
            }
            if !events.isEmpty { return events }
        }
    }

    private func read(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> [LoadEvent] {
        var parser = JSONParser(bytes: bytes, position: .init(offset: 0, line: lineNumber, lineStart: 0),
                                maxDepth: maxDepth, context: context)
        if lineNumber == 1 { parser.skipByteOrderMark() }
        parser.skipWhitespace()
        guard let first = parser.peek else { return [] }
        sawRecordLine = true
        do {
            guard first == UInt8(ascii: "{") else {
                context.beginRecord()
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
            return context.skipped(because: e.message, line: e.line, column: e.column, hint: e.hint)
        } catch {
            return []
        }
    }
}
