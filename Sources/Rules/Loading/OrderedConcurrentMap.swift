import Dispatch

extension Array {
    /// `map` with the elements transformed on all cores at once; the results keep the
    /// order of the elements. For independent, costly pieces of work: parsing rule files,
    /// compiling rules.
    func orderedConcurrentMap<Result>(_ transform: (Element) -> Result) -> [Result] {
        guard count > 1 else { return map(transform) }
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { out in
            let out = out
            DispatchQueue.concurrentPerform(iterations: count) { i in out[i] = transform(self[i]) }
        }
        return results.map { $0! }
    }
}
