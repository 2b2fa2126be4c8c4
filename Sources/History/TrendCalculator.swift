import CaseModel

/// Turns finding spans into per-run figures per group, and flags deterioration. Pure: the
/// store fetches the spans overlapping the window once, and this sweeps them, so the cost
/// is one pass over (span, run) pairs rather than a query per run.
struct TrendCalculator {
    /// The part of a span a trend needs.
    struct SpanSlice {
        var key: String?
        var firstRun: Int64
        var lastRun: Int64
        var lateBase: Int?
        var lateAsOf: CalendarDate
        var lateGrows: Bool?
        var waived: Bool
    }

    static let noGroup = "(none)"

    var dimension: TrendDimension
    var rule: DeteriorationRule

    func report(runs: [TrendRun], spans: [SpanSlice]) -> TrendReport {
        let ids = runs.map(\.id)
        // ageing[p]: how much of the rise in days late from run p-1 to p is only the passing of
        // time on findings open at both (an overdue finding is a day later every day).
        var figures: [String: (open: [Int], late: [Int], waived: [Int], ageing: [Int])] = [:]
        let empty = [Int](repeating: 0, count: runs.count)
        for span in spans {
            var position = lowerBound(of: span.firstRun, in: ids)
            guard position < ids.count, ids[position] <= span.lastRun else { continue }
            let key = span.key ?? Self.noGroup
            var entry = figures[key] ?? (empty, empty, empty, empty)
            let firstPosition = position
            while position < ids.count, ids[position] <= span.lastRun {
                if span.waived {
                    entry.waived[position] += 1
                } else {
                    entry.open[position] += 1
                    if let base = span.lateBase {
                        let late = span.lateGrows == true
                            ? base + Int(runs[position].asOf.dayNumber - span.lateAsOf.dayNumber) : base
                        entry.late[position] += max(0, late)
                        if span.lateGrows == true, position > firstPosition, late > 0 {
                            entry.ageing[position] += Int(runs[position].asOf.dayNumber - runs[position - 1].asOf.dayNumber)
                        }
                    }
                }
                position += 1
            }
            figures[key] = entry
        }
        let groups = figures.map { key, f in
            GroupTrend(key: key, open: f.open, overdueDays: f.late, waived: f.waived,
                       deterioration: deterioration(open: f.open, late: f.late, ageing: f.ageing))
        }
        .sorted { a, b in
            if a.isDeteriorating != b.isDeteriorating { return a.isDeteriorating }
            let (lastA, lastB) = (a.open.last ?? 0, b.open.last ?? 0)
            if lastA != lastB { return lastA > lastB }
            return a.key < b.key
        }
        return TrendReport(dimension: dimension, runs: runs, groups: groups, rule: rule)
    }

    /// The reasons a group's series deteriorate under ``rule``. Days late count as rising
    /// only when they rose by more than the ageing of the findings already open: the same
    /// overdue findings a day later every day is delay, but not deterioration; new lateness is.
    func deterioration(open: [Int], late: [Int], ageing: [Int]) -> [Deterioration] {
        var reasons: [Deterioration] = []
        for (measure, series, threshold) in [(Deterioration.Measure.open, open, rule.openAbove),
                                             (.overdueDays, late, rule.overdueDaysAbove)] {
            guard let last = series.last else { continue }
            if series.count > rule.risingRuns {
                let window = series.suffix(rule.risingRuns + 1)
                let neverFell = zip(window, window.dropFirst()).allSatisfy { $0 <= $1 }
                let explained = measure == .overdueDays ? ageing.suffix(rule.risingRuns).reduce(0, +) : 0
                if neverFell, let first = window.first, last - first - explained >= rule.minimumRise {
                    reasons.append(Deterioration(kind: .rising, measure: measure, from: first, to: last,
                                                 runs: rule.risingRuns, threshold: nil))
                }
            }
            if let threshold, last > threshold {
                let start = series[max(0, series.count - 1 - rule.risingRuns)]
                reasons.append(Deterioration(kind: .aboveThreshold, measure: measure, from: start, to: last,
                                             runs: nil, threshold: threshold))
            }
        }
        return reasons
    }

    private func lowerBound(of value: Int64, in sorted: [Int64]) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
