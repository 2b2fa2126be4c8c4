import CEL
import CaseModel
import CaseSources
import Dispatch
import Engine
import Foundation
import Rules

/// `swift run -c release casecheck-bench [--children N]... [--seed S] [--keep]`
///
/// Generates N synthetic children as NDJSON in a temporary file, then loads and checks them
/// through the whole pipeline (CaseReader → RuleEngine with one rule of each kind) and prints
/// children per second and peak resident memory. Without --children it runs 10,000 and
/// 100,000; several sizes run one process each, so each peak is that run's own. Targets: at least 50,000 children/s including parsing; under 200 MB peak for
/// 100,000 children.
@main
enum BenchMain {
    struct Options {
        var sizes: [Int] = []
        var seed: UInt64 = 20_240_601
        var keep = false
        /// Only read and type the records, without checking them (to see what parsing costs).
        var readOnly = false
        var workers = ProcessInfo.processInfo.activeProcessorCount
        /// Records read and checked at a time: memory is bounded by about two batches.
        var batchSize = 256
        /// An NDJSON file to check instead of generated children (profiling without the
        /// generator's own work in the samples).
        var input: String?
    }

    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let options = try parse(arguments)
        if options.sizes.count > 1 {
            // Each size in a fresh process: memory the allocator keeps from one run would
            // otherwise count in the next run's peak.
            for size in options.sizes { try runSeparately(size: size, arguments: arguments) }
            return
        }
        let asOf = CalendarDate(iso: "2024-06-01")!
        let schema = try CaseSchema(yaml: BenchRules.schema, file: "bench-schema.yaml")
        let calendar = loadCalendar()
        var functions = FunctionRegistry.standard
        functions.merge(DateFunctions.registry(calendar: calendar))
        let (pack, diagnostics) = RulePack.load(sources: [RuleSource(name: "bench-rules.yaml", text: BenchRules.rules)],
                                                schema: schema.root, calendar: calendar, functions: functions)
        guard diagnostics.allSatisfy({ $0.severity != .error }) else {
            for d in diagnostics { print(d) }
            exit(2)
        }
        print("casecheck-bench: \(pack.rules.count) rules, \(options.workers) workers, calendar \(calendar.name), seed \(options.seed)")
        for size in options.sizes {
            let path: String, bytes: Int
            if let input = options.input {
                path = input
                bytes = (try FileManager.default.attributesOfItem(atPath: input)[.size] as? Int) ?? 0
            } else {
                path = FileManager.default.temporaryDirectory
                    .appendingPathComponent("casecheck-bench-\(size)-\(ProcessInfo.processInfo.processIdentifier).ndjson").path
                var generator = ChildGenerator(seed: options.seed, asOf: asOf)
                bytes = try generator.write(count: size, to: path)
            }
            defer { if !options.keep && options.input == nil { try? FileManager.default.removeItem(atPath: path) } }

            PeakMemory.reset()
            let started = DispatchTime.now().uptimeNanoseconds
            let cpuStarted = ProcessorTime.seconds()
            let reader = CaseReader(paths: [path], schema: schema.root, batchSize: options.batchSize, parallelism: options.workers)
            let checked = options.readOnly ? RulePack(rules: [], files: []) : pack
            let result = RuleEngine(pack: checked, asOf: asOf, workers: options.workers).run(reader)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let cpu = ProcessorTime.seconds() - cpuStarted
            let peak = PeakMemory.bytes().map { String(format: "%.1f MB", Double($0) / 1_048_576) } ?? "unknown"
            let s = result.summary
            print(String(format: "%7d children  %6.1f MB file  %6.2f s  %8.0f children/s  peak RSS %@",
                         s.recordsChecked, Double(bytes) / 1_048_576, seconds, Double(s.recordsChecked) / seconds, peak))
            print(String(format: "  CPU %.2f s (%.0f children per CPU-second; %.1f cores busy)  %d checked, %d skipped, %d findings",
                         cpu, Double(s.recordsChecked) / cpu, cpu / seconds, s.recordsChecked, s.recordsSkipped, s.findings))
            var byRule: [String: Int] = [:]
            for f in result.findings { byRule[f.rule, default: 0] += 1 }
            print("  findings by rule: " + byRule.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            if options.keep { print("  kept \(path)") }
        }
    }

    private static func runSeparately(size: Int, arguments: [String]) throws {
        var rest: [String] = []
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--children" { i += 2; continue }
            rest.append(arguments[i])
            i += 1
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Bundle.main.executablePath ?? CommandLine.arguments[0])
        process.arguments = ["--children", String(size)] + rest
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { exit(process.terminationStatus) }
    }

    private static func loadCalendar() -> WorkingDayCalendar {
        let path = "rules/calendars/england-and-wales.yaml"
        return WorkingDayCalendar.load(path: path).value ?? .weekendsOnly
    }

    private static func parse(_ arguments: [String]) throws -> Options {
        var options = Options()
        var rest = arguments[...]
        func value(_ flag: String) -> String {
            guard let v = rest.popFirst() else { usage("\(flag) needs a value") }
            return v
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--children":
                guard let n = Int(value(argument)), n > 0 else { usage("--children takes a positive whole number") }
                options.sizes.append(n)
            case "--seed":
                guard let s = UInt64(value(argument)) else { usage("--seed takes a whole number") }
                options.seed = s
            case "--workers":
                guard let w = Int(value(argument)), w > 0 else { usage("--workers takes a positive whole number") }
                options.workers = w
            case "--batch":
                guard let b = Int(value(argument)), b > 0 else { usage("--batch takes a positive whole number") }
                options.batchSize = b
            case "--input": options.input = value(argument)
            case "--keep": options.keep = true
            case "--read-only": options.readOnly = true
            case "-h", "--help": usage(nil)
            default: usage("unknown option '\(argument)'")
            }
        }
        if options.input != nil { options.sizes = [0] }
        if options.sizes.isEmpty { options.sizes = [10_000, 100_000] }
        return options
    }

    private static func usage(_ problem: String?) -> Never {
        let text = """
        usage: casecheck-bench [--children N]... [--seed S] [--workers W] [--batch B] [--keep] [--read-only] [--input FILE]
          --children N   children to generate and check (repeatable; default 10000 and 100000)
          --seed S       random seed for the generated children
          --workers W    threads checking records (default: the number of cores)
          --batch B      records read and checked at a time (default 256)
          --keep         keep the generated NDJSON file and print its path
          --read-only    only read and type the records (no rules), to see what parsing costs
          --input FILE   check this NDJSON file (one written with --keep) instead of generating one

        """
        if let problem {
            FileHandle.standardError.write(Data("casecheck-bench: \(problem)\n\(text)".utf8))
            exit(2)
        }
        print(text, terminator: "")
        exit(0)
    }
}
