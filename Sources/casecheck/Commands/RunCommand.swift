import ArgumentParser
import CaseModel
import CaseSources
import Engine
import FindingStore
import Foundation
import Reports

/// `casecheck run`: checks case records against the rules and reports findings.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check case records against the rules and report findings.",
        discussion: """
        Case files may be YAML, JSON, NDJSON or Annex A (.yaml, .yml, .json, .ndjson, .jsonl, \
        .xlsx, .csv); a folder is read recursively. Records that cannot be read are reported on standard \
        error as file:line:column: error: message and skipped; the rest are still checked.

        Exit codes: 0 no findings at or above --fail-on; 1 findings at or above it; 2 usage \
        or rule-file errors, or any case file or record that could not be read (the report \
        is still written).

        Examples:
          casecheck run
              check cases/ against rules/, as of today
          casecheck run exports/north.ndjson --as-of 2024-06-01
          casecheck run --format json --output report.json --fail-on critical
          casecheck run --format ndjson | jq -c 'select(.severity == "critical")'

          casecheck run --format html --output dashboard.html \\
              --pseudonymise --key-file casecheck.key
          casecheck run cases/ --rules rules/ --rules local-rules/visits.yaml
        """)

    @Argument(help: ArgumentHelp("Case files or folders (default: cases).", valueName: "case-paths"))
    var casePaths: [String] = []

    @OptionGroup var pack: PackOptions

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The health-check date, YYYY-MM-DD (default: today).",
                                                          valueName: "date"))
    var asOf: String?

    @Option(help: "Report format.")
    var format: ReportOutputFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file (created readable by you only) instead of standard output.",
                               valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when there are findings at or above this severity.")
    var failOn: FailThreshold = .high

    @OptionGroup var reports: ReportOptions

    @Option(name: .customLong("sarif-root"),
            help: ArgumentHelp("The folder SARIF locations are relative to (%SRCROOT%; default: the current folder).",
                               valueName: "folder"))
    var sarifRoot: String?

    @Option(name: .customLong("findings-in-memory"),
            help: ArgumentHelp("Findings held in memory before they are sorted in runs on disk (default \(FindingSpool.defaultMemoryLimit)).",
                               valueName: "count", visibility: .hidden))
    var findingsInMemory: Int = FindingSpool.defaultMemoryLimit

    @OptionGroup var history: RunHistoryOptions

    func validate() throws {
        if reports.byteOrderMark && format != .csv {
            throw ValidationError("--bom is only for --format csv (a byte-order mark would break \(format.rawValue) readers)")
        }
        if sarifRoot != nil && format != .sarif { throw ValidationError("--sarif-root is only for --format sarif") }
    }

    func run() throws {
        let started = Date()
        let date = try AsOfDate.parse(asOf)
        let pseudonymiser = try reports.pseudonymiser()
        let setup = try PackLoading.load(rulePaths: pack.rulePaths, schema: pack.schema, calendar: pack.calendar)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // Small batches keep memory low (about two batches are held); 256 records are still
        // milliseconds of work each, so the threads stay busy.
        let reader = CaseReader(paths: casePaths.isEmpty ? ["cases"] : casePaths, schema: setup.schema.root,
                                batchSize: 256, parallelism: cores)
        let engine = RuleEngine(pack: setup.pack, asOf: date, workers: cores, findingMemoryLimit: findingsInMemory)
        let progress = ProgressIndicator()
        let run: StreamedRun
        do {
            run = try engine.stream(reader, progress: progress.update)
        } catch {
            progress.finish()
            StandardError.write("casecheck: error: \(error)\n")
            throw ExitCode(ExitStatus.usageOrInputError)
        }
        progress.finish()

        var printer = DiagnosticPrinter(colour: Colour.forStream(STDERR_FILENO), showSource: false)
        StandardError.write(run.diagnostics.map { printer.render($0) }.joined())

        // The history needs every finding at once to mark it; without it, none is ever held whole.
        let recording = history.path == nil ? nil
            : history.record(run.inMemory, setup: setup, asOf: date, casePaths: casePaths.isEmpty ? ["cases"] : casePaths,
                             started: started)
        // Reports show pseudonyms when asked; everything else (exit status, history) sees the real run.
        let historyReport = recording?.report?.pseudonymised(by: pseudonymiser, pack: setup.pack)
        let context = ReportContext(
            tool: .casecheck(version: CaseCheck.version), asOf: date, summary: run.summary,
            rules: setup.pack.rules.map(RuleInfo.init), ruleFiles: setup.pack.files, trend: recording?.trend ?? [],
            generatedAt: reports.timestamp ? ISO8601DateFormatter().string(from: Date()) : nil,
            history: historyReport?.reportHistory)
        let colour = output == nil ? Colour.forStream(STDOUT_FILENO) : Colour(enabled: false)
        do {
            let shown = try reports.shown(run.findings, pseudonymiser: pseudonymiser, pack: setup.pack, memoryLimit: findingsInMemory)
            let sink = try output.map(ReportSink.file) ?? ReportSink.standardOutput()
            let root = URL(fileURLWithPath: sarifRoot ?? FileManager.default.currentDirectoryPath).standardizedFileURL.path
            let writer = format.writer(options: .init(colour: colour, csvByteOrderMark: reports.byteOrderMark, sarifRoot: root))
            try ReportStreaming.write(shown, context: context, to: [.init(writer: writer, sink: sink)],
                                      memoryLimit: findingsInMemory)
            try sink.close()
        } catch {
            StandardError.write("casecheck: error: \(error)\n")
            throw ExitCode(ExitStatus.usageOrInputError)
        }
        if output != nil || format != .text {
            // The report went elsewhere; the summary still tells a person at the terminal what happened.
            StandardError.write(TextReportWriter.summaryLine(run.summary, asOf: date, colour: Colour(enabled: false)) + "\n")
        }

        let result = run
        if result.summary.inputErrors > 0 || recording?.failed == true { throw ExitCode(ExitStatus.usageOrInputError) }
        if let threshold = failOn.severity,
           result.summary.findings(atOrAbove: threshold) - (recording?.waived(atOrAbove: threshold) ?? 0) > 0 {
            throw ExitCode(ExitStatus.findings)
        }
    }
}
