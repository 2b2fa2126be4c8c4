import Foundation

/// Children of a census file found but not yet read: a ``DeferredRead`` that a worker
/// reads (XML, mapping) with its own slot, and then checks.
final class CINChildBlock: DeferredRead, @unchecked Sendable {
    private let source: CINCensusFileSource
    private let slices: [CINCensusScanner.Slice]
    private let slots: [CINCensusFileSource.Slot]

    init(source: CINCensusFileSource, slices: [CINCensusScanner.Slice], slots: [CINCensusFileSource.Slot]) {
        self.source = source
        self.slices = slices
        self.slots = slots
    }

    func read(slot: Int) -> [LoadEvent] {
        source.data.withUnsafeBytes { raw in
            var events: [LoadEvent] = []
            for slice in slices { events += source.readChild(slice, raw, with: slots[slot]) }
            return events
        }
    }
}
