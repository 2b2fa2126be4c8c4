import CEL
import Foundation

// Benchmark of the CEL engine on rule-like expressions over a record of about 20 fields.
// Prints the median time per compile and per evaluation of each expression.
//
//   swift run -c release cel-bench                      # Swift figures
//   swift run -c release cel-bench --compare-cel-python # also the same expressions in cel-python

/// One benchmarked expression.
struct BenchCase {
    var label: String
    var expression: String
}

let cases = [
    BenchCase(label: "simple comparison", expression: "a.end == null || a.end > a.start"),
    BenchCase(label: "exists over 10 items", expression: "xs.exists(x, x.kind == 'cp' && x.seen)"),
    BenchCase(label: "filter + size over 10", expression: "size(xs.filter(x, x.d >= s)) > 2"),
    BenchCase(label: "string", expression: "a.worker.startsWith('J') && a.team + '/' + a.worker != 'south/Jo' && a.kind in ['cp', 'cin']"),
    BenchCase(label: "arithmetic", expression: "(a.start + 45) * 2 - a.count % 7 > a.limit / 3"),
]

/// The record `a`: 20 fields, shaped like a child-protection plan.
func makeRecord() -> Value {
    var fields: [(String, Value)] = []
    for (name, text) in [("id", "C-000123"), ("upn", "A123456789012"), ("kind", "cp"), ("worker", "Jo Smith"),
                         ("team", "north"), ("category", "neglect"), ("sex", "F"), ("ethnicity", "WBRI"),
                         ("episode", "E-1"), ("reason", "RC1"), ("source", "1A"), ("need", "N1")] {
        fields.append((name, Value.string(text)))
    }
    for (name, number) in [("start", 19_400), ("count", 12), ("limit", 600), ("previous", 1), ("birth", 15_000)] {
        fields.append((name, Value.int(Int64(number))))
    }
    fields.append(("end", Value.null))
    fields.append(("seen", Value.bool(true)))
    fields.append(("seen_alone", Value.bool(false)))
    return .map(MapValue(stringKeyed: fields))
}

/// Ten visits; only the last is a `cp` visit where the child was seen, so `exists` scans all.
func makeVisits() -> Value {
    var visits: [Value] = []
    for i in 0..<10 {
        let kind: String = i == 9 ? "cp" : (i % 2 == 0 ? "cin" : "cp")
        var fields: [(String, Value)] = []
        fields.append(("kind", Value.string(kind)))
        fields.append(("seen", Value.bool(i == 9)))
        fields.append(("d", Value.int(Int64(19_400 + i * 7))))
        visits.append(.map(MapValue(stringKeyed: fields)))
    }
    return .list(visits)
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

func median(_ xs: [Double]) -> Double {
    let sorted = xs.sorted()
    return sorted[sorted.count / 2]
}

/// Median and fastest nanoseconds per call of `body`, over `rounds` rounds of `batch`
/// calls. The fastest round shows the cost without interference from other processes.
func measure(rounds: Int, batch: Int, _ body: () -> Void) -> (median: Double, best: Double) {
    var samples: [Double] = []
    for _ in 0..<rounds {
        let start = now()
        for _ in 0..<batch { body() }
        samples.append(Double(now() - start) / Double(batch))
    }
    return (median(samples), samples.min()!)
}

var environment = Environment()
let slotA = environment.declare("a")
let slotXs = environment.declare("xs")
let slotS = environment.declare("s", type: .int)
var activation = environment.makeActivation()
activation[slotA] = makeRecord()
activation[slotXs] = makeVisits()
activation[slotS] = .int(19_430)

// `--only TEXT` runs just the expressions containing TEXT (for profiling one of them).
var selected = cases
if let i = CommandLine.arguments.firstIndex(of: "--only"), i + 1 < CommandLine.arguments.count {
    let text = CommandLine.arguments[i + 1]
    selected = cases.filter { $0.expression.contains(text) || $0.label.contains(text) }
}

// `--quick` measures far fewer rounds (for instruction counting under valgrind).
let quick = CommandLine.arguments.contains("--quick")

var sink = 0
print("expression                                       compile µs   eval ns (best)   result")
for c in selected {
    let program: Program
    do {
        program = try environment.compile(c.expression)
    } catch {
        print("\(c.label): does not compile: \(error)")
        exit(1)
    }
    let compileNs = measure(rounds: quick ? 1 : 15, batch: quick ? 10 : 200) {
        if (try? environment.compile(c.expression)) != nil { sink &+= 1 }
    }
    let evalNs = measure(rounds: quick ? 1 : 21, batch: quick ? 10_000 : 20_000) {
        if case .bool(true) = program.evaluate(activation) { sink &+= 1 }
    }
    let result = program.evaluate(activation).literalText
    let shown = c.expression.count > 46 ? String(c.expression.prefix(43)) + "..." : c.expression
    print(shown.padding(toLength: 48, withPad: " ", startingAt: 0)
          + String(format: "%10.2f %9.1f (%5.0f)   %@", compileNs.median / 1000, evalNs.median, evalNs.best, result))
}
if sink == 42 { print("") } // keeps the measured work observable

if CommandLine.arguments.contains("--compare-cel-python") {
    // The same expressions and data, evaluated by the Python cel-python package (pip install cel-python).
    let script = """
    import time, statistics, sys
    try:
        import celpy
    except ImportError:
        print("cel-python is not installed (pip install cel-python)"); sys.exit(0)
    from celpy import celtypes
    record = {"id": "C-000123", "upn": "A123456789012", "start": 19400, "end": None, "kind": "cp",
              "worker": "Jo Smith", "team": "north", "count": 12, "limit": 600, "category": "neglect",
              "previous": 1, "seen": True, "seen_alone": False, "sex": "F", "ethnicity": "WBRI",
              "birth": 15000, "episode": "E-1", "reason": "RC1", "source": "1A", "need": "N1"}
    visits = [{"kind": "cp" if i == 9 else ("cin" if i % 2 == 0 else "cp"), "seen": i == 9, "d": 19400 + i * 7}
              for i in range(10)]
    activation = {"a": celpy.json_to_cel(record), "xs": celpy.json_to_cel(visits), "s": celtypes.IntType(19430)}
    env = celpy.Environment()
    for expr in sys.argv[1:]:
        def compile_once():
            return env.program(env.compile(expr))
        compile_samples = []
        for _ in range(5):
            t = time.perf_counter(); n = 20
            for _ in range(n): compile_once()
            compile_samples.append((time.perf_counter() - t) / n)
        prog = compile_once()
        eval_samples = []
        for _ in range(5):
            t = time.perf_counter(); n = 200
            for _ in range(n): prog.evaluate(activation)
            eval_samples.append((time.perf_counter() - t) / n)
        result = prog.evaluate(activation)
        shown = expr if len(expr) <= 46 else expr[:43] + "..."
        print(f"{shown:<48}{statistics.median(compile_samples)*1e6:10.2f} {statistics.median(eval_samples)*1e9:9.1f}   {result}")
    """
    print("\ncel-python (same expressions and data)")
    print("expression                                       compile µs   eval ns   result")
    fflush(stdout)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + cases.map(\.expression)
    do {
        try process.run()
        process.waitUntilExit()
    } catch {
        print("could not run python3: \(error)")
    }
}
