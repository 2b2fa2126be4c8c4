import Foundation
import Rules

/// Collects a run's findings in bounded memory and gives them back sorted.
///
/// Up to `memoryLimit` findings are held; past that the held ones are sorted and written to a
/// temporary file as one sorted run, and the next ones start a new run. ``sorted()`` then
/// merges the runs, so memory depends on the limit and the number of runs, never on how many
/// findings there are. A run with fewer findings than the limit never touches the disk.
///
/// The temporary files are private to the user (0600, in a 0700 folder) and removed when the
/// ``SortedFindings`` made from them is released: they hold personal data.
public final class FindingSpool {
    /// Findings held in memory before a run is written out. At a few hundred bytes a finding,
    /// the default keeps the spool near 25 MB.
    public static let defaultMemoryLimit = 65_536

    public let order: FindingSequenceOrder
    public let memoryLimit: Int
    private let directory: URL?
    private var held: [Finding] = []
    private var runs: SpillRuns?
    public private(set) var count = 0

    /// - Parameters:
    ///   - directory: where temporary runs go (default: the system's temporary folder).
    public init(order: FindingSequenceOrder = .canonical, memoryLimit: Int = FindingSpool.defaultMemoryLimit,
                directory: URL? = nil) {
        self.order = order
        self.memoryLimit = max(1, memoryLimit)
        self.directory = directory
    }

    /// Adds one finding.
    public func append(_ finding: Finding) throws {
        held.append(finding)
        count += 1
        if held.count >= memoryLimit { try spill() }
    }

    /// Adds findings, taking them from `findings` (left empty), so none is copied.
    public func take(_ findings: inout [Finding]) throws {
        count += findings.count
        if held.isEmpty {
            swap(&held, &findings)
        } else {
            held.append(contentsOf: findings)
            findings.removeAll()
        }
        if held.count >= memoryLimit { try spill() }
    }

    /// The findings in order. The spool is left empty.
    public func sorted() throws -> SortedFindings {
        order.sortChunk(&held)
        var last: [Finding] = []
        swap(&last, &held)
        let result = SortedFindings(order: order, count: count, runs: runs, held: last)
        runs = nil
        count = 0
        return result
    }

    private func spill() throws {
        order.sortChunk(&held)
        if runs == nil { runs = try SpillRuns(directory: directory) }
        try runs!.writeRun(held)
        held.removeAll(keepingCapacity: true)
    }
}

/// Findings in a fixed order, read as often as needed: each iteration merges the sorted runs
/// on disk with the findings still in memory.
public final class SortedFindings: Sequence {
    public let order: FindingSequenceOrder
    /// How many findings there are.
    public let count: Int
    private let runs: SpillRuns?
    private let held: [Finding]

    init(order: FindingSequenceOrder, count: Int, runs: SpillRuns?, held: [Finding]) {
        self.order = order
        self.count = count
        self.runs = runs
        self.held = held
    }

    /// Findings already in memory, in order (tests, rule examples, small runs).
    public convenience init(_ findings: [Finding], order: FindingSequenceOrder = .canonical) {
        var sorted = findings
        order.sortChunk(&sorted)
        self.init(order: order, count: sorted.count, runs: nil, held: sorted)
    }

    /// Whether any finding went to disk.
    public var spilled: Bool { runs != nil }

    public func makeIterator() -> MergingIterator {
        MergingIterator(order: order, runs: runs?.readers() ?? [], held: held)
    }

    /// Every finding in one array. Holds them all: for tests and small runs, not a health check's report path.
    public var all: [Finding] { Array(self) }

    /// The same findings (after `transform`, which may drop one by returning nil) in another
    /// order, sorted in bounded memory as the spool does.
    public func resorted(by order: FindingSequenceOrder, memoryLimit: Int = FindingSpool.defaultMemoryLimit,
                         transform: (Finding) -> Finding? = { $0 }) throws -> SortedFindings {
        let spool = FindingSpool(order: order, memoryLimit: memoryLimit, directory: runs?.parent)
        for finding in self {
            if let kept = transform(finding) { try spool.append(kept) }
        }
        return try spool.sorted()
    }

    /// The iterator: a k-way merge over the runs' current findings, smallest first.
    public struct MergingIterator: IteratorProtocol {
        private let order: FindingSequenceOrder
        private var readers: [SpillRunReader]
        private let held: [Finding]
        private var heldIndex = 0
        /// Sources with a current finding, as a binary heap on their findings; source
        /// `readers.count` is the held findings.
        private var heap: [(finding: Finding, source: Int)] = []
        private var failure: Error?

        init(order: FindingSequenceOrder, runs: [SpillRunReader], held: [Finding]) {
            self.order = order
            readers = runs
            self.held = held
            for source in 0...readers.count {
                if let next = pull(source) { push((next, source)) }
            }
        }

        public mutating func next() -> Finding? {
            guard !heap.isEmpty else { return nil }
            let top = heap[0]
            if let refill = pull(top.source) {
                heap[0] = (refill, top.source)
                siftDown(0)
            } else {
                let last = heap.removeLast()
                if !heap.isEmpty {
                    heap[0] = last
                    siftDown(0)
                }
            }
            return top.finding
        }

        private mutating func pull(_ source: Int) -> Finding? {
            if source == readers.count {
                guard heldIndex < held.count else { return nil }
                heldIndex += 1
                return held[heldIndex - 1]
            }
            // A run that cannot be read back (the disk failed under us) cannot be skipped
            // quietly: the report would be missing findings with nothing said.
            do { return try readers[source].next() } catch { fatalError("casecheck: a temporary findings file could not be read back: \(error)") }
        }

        private mutating func push(_ entry: (finding: Finding, source: Int)) {
            heap.append(entry)
            var i = heap.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                guard before(heap[i], heap[parent]) else { break }
                heap.swapAt(i, parent)
                i = parent
            }
        }

        private mutating func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var smallest = i
                if l < heap.count, before(heap[l], heap[smallest]) { smallest = l }
                if r < heap.count, before(heap[r], heap[smallest]) { smallest = r }
                if smallest == i { return }
                heap.swapAt(i, smallest)
                i = smallest
            }
        }

        /// Equal findings (the same finding twice) keep their run order, so the merge is stable.
        private func before(_ a: (finding: Finding, source: Int), _ b: (finding: Finding, source: Int)) -> Bool {
            if order.precedes(a.finding, b.finding) { return true }
            if order.precedes(b.finding, a.finding) { return false }
            return a.source < b.source
        }
    }
}
