import Dispatch

/// Reads `count` items on `threads` threads at once, each a contiguous share read with the
/// slot of the same number; gives each share's events, in order. For sources that read one
/// block of records on several threads inside ``CaseReader/nextBatch()``.
func readInShares(count: Int, threads: Int, _ read: (Range<Int>, Int) -> [LoadEvent]) -> [[LoadEvent]] {
    let perShare = (count + threads - 1) / threads
    var results = [[LoadEvent]](repeating: [], count: threads)
    results.withUnsafeMutableBufferPointer { out in
        let outBase = out.baseAddress!
        DispatchQueue.concurrentPerform(iterations: threads) { share in
            outBase[share] = read(min(count, share * perShare)..<min(count, (share + 1) * perShare), share)
        }
    }
    return results
}
