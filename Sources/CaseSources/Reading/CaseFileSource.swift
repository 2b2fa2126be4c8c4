/// One open case file being read a little at a time (a record, or a few diagnostics).
protocol CaseFileSource: AnyObject {
    /// The next events in file order; nil once the file is finished.
    func nextEvents() -> [LoadEvent]?

    /// The next piece of the file: events already read, or work that can be read on any
    /// thread (see ``SourceChunk``); nil once the file is finished. Sources that read on
    /// the calling thread get this from ``nextEvents()``.
    func nextChunk() -> SourceChunk?

    /// Makes sure deferred chunks can be read by `slots` threads at once (slots
    /// `0..<slots`); called on the reading thread before such chunks are handed out.
    func reserveSlots(_ slots: Int)
}

extension CaseFileSource {
    func nextChunk() -> SourceChunk? { nextEvents().map(SourceChunk.events) }
    func reserveSlots(_ slots: Int) {}
}
