/// A piece of a case file as its source hands it out.
///
/// Reading (parsing and typing) a record costs far more than finding where it starts and
/// ends, so a source that can cut its file into independent pieces (NDJSON: blocks of
/// lines) hands them out unread, and each is read on whichever thread will also check its
/// records. The records then are made, checked and freed on one thread, which keeps the
/// allocator's per-thread arenas from contending.
enum SourceChunk {
    /// Events read on the calling thread.
    case events([LoadEvent])
    /// Records still to be read; any thread may read it, with its own slot.
    case deferred(DeferredRead)
}

/// Records still to be read, with what is needed to read them.
protocol DeferredRead: AnyObject, Sendable {
    /// Reads the records, with the per-thread state of `slot` (one thread a slot at a time),
    /// giving the events in file order, as ``CaseFileSource/nextEvents()`` would have.
    func read(slot: Int) -> [LoadEvent]
}
