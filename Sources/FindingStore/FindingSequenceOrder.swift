import Rules

/// An order to hand findings back in: a strict "comes before" and the fastest way to sort a
/// chunk of findings by it.
public struct FindingSequenceOrder: Sendable {
    /// A name for the order; two orders with the same name are the same order.
    public let name: String
    /// Whether the first finding comes before the second; never true both ways, and no two
    /// different findings may tie (so that the merged order is the same however the findings
    /// were split into runs).
    public let precedes: @Sendable (Finding, Finding) -> Bool
    let sortChunk: @Sendable (inout [Finding]) -> Void

    /// An order given by a comparison.
    public init(name: String, _ precedes: @escaping @Sendable (Finding, Finding) -> Bool) {
        self.name = name
        self.precedes = precedes
        self.sortChunk = { $0.sort(by: precedes) }
    }

    private init(name: String, precedes: @escaping @Sendable (Finding, Finding) -> Bool,
                 sortChunk: @escaping @Sendable (inout [Finding]) -> Void) {
        self.name = name
        self.precedes = precedes
        self.sortChunk = sortChunk
    }

    /// The report order of DESIGN.md (``FindingOrder``): child, rule, item, then tie-breakers.
    public static let canonical = FindingSequenceOrder(name: "canonical", precedes: FindingOrder.precedes, sortChunk: { FindingOrder.sort(&$0) })
}
