import CEL
import CaseModel
import Foundation

/// A `.json` case file: one record (an object) or a list of records. The file is mapped
/// into memory rather than copied, and records are produced one at a time so that only the
/// current batch of typed records is held. A syntax error ends the file (JSON cannot be
/// resynchronised reliably); the records before it are kept.
///
/// With `parallelism` above 1, the records of a list are found in blocks by
/// ``JSONRecordScanner`` and each block is parsed on that many threads; the output is the
/// same as reading one record at a time.
final class JSONFileSource: CaseFileSource {
    private enum Phase {
        case start
        /// Expecting list item `index` (0-based).
        case item(index: Int)
        /// After list item `index`: a ',' or the closing ']'.
        case afterItem(index: Int)
        case finished
    }

    let data: Data
    private let schema: ResolvedObject
    /// A typing context and schema copy for each thread that reads records (slot 0 also
    /// reads one record at a time).
    private var slots: [JSONReadSlot] = []
    /// Threads that read a block of a list in ``nextEvents()``.
    private let parallelism: Int
    private let file: String
    let maxDepth: Int
    private var context: RecordTypingContext { slots[0].context }
    /// Once-a-file warnings already given, across the threads' contexts.
    private var warnedKeys: Set<String> = []
    private var position = JSONParser.Position()
    private var phase = Phase.start

    /// Pages of the mapped file already read, handed back as reading moves on; nil for text in memory.
    private let mapping: MappedFile?

    init(data: Data, file: String, schema: ResolvedObject, maxDepth: Int, parallelism: Int = 1, mapping: MappedFile? = nil) {
        self.mapping = mapping
        self.data = data
        self.schema = schema
        self.maxDepth = maxDepth
        self.parallelism = max(1, parallelism)
        self.file = file
        reserveSlots(self.parallelism)
    }

    func reserveSlots(_ count: Int) {
        while slots.count < count {
            slots.append(JSONReadSlot(context: RecordTypingContext(file: file),
                                             schema: slots.isEmpty ? schema : schema.copyForAnotherThread()))
        }
    }

    /// Records of a list in blocks for the workers to read (``JSONRecordBlock``); the rest
    /// of the file (its start, the commas and brackets between blocks) is read here.
    func nextChunk() -> SourceChunk? {
        guard let block = nextBlock(limit: JSONFileSource.recordsPerBlock) else { return nextEvents().map(SourceChunk.events) }
        mapping?.handedOutBlock(at: block.firstOffset)
        return .deferred(block)
    }

