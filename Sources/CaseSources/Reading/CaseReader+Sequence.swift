/// `for batch in reader { ... }`: the batches of ``CaseReader/nextBatch()``, once through.
extension CaseReader: Sequence, IteratorProtocol {
    public func next() -> CaseBatch? { nextBatch() }
}
