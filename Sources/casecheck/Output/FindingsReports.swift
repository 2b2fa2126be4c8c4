import ArgumentParser
import CaseModel
import Engine
import FindingStore
import Foundation
import Reports
import Rules

/// `casecheck run` options for the Reports formats (html, csv, markdown, sarif, junit) and for
/// pseudonymised output. The work is done by the Reports module; this only wires it.
struct ReportOptions: ParsableArguments {
    @Flag(name: .customLong("pseudonymise"),
          help: "Replace children's ids by keyed pseudonyms (HMAC-SHA256), stable across runs with the same key.")
    var pseudonymise = false

    @Flag(name: .customLong("pseudonymise-workers"), help: "Replace workers' names by pseudonyms too (implies --pseudonymise).")
    var pseudonymiseWorkers = false

    @Option(name: .customLong("key-file"),
            help: ArgumentHelp("The secret pseudonymisation key (default: the CASECHECK_KEY environment variable).", valueName: "file"))
    var keyFile: String?

    @Flag(name: .customLong("bom"), help: "Start CSV output with a UTF-8 byte-order mark, so Excel reads it correctly.")
    var byteOrderMark = false

    @Flag(name: .customLong("timestamp"),
          help: "Say when the report was made (html, markdown, sarif, junit). Without it, the same input gives the same file.")
    var timestamp = false

    func validate() throws {
        if keyFile != nil, !pseudonymise, !pseudonymiseWorkers {
            throw ValidationError("--key-file is only used with --pseudonymise or --pseudonymise-workers")
        }
    }

    /// The pseudonymiser asked for, or nil. A missing or unfit key is reported and ends the run
    /// (exit 2) before any case is read.
    func pseudonymiser() throws -> Pseudonymiser? {
        guard pseudonymise || pseudonymiseWorkers else { return nil }
        do {
            return Pseudonymiser(key: try PseudonymKey.resolve(keyFile: keyFile), includesWorkers: pseudonymiseWorkers)
        } catch {
            StandardError.write("casecheck: error: \(error)\n")
            throw ExitCode(ExitStatus.usageOrInputError)
        }
    }

    /// The run's findings with ids (and names) pseudonymised when asked, back in report order,
    /// so every format, text and JSON included, shows only pseudonyms.
    func prepare(_ result: RunResult, pseudonymiser: Pseudonymiser?, pack: RulePack) -> RunResult {
        guard let pseudonymiser else { return result }
        var copy = result
        copy.findings = FindingOrder.sorted(pseudonymiser.apply(to: result.findings, rules: pack.rules.map(RuleInfo.init)))
        return copy
    }

    /// The findings as reports show them: with ids (and names) pseudonymised when asked, back
    /// in report order by pseudonym. Streams, so a large run is never held whole.
    func shown(_ findings: SortedFindings, pseudonymiser: Pseudonymiser?, pack: RulePack, memoryLimit: Int) throws -> SortedFindings {
        guard let pseudonymiser else { return findings }
        var workers: Set<String> = []
        if pseudonymiser.includesWorkers {
            for finding in findings { if let worker = finding.worker { workers.insert(worker) } }
        }
        let transform = pseudonymiser.transform(workers: workers, rules: pack.rules.map(RuleInfo.init))
        return try findings.resorted(by: .canonical, memoryLimit: memoryLimit, transform: transform)
    }

    /// The JSON report of a run held in memory, by the same writer as `run --format json`.
    func json(_ result: RunResult, asOf: CalendarDate, pack: RulePack) throws -> String {
        let context = ReportContext(tool: .casecheck(version: CaseCheck.version), asOf: asOf, summary: result.summary,
                                    rules: pack.rules.map(RuleInfo.init), ruleFiles: pack.files)
        let sink = ReportSink.memory()
        try ReportStreaming.write(SortedFindings(result.findings), context: context, to: [.init(writer: JSONReportWriter(), sink: sink)])
        return String(decoding: sink.contents, as: UTF8.self)
    }

    /// The report in one of the Reports formats; `trend` (earlier runs from the history, oldest
    /// first) draws the dashboard's trend chart.
    func render(_ format: ReportFormat, result: RunResult, asOf: CalendarDate, pack: RulePack, trend: [TrendPoint] = []) -> String {
        let input = ReportInput(
            findings: result.findings, rules: pack.rules.map(RuleInfo.init), asOf: asOf,
            counts: ReportCounts(recordsRead: result.summary.recordsRead, recordsSkipped: result.summary.recordsSkipped,
                                 childrenChecked: result.summary.recordsChecked),
            trend: trend,
            tool: .casecheck(version: CaseCheck.version),
            generatedAt: timestamp ? ISO8601DateFormatter().string(from: Date()) : nil)
        let data = format.renderer(options: .init(csvByteOrderMark: byteOrderMark)).render(input)
        return String(decoding: data, as: UTF8.self)
    }
}

/// `casecheck run --format`: the CLI's own text and JSON reports, and the Reports module's formats.
enum RunFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html, csv, markdown, sarif, junit

    /// The Reports module's format for this one; nil for text and JSON, which the CLI renders.
    var reportFormat: ReportFormat? { ReportFormat(rawValue: rawValue) }
}

extension ReportOutputFormat: ExpressibleByArgument {}
