import CEL
import CaseModel
import Dispatch

/// A `.ndjson` / `.jsonl` case file: one record a line, read through a fixed buffer so a file
/// of any size streams. A malformed line is reported and skipped, and the next line is read.
/// Blank lines are ignored.
///
/// Lines are gathered in blocks (``NDJSONLineBlock``) that any thread can read: the engine
/// reads each block on the thread that checks its records (``nextChunk()``). Read through
/// ``nextEvents()`` with `parallelism` above 1, a block's lines are read on that many
/// threads at once and put back in line order, so the output is the same as reading one
/// line at a time.
final class NDJSONFileSource: CaseFileSource {
    private let reader: ChunkedLineReader
    private let schema: ResolvedObject
    private let maxDepth: Int
    private let file: String
    /// One typing context and schema a slot: a context holds the state of the record being
    /// read, and each thread reads with its own copy of the schema.
    private var slots: [JSONReadSlot]
    private let linesPerBlock: Int
    /// Threads reading a block in ``nextEvents()``.
    private let parallelism: Int
    private var sawRecordLine = false
    /// Bytes in the last block made.
    private var lastBlockSize = 0
    private var finished = false

    /// Lines in a block handed out by ``nextChunk()``: enough to make the hand-over cheap,
    /// few enough that the threads share a file's work evenly.
    static let linesPerChunk = 128

    init(reader: ChunkedLineReader, file: String, schema: ResolvedObject, maxDepth: Int, parallelism: Int = 1) {
        self.reader = reader
        self.schema = schema
        self.maxDepth = maxDepth
        self.file = file
        let threads = max(1, parallelism)
        self.parallelism = threads
        self.slots = [JSONReadSlot(context: RecordTypingContext(file: file), schema: schema)]
        self.linesPerBlock = threads == 1 ? 64 : 256 * threads
        reserveSlots(threads)
    }

    func reserveSlots(_ count: Int) {
        while slots.count < count {
            slots.append(JSONReadSlot(context: RecordTypingContext(file: file), schema: schema.copyForAnotherThread()))
        }
    }

    func nextChunk() -> SourceChunk? {
        guard let block = nextBlock(lines: NDJSONFileSource.linesPerChunk) else { return endOfFile().map(SourceChunk.events) }
        return .deferred(block)
    }

    func nextEvents() -> [LoadEvent]? {
        guard let block = nextBlock(lines: linesPerBlock) else { return endOfFile() }
        return parallelism == 1 ? block.read(slot: 0) : block.readInParallel(slots: parallelism)
    }

    /// The empty-file warning the first time the end is met without a record line; nil after.
    private func endOfFile() -> [LoadEvent]? {
        guard !finished else { return nil }
        finished = true
        guard !sawRecordLine else { return nil }
        return [.diagnostic(Diagnostic(.warning, at: SourceLocation(file: file, line: 1),
                                       "the file is empty: it holds no case records"))]
    }

    /// The next lines that are not blank, copied out of the line buffer; nil at the end.
    private func nextBlock(lines: Int) -> NDJSONLineBlock? {
        guard !finished else { return nil }
        var bytes: [UInt8] = []
        // Room for as much as the last block held, so the bytes are copied in once rather
        // than again each time the array grows.
        bytes.reserveCapacity(lastBlockSize + lastBlockSize / 8)
        var items: [NDJSONLineBlock.Item] = []
        items.reserveCapacity(lines)
        while items.count < lines {
            let more = reader.withNextLine { line -> Bool in
                switch line {
                case .text(let text, let number):
                    guard !NDJSONFileSource.isBlank(text, lineNumber: number) else { break }
                    let start = bytes.count
                    bytes.append(contentsOf: text)
                    items.append(.line(start: start, end: bytes.count, number: number))
                case .tooLong(let number), .readError(let number, _):
                    items.append(.events(problem(line, number)))
                }
                return true
            }
            if more == nil { break }
        }
        guard !items.isEmpty else { return nil }
        sawRecordLine = true
        lastBlockSize = bytes.count
        return NDJSONLineBlock(bytes: bytes, items: items, maxDepth: maxDepth, slots: slots)
    }

    /// Whitespace only (and a byte order mark on the first line): such lines are skipped.
    private static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> Bool {
        var i = 0
        if lineNumber == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0D: i += 1
            default: return false
            }
        }
        return true
    }

    private func problem(_ line: ChunkedLineReader.Line, _ number: Int) -> [LoadEvent] {
        switch line {
        case .tooLong:
            return slots[0].context.skipped(because: "line is too long to be one case record; it was skipped", line: number, column: 1)
        case .readError(_, let message):
            return [.diagnostic(Diagnostic(.error, at: SourceLocation(file: file, line: number),
                                           "the file could not be read to the end: \(message)"))]
        case .text:
            return []
        }
    }
}