    /// The next records of a list, up to `limit`, found but not read; reading goes on after
    /// the last of them. Nil when the list's next item is not an object (or not in a list).
    private func nextBlock(limit: Int) -> JSONRecordBlock? {
        guard case .item(let index) = phase else { return nil }
        return data.withUnsafeBytes { raw in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self), position: position, maxDepth: maxDepth, context: context)
            parser.skipWhitespace()
            guard parser.peek == UInt8(ascii: "{") else { return nil }
            let (starts, end) = JSONRecordScanner.recordBlock(in: parser.bytes, from: parser.position, limit: limit)
            position = end
            phase = .afterItem(index: index + starts.count - 1)
            return JSONRecordBlock(source: self, starts: starts, slots: slots)
        }
    }

    /// Records in a block handed to a worker.
    static let recordsPerBlock = 128

    /// What reading stops at when a record of a list has a syntax error: the error, the
    /// record counted as skipped, a note that the rest was not read.
    func stoppedEvents(by error: JSONSyntaxError) -> [LoadEvent] {
        [.diagnostic(Diagnostic(.error, at: context.location(error.line, error.column), error.message, hint: error.hint)),
         .skipped,
         .diagnostic(Diagnostic(.note, at: context.location(error.line, error.column), "the rest of this file was not read"))]
    }


    func nextEvents() -> [LoadEvent]? {
        if case .finished = phase { return nil }
        if parallelism > 1, let block = nextBlock(limit: 256 * parallelism) {
            var events = block.readInParallel(slots: parallelism)
            if case .fileAbandoned? = events.last {
                events.removeLast()
                phase = .finished
            }
            return dropRepeatedWarnings(events)
        }
        let events = data.withUnsafeBytes { raw -> [LoadEvent] in
            var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self), position: position,
                                    maxDepth: maxDepth, context: context)
            defer { position = parser.position }
            return step(&parser)
        }
        return dropRepeatedWarnings(events)
    }

    private func dropRepeatedWarnings(_ events: [LoadEvent]) -> [LoadEvent] {
        events.filter { event in
            if case .onceAFile(_, let key) = event { return warnedKeys.insert(key).inserted }
            return true
        }
    }

    private func diagnostic(_ severity: Diagnostic.Severity, _ parser: JSONParser, _ message: String, hint: String? = nil) -> LoadEvent {
        .diagnostic(Diagnostic(severity, at: context.location(parser.position.line, parser.column), message, hint: hint))
    }

    private func stopped(by error: JSONSyntaxError, insideRecord: Bool, moreMayFollow: Bool) -> [LoadEvent] {
        phase = .finished
        var events: [LoadEvent] = [.diagnostic(Diagnostic(.error, at: context.location(error.line, error.column),
                                                          error.message, hint: error.hint))]
        if insideRecord { events.append(.skipped) }
        if moreMayFollow {
            events.append(.diagnostic(Diagnostic(.note, at: context.location(error.line, error.column),
                                                 "the rest of this file was not read")))
        }
        return events
    }

    private func step(_ parser: inout JSONParser) -> [LoadEvent] {
        switch phase {
        case .finished:
            return []
        case .start:
            parser.skipByteOrderMark()
            parser.skipWhitespace()
            guard let first = parser.peek else {
                phase = .finished
                return [.diagnostic(Diagnostic(.warning, at: context.location(1, 0), "the file is empty: it holds no case records"))]
            }
            if first == UInt8(ascii: "[") {
                parser.position.offset += 1
                phase = .item(index: 0)
                return []
            }
            phase = .finished
            guard first == UInt8(ascii: "{") else {
                let e = parser.unexpectedCharacter(expecting: "a case record (an object in braces) or a list of records")
                return [.diagnostic(Diagnostic(.error, at: context.location(e.line, e.column), e.message, hint: e.hint))]
            }
            do {
                var events = try parser.parseRecord(schema: schema)
                events += trailingText(&parser)
                return events
            } catch let e as JSONSyntaxError {
                return stopped(by: e, insideRecord: true, moreMayFollow: false)
            } catch {
                return []
            }
        case .item(let index):
            parser.skipWhitespace()
            guard let first = parser.peek else {
                return stopped(by: parser.syntaxError("unexpected end of file: the list of records has no closing ']'"),
                               insideRecord: false, moreMayFollow: false)
            }
            if first == UInt8(ascii: "]") && index == 0 {
                parser.position.offset += 1
                phase = .finished
                return trailingText(&parser)
            }
            phase = .afterItem(index: index)
            do {
                if first == UInt8(ascii: "{") { return try parser.parseRecord(schema: schema) }
                let line = parser.position.line, column = parser.column
                context.beginRecord()
                let value = try parser.parseValue(.any, depth: 1)
                return context.skipped(because: "list item \(index + 1) is not a case record: expected an object in braces, found \(describeFound(value))",
                                       line: line, column: column)
            } catch let e as JSONSyntaxError {
                return stopped(by: e, insideRecord: true, moreMayFollow: true)
            } catch {
                return []
            }
        case .afterItem(let index):
            parser.skipWhitespace()
            switch parser.peek {
            case UInt8(ascii: ",")?:
                parser.position.offset += 1
                parser.skipWhitespace()
                if parser.peek == UInt8(ascii: "]") {
                    return stopped(by: parser.syntaxError("expected a record after ','", hint: "remove the comma before ']'"),
                                   insideRecord: false, moreMayFollow: false)
                }
                phase = .item(index: index + 1)
                return []
            case UInt8(ascii: "]")?:
                parser.position.offset += 1
                phase = .finished
                return trailingText(&parser)
            default:
                return stopped(by: parser.unexpectedCharacter(expecting: "',' or ']' after a record in the list"),
                               insideRecord: false, moreMayFollow: true)
            }
        }
    }

    /// Text after the one JSON value of the file.
    private func trailingText(_ parser: inout JSONParser) -> [LoadEvent] {
        parser.skipWhitespace()
        guard !parser.atEnd else { return [] }
        phase = .finished
        return [diagnostic(.error, parser, "unexpected text after the end of the JSON value; it was not read",
                           hint: "a .json file holds one record or one list of records; for one record a line, name the file .ndjson")]
    }
}
