import CEL
import CaseModel
import Dispatch

/// A `.ndjson` / `.jsonl` case file: one record a line, read through a fixed buffer so a file
/// of any size streams. A malformed line is reported and skipped, and the next line is read.
/// Blank lines are ignored.
///
/// With `parallelism` above 1, lines are gathered in blocks and the block's lines are
/// parsed on that many threads at once; the events are put back in line order, so the
/// output is the same as reading one line at a time.
final class NDJSONFileSource: CaseFileSource {
    private let reader: ChunkedLineReader
    private let schema: ResolvedObject
    private let maxDepth: Int
    private let file: String
    /// One typing context per thread: a context holds the state of the record being read.
    private let contexts: [RecordTypingContext]
    /// Once-a-file warnings already given, across the threads' contexts.
    private var warnedKeys: Set<String> = []
    private let linesPerBlock: Int
    private var sawRecordLine = false
    private var finished = false

    init(reader: ChunkedLineReader, file: String, schema: ResolvedObject, maxDepth: Int, parallelism: Int = 1) {
        self.reader = reader
        self.schema = schema
        self.maxDepth = maxDepth
        self.file = file
        let threads = max(1, parallelism)
        self.contexts = (0..<threads).map { _ in RecordTypingContext(file: file) }
        self.linesPerBlock = threads == 1 ? 1 : 256 * threads
    }

    func nextEvents() -> [LoadEvent]? {
        guard !finished else { return nil }
        while true {
            let events = contexts.count == 1 ? nextLineEvents() : nextBlockEvents()
            guard let events else {
                finished = true
                if !sawRecordLine {
                    return [.diagnostic(Diagnostic(.warning, at: SourceLocation(file: file, line: 1),
                                                   "the file is empty: it holds no case records"))]
                }
                return nil
            }
            if !events.isEmpty {
                sawRecordLine = true
                return events
            }
        }
    }

    /// Events of the next line, read in place from the line buffer; nil at the end.
    private func nextLineEvents() -> [LoadEvent]? {
        reader.withNextLine { line -> [LoadEvent] in
            switch line {
            case .text(let bytes, let number):
                return NDJSONFileSource.parse(bytes, lineNumber: number, schema: schema, maxDepth: maxDepth, context: contexts[0])
            case .tooLong(let number), .readError(let number, _):
                return problem(line, number)
            }
        }
    }

    private func problem(_ line: ChunkedLineReader.Line, _ number: Int) -> [LoadEvent] {
        switch line {
        case .tooLong:
            return contexts[0].skipped(because: "line is too long to be one case record; it was skipped", line: number, column: 1)
        case .readError(_, let message):
            return [.diagnostic(Diagnostic(.error, at: SourceLocation(file: file, line: number),
                                           "the file could not be read to the end: \(message)"))]
        case .text:
            return []
        }
    }

    /// A block of lines copied out of the line buffer, then parsed on several threads.
    private func nextBlockEvents() -> [LoadEvent]? {
        enum Item {
            case text(start: Int, end: Int, number: Int)
            case events([LoadEvent])
        }
        var bytes: [UInt8] = []
        var items: [Item] = []
        while items.count < linesPerBlock {
            let more = reader.withNextLine { line -> Bool in
                switch line {
                case .text(let text, let number):
                    let start = bytes.count
                    bytes.append(contentsOf: text)
                    items.append(.text(start: start, end: bytes.count, number: number))
                case .tooLong(let number), .readError(let number, _):
                    items.append(.events(problem(line, number)))
                }
                return true
            }
            if more == nil { break }
        }
        guard !items.isEmpty else { return nil }

        // Contiguous slices, one a thread, each parsed with its own context.
        let slices = contexts.count
        let perSlice = (items.count + slices - 1) / slices
        var results = [[LoadEvent]](repeating: [], count: slices)
        bytes.withUnsafeBufferPointer { buffer in
            results.withUnsafeMutableBufferPointer { out in
                let outBase = out.baseAddress!
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    let context = contexts[slice]
                    var events: [LoadEvent] = []
                    let range = (slice * perSlice)..<min(items.count, (slice + 1) * perSlice)
                    for i in range {
                        switch items[i] {
                        case .text(let start, let end, let number):
                            events += NDJSONFileSource.parse(UnsafeBufferPointer(rebasing: buffer[start..<end]), lineNumber: number,
                                                             schema: schema, maxDepth: maxDepth, context: context)
                        case .events(let e):
                            events += e
                        }
                    }
                    outBase[slice] = events
                }
            }
        }
        var merged: [LoadEvent] = []
        for events in results {
            for event in events {
                if case .onceAFile(_, let key) = event, !warnedKeys.insert(key).inserted { continue }
                merged.append(event)
            }
        }
        return merged  // empty for a block of blank lines; the file goes on
    }

    /// The events of one line: nothing for a blank line, else a record or why it was skipped.
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
