import ArgumentParser
import CaseModel
import CaseSources
import Engine
import Foundation
import History
import Reports
import Rules

/// `casecheck run --history [PATH] [--waivers FILE]`: records the run and classifies its findings.
struct RunHistoryOptions: ParsableArguments {
    @Option(name: .customLong("history"),
            help: ArgumentHelp("Record the run in this history database and mark each finding new or persisting "
                               + "(with no path: \(RunStore.defaultPath)).", valueName: "path"))
    var path: String?

    @Option(name: .customLong("waivers"),
            help: ArgumentHelp("A reviewed waivers file (YAML) to record before the run (needs --history).", valueName: "file"))
    var waiversFile: String?

    /// How many runs the dashboard's trend chart shows.
    static let trendRuns = 60

    func validate() throws {
        if waiversFile != nil && path == nil { throw ValidationError("--waivers needs --history: waivers are kept in the history") }
    }

    /// What recording produced.
    struct Outcome {
        /// The marks for the report; nil when the run could not be recorded.
        var report: HistoryRunReport?
        /// The history could not be used, or the waivers file has mistakes (printed): exit 2.
        var failed: Bool
        /// The latest runs, this one included, oldest first, for the dashboard's trend chart.
        var trend: [TrendPoint] = []

        /// Waived findings at or above `severity`: accepted, so they do not fail the run.
        func waived(atOrAbove severity: Severity) -> Int {
            report?.recorded.waived.filter { $0.finding.severity >= severity }.count ?? 0
        }
    }

    /// Records `result` when `--history` was given (nil otherwise). Problems are printed on
    /// standard error and flagged in the outcome; the run's report is written regardless.
    func record(_ result: RunResult, setup: CheckSetup, asOf: CalendarDate, casePaths: [String],
                started: Date) -> Outcome? {
        guard let path else { return nil }
        do {
            let (store, recorded, inputErrors) = try recordOrThrow(result, path: path, setup: setup, asOf: asOf,
                                                                   casePaths: casePaths, started: started)
            // The chart is a nicety: a failure to read it back leaves the chart out, not the run.
            let runs = (try? store.history(last: Self.trendRuns)) ?? []
            let trend = runs.reversed().map {
                TrendPoint(asOf: $0.asOf, openFindings: $0.findings, newFindings: $0.new, resolvedFindings: $0.resolved)
            }
            return Outcome(report: HistoryRunReport(recorded: recorded, database: path), failed: inputErrors > 0, trend: trend)
        } catch {
            return Outcome(report: nil, failed: true)  // printed by HistoryStoreOpening
        }
    }

    private func recordOrThrow(_ result: RunResult, path: String, setup: CheckSetup, asOf: CalendarDate, casePaths: [String],
                               started: Date) throws -> (RunStore, RecordedRun, inputErrors: Int) {
        let store = try HistoryStoreOpening.open(path)
        var inputErrors = 0
        if let waiversFile {
            let loaded = WaiverFile.load(path: waiversFile, today: CalendarDate.today())
            var printer = DiagnosticPrinter(colour: Colour.forStream(STDERR_FILENO), showSource: true)
            StandardError.write(loaded.diagnostics.map { printer.render($0) }.joined())
            inputErrors = loaded.errors.count
            do { try store.importWaivers(loaded.value ?? []) } catch { throw HistoryStoreOpening.fail(error) }
        }
        let input = RunInput(asOf: asOf, started: started,
                             rulePackHash: (try? ContentHash.ofFiles(at: setup.pack.files)) ?? "unknown",
                             inputs: CaseFileDiscovery.files(in: casePaths).compactMap { try? InputFile.hashing(path: $0) },
                             counts: RecordCounts(read: result.summary.recordsRead, checked: result.summary.recordsChecked,
                                                  skipped: result.summary.recordsSkipped),
                             findings: result.findings,
                             ruleAreas: Dictionary(setup.pack.rules.compactMap { rule in rule.definition.area.map { (rule.id, $0) } },
                                                   uniquingKeysWith: { first, _ in first }))
        do {
            return (store, try store.record(input), inputErrors)
        } catch {
            throw HistoryStoreOpening.fail(error)
        }
    }
}
