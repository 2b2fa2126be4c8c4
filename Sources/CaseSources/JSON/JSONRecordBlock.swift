import CaseModel

/// Records of a JSON list found by ``JSONRecordScanner`` but not yet read: a worker reads
/// them with its own slot. A syntax error ends the file there, as reading in turn would:
/// the records before it are kept, and ``LoadEvent/fileAbandoned`` tells the reader to drop
/// whatever was read ahead after it.
final class JSONRecordBlock: DeferredRead, @unchecked Sendable {
    private let source: JSONFileSource
    private let starts: [JSONParser.Position]
    private let slots: [JSONReadSlot]

    init(source: JSONFileSource, starts: [JSONParser.Position], slots: [JSONReadSlot]) {
        self.source = source
        self.starts = starts
        self.slots = slots
    }

    /// Where the block's first record starts in the file.
    var firstOffset: Int { starts[0].offset }

    func read(slot: Int) -> [LoadEvent] {
        read(starts[...], slots[slot])
    }

    /// Reads the records on `slots` threads at once, each a contiguous share; the events
    /// come back in file order, ending at the first syntax error.
    func readInParallel(slots threads: Int) -> [LoadEvent] {
        var events: [LoadEvent] = []
        for part in readInShares(count: starts.count, threads: threads, { range, slot in read(starts[range], slots[slot]) }) {
            events += part
            if case .fileAbandoned? = part.last { break }
        }
        return events
    }

    private func read(_ starts: ArraySlice<JSONParser.Position>, _ slot: JSONReadSlot) -> [LoadEvent] {
        source.data.withUnsafeBytes { raw in
            var events: [LoadEvent] = []
            for start in starts {
                var parser = JSONParser(bytes: raw.bindMemory(to: UInt8.self), position: start,
                                        maxDepth: source.maxDepth, context: slot.context)
                do {
                    events += try parser.parseRecord(schema: slot.schema)
                } catch let e as JSONSyntaxError {
                    return events + source.stoppedEvents(by: e) + [.fileAbandoned]
                } catch {
                    return events + [.fileAbandoned]
                }
            }
            return events
        }
    }
}
