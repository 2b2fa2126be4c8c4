import CaseModel
import Foundation
import History

// Fills a history with a year of nightly runs over a large caseload and times the queries
// managers run: `history` and `trend` by each dimension.
//
//   swift run -c release history-bench [--cases N] [--nights N] [--share F] [--path FILE]

var cases = 20_000, nights = 365, share = 0.05
var path = NSTemporaryDirectory() + "history-bench-\(ProcessInfo.processInfo.processIdentifier).sqlite"
var keep = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--cases": cases = Int(arguments.next() ?? "") ?? cases
    case "--nights": nights = Int(arguments.next() ?? "") ?? nights
    case "--share": share = Double(arguments.next() ?? "") ?? share
    case "--path": path = arguments.next() ?? path; keep = true
    default:
        FileHandle.standardError.write(Data("unknown option \(argument)\n".utf8))
        exit(2)
    }
}
for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func format(_ s: Double) -> String { String(format: s < 1 ? "%.1f ms" : "%.2f s", s < 1 ? s * 1000 : s) }

do {
    let store = try RunStore(path: path)
    var simulator = CaseloadSimulator(cases: cases, seed: 2024)
    let target = Int(Double(cases) * share)
    let firstNight = CalendarDate(iso: "2024-01-01")!
    var findingRuns = 0
    var slowest = 0.0
    let fill = try seconds {
        for night in 0..<nights {
            let asOf = CalendarDate(dayNumber: firstNight.dayNumber + Int32(night))
            let findings = simulator.night(asOf, target: target)
            findingRuns += findings.count
            let input = RunInput(asOf: asOf, rulePackHash: "bench", inputs: [InputFile(path: "cases.ndjson", hash: "x")],
                                 counts: RecordCounts(read: cases, checked: cases, skipped: 0), findings: findings,
                                 ruleAreas: simulator.ruleAreas)
            slowest = max(slowest, try seconds { _ = try store.record(input) })
        }
    }
    let spans = try store.spanCount()
    let size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
        + ((try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? NSNumber)?.intValue ?? 0)
    print("history-bench: \(cases) cases, \(nights) nightly runs, ~\(target) open findings a night")
    print("  recorded \(findingRuns) findings (finding × run) as \(spans) spans; database \(size / 1024) KiB")
    print("  fill: \(format(fill)) (\(format(fill / Double(nights))) a run, slowest \(format(slowest)))")

    var reopened: RunStore?
    let openTime = try seconds { reopened = try RunStore(path: path) }
    print("  open (read-only inspection with quick_check, then migrations): \(format(openTime))")
    guard let store = reopened else { exit(1) }
    var runs: [HistoryRun] = []
    let historyTime = try seconds { runs = try store.history() }
    print("  history (all \(runs.count) runs): \(format(historyTime))")
    for last in [30, nights] {
        for dimension in TrendDimension.allCases {
            var report: TrendReport?
            let time = try seconds {
                report = try store.trend(by: dimension, last: last, rule: DeteriorationRule(risingRuns: 7))
            }
            let flagged = report?.groups.filter(\.isDeteriorating).count ?? 0
            print("  trend --by \(dimension.rawValue) --last \(last): \(format(time)) "
                  + "(\(report?.groups.count ?? 0) groups, \(flagged) deteriorating)")
        }
    }
    if !keep { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
} catch {
    FileHandle.standardError.write(Data("history-bench: \(error)\n".utf8))
    exit(1)
}
