import ArgumentParser
import Foundation
import History

/// `casecheck trend`: open findings and days late over the last runs, with deterioration flagged.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Show open findings over the recorded runs and flag the groups that deteriorate.",
        discussion: """
        A group deteriorates when its open findings, or its days late beyond the mere ageing of
        findings already open, rose and never fell over the last --rising-runs runs, or when it
        is above --open-above / --overdue-days-above at the last run.

        Examples:
          casecheck trend                                 by rule, over the last 10 runs
          casecheck trend --by team --last 30 --open-above 40
          casecheck trend --by worker --format csv --output trend.csv
        """)

    @OptionGroup var history: HistoryPathOption

    @Option(help: "Group findings by rule, area, team or worker.")
    var by: TrendDimension = .rule

    @Option(help: ArgumentHelp("How many of the newest runs to show.", valueName: "N"))
    var last: Int = 10

    @Option(name: .customLong("rising-runs"), help: ArgumentHelp("Flag a rise sustained over this many runs.", valueName: "K"))
    var risingRuns: Int = 3

    @Option(name: .customLong("min-rise"), help: ArgumentHelp("The least rise that counts (default 1).", valueName: "N"))
    var minimumRise: Int = 1

    @Option(name: .customLong("open-above"), help: ArgumentHelp("Flag groups with more open findings than this.", valueName: "N"))
    var openAbove: Int?

    @Option(name: .customLong("overdue-days-above"), help: ArgumentHelp("Flag groups with more days late than this.", valueName: "N"))
    var overdueDaysAbove: Int?

    @Option(help: "Output format: text, json or csv.")
    var format: TrendFormat = .text

    @Option(help: ArgumentHelp("Write to this file (readable by you only) instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        if last < 1 { throw ValidationError("--last must be at least 1") }
        if risingRuns < 1 { throw ValidationError("--rising-runs must be at least 1") }
        if minimumRise < 1 { throw ValidationError("--min-rise must be at least 1") }
    }

    func run() throws {
        let store = try history.openExisting()
        let report: TrendReport
        do {
            report = try store.trend(by: by, last: last,
                                     rule: DeteriorationRule(risingRuns: risingRuns, minimumRise: minimumRise, openAbove: openAbove, overdueDaysAbove: overdueDaysAbove))
        } catch {
            throw HistoryStoreOpening.fail(error)
        }
        let text: String
        switch format {
        case .text: text = TrendRendering.text(report)
        case .csv: text = TrendRendering.csv(report)
        case .json: text = try TrendRendering.json(report)
        }
        do {
            try ReportWriter.write(text, to: output)
        } catch {
            throw HistoryStoreOpening.fail(error)
        }
    }
}

/// Formats of `casecheck trend`.
enum TrendFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

extension TrendDimension: ExpressibleByArgument {}
