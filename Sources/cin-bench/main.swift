import CaseModel
import CaseSources
import Engine
import Foundation

// cin-bench: writes synthetic CIN census returns and times casecheck's census linting
// (reading the XML, typing, the DfE rule pack, sorting findings) on them.
//
//   cin-bench                                   1,000 / 10,000 / 100,000 children, a table
//   cin-bench generate --children N --out FILE [--seed S] [--error-rate R]
//   cin-bench check FILE... [--rules FOLDER] [--workers N] [--read-only]   (--read-only: reading and typing alone)
//   cin-bench rules FILE [--rules FOLDER]       each census rule's time over the file's children, costliest first
//
// Figures: wall and CPU seconds of the check, children per second, peak resident memory
// of the whole process (VmHWM; the XML is mapped, and only a batch of children is held).

func value(_ name: String, in args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("cin-bench: \(message)\n".utf8))
    exit(2)
}

func generate(children: Int, seed: UInt64, errorRate: Int, to path: String) {
    guard FileManager.default.createFile(atPath: path, contents: nil),
          let handle = FileHandle(forWritingAtPath: path) else { fail("cannot write \(path)") }
    var generator = CensusGenerator(children: children, seed: seed)
    generator.errorRate = errorRate
    generator.generate { handle.write(Data($0.utf8)) }
    try? handle.close()
}

struct CheckFigures {
    var children = 0, findings = 0, skipped = 0
    var wall = 0.0, cpu = 0.0
}

func check(_ paths: [String], rules: String, workers: Int) -> CheckFigures {
    let (setup, diagnostics) = CheckSetup.load(rulePaths: [rules + "/cin-census"], schemaPath: rules + "/schema.yaml",
                                               calendarPath: rules + "/calendars/england-and-wales.yaml")
    guard let setup, !diagnostics.contains(where: { $0.severity == .error }) else {
        fail("the census rules could not be loaded:\n" + diagnostics.map(\.description).joined(separator: "\n"))
    }
    let cpu0 = cpuSeconds(), t0 = Date()
    let reader = CaseReader(paths: paths, schema: setup.schema.root)
    reader.maxDiagnosticsPerFile = 100
    if readOnly {
        var f = CheckFigures()
        while let batch = reader.nextBatch() { f.children += batch.records.count }
        f.wall = Date().timeIntervalSince(t0)
        f.cpu = cpuSeconds() - cpu0
        return f
    }
    let result = RuleEngine(pack: setup.pack, asOf: CalendarDate(year: 2025, month: 5, day: 1)!, workers: workers).run(reader)
    var f = CheckFigures()
    f.wall = Date().timeIntervalSince(t0)
    f.cpu = cpuSeconds() - cpu0
    f.children = result.summary.recordsChecked
    f.skipped = result.summary.recordsSkipped
    f.findings = result.findings.count
    return f
}

/// Times each record rule alone over children read beforehand, on one thread: where the
/// checking time goes, rule by rule.
func timeRules(_ path: String, rules: String) {
    let (setup, diagnostics) = CheckSetup.load(rulePaths: [rules + "/cin-census"], schemaPath: rules + "/schema.yaml",
                                               calendarPath: rules + "/calendars/england-and-wales.yaml")
    guard let setup, !diagnostics.contains(where: { $0.severity == .error }) else { fail("the census rules could not be loaded") }
    let reader = CaseReader(paths: [path], schema: setup.schema.root)
    var records: [CaseRecord] = []
    while let batch = reader.nextBatch() { records += batch.records }
    let asOf = CalendarDate(year: 2025, month: 5, day: 1)!
    var rows: [(id: String, seconds: Double, findings: Int)] = []
    for rule in setup.pack.recordRules {
        let t0 = cpuSeconds()
        var findings = 0
        for record in records { findings += rule.check(record: record, asOf: asOf).count }
        rows.append((rule.id, cpuSeconds() - t0, findings))
    }
    let total = rows.reduce(0) { $0 + $1.seconds }
    print(String(format: "%d children, %d rules, %.3f s CPU in all (%.1f µs a child)", records.count, rows.count, total,
                 total / Double(max(1, records.count)) * 1e6))
    for row in rows.sorted(by: { $0.seconds > $1.seconds }) {
        print(String(format: "%-10@ %7.3f s  %5.1f%%  %6.0f ns a child  %6d findings", row.id, row.seconds, row.seconds / total * 100,
                     row.seconds / Double(max(1, records.count)) * 1e9, row.findings))
    }
}

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return s(usage.ru_utime) + s(usage.ru_stime)
}

func peakMemoryMB() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return line.split(separator: " ").compactMap { Double($0) }.first.map { $0 / 1024 }
    }
    return nil
}

func report(_ label: String, _ f: CheckFigures) {
    let rate = f.wall > 0 ? Double(f.children) / f.wall : 0
    print(String(format: "%@  %8d children  %7.2f s wall  %7.2f s cpu  %9.0f children/s  %7d findings  peak %.0f MB",
                 label, f.children, f.wall, f.cpu, rate, f.findings, peakMemoryMB() ?? 0))
}

let args = Array(CommandLine.arguments.dropFirst())
let rules = value("--rules", in: args) ?? "rules"
let readOnly = args.contains("--read-only")
let workers = value("--workers", in: args).flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
switch args.first {
case "generate":
    guard let n = value("--children", in: args).flatMap(Int.init), n >= 0 else { fail("generate needs --children N") }
    guard let out = value("--out", in: args) else { fail("generate needs --out FILE") }
    let seed = value("--seed", in: args).flatMap(UInt64.init) ?? 2025
    let rate = value("--error-rate", in: args).flatMap(Int.init) ?? 25
    generate(children: n, seed: seed, errorRate: max(1, rate), to: out)
case "rules":
    guard args.count > 1 else { fail("rules needs a census file") }
    timeRules(args[1], rules: rules)
case "check":
    var files: [String] = []
    var i = 1
    while i < args.count {
        if args[i] == "--read-only" { i += 1; continue }
        if args[i].hasPrefix("--") { i += 2; continue }
        files.append(args[i]); i += 1
    }
    guard !files.isEmpty else { fail("check needs census files") }
    report(files.count == 1 ? (files[0] as NSString).lastPathComponent : "\(files.count) files", check(files, rules: rules, workers: workers))
default:
    for n in [1_000, 10_000, 100_000] {
        let path = NSTemporaryDirectory() + "cin-bench-\(n).xml"
        if !FileManager.default.fileExists(atPath: path) { generate(children: n, seed: 2025, errorRate: 25, to: path) }
        report(String(format: "%7d", n), check([path], rules: rules, workers: workers))
    }
}
