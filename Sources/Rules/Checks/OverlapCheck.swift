import CaseModel

/// `no_overlap`: spans of a child's items (placements, care periods) must not overlap.
enum OverlapCheck {
    /// A span: open spans (no end) run to the health-check date.
    struct Span: Equatable {
        var start: CalendarDate
        var end: CalendarDate?
    }

    /// Pairs `(i, j)`, `i < j` in the order given, of spans that share at least one day
    /// beyond a handover: one ending on the day the next starts is not an overlap.
    static func overlappingPairs(_ spans: [Span], asOf: CalendarDate) -> [(Int, Int)] {
        let resolved = spans.map { (start: $0.start, end: $0.end ?? max(asOf, $0.start)) }
        // Sorting by start lets the scan stop at the first later span that starts after the end.
        let order = resolved.indices.sorted { (resolved[$0].start, $0) < (resolved[$1].start, $1) }
        var pairs: [(Int, Int)] = []
        for (n, a) in order.enumerated() {
            for b in order[(n + 1)...] {
                guard resolved[b].start < resolved[a].end else { break }
                if resolved[a].start < resolved[b].end { pairs.append((min(a, b), max(a, b))) }
            }
        }
        return pairs.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
    }
}
