import ArgumentParser
import CaseModel
import Foundation
import History

/// `casecheck history`: the runs recorded, and `history prune` to remove old ones.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the health-check runs recorded with 'casecheck run --history'.",
        discussion: """
        Examples:
          casecheck history                               the runs in .casecheck/history.sqlite
          casecheck history --history nightly.sqlite --last 10 --format json
          casecheck history prune --keep 90               keep the newest 90 runs
          casecheck history prune --before 2024-01-01
        """,
        subcommands: [HistoryListCommand.self, HistoryPruneCommand.self],
        defaultSubcommand: HistoryListCommand.self)
}

/// `casecheck history [list]`.
struct HistoryListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the runs, newest first.")

    @OptionGroup var history: HistoryPathOption

    @Option(help: ArgumentHelp("Show only the newest N runs.", valueName: "N"))
    var last: Int?

    @Option(help: "Output format: text or json.")
    var format: HistoryListFormat = .text

    func validate() throws {
        if let last, last < 1 { throw ValidationError("--last must be at least 1") }
    }

    func run() throws {
        let store = try history.openExisting()
        let runs: [HistoryRun]
        do { runs = try store.history(last: last) } catch { throw HistoryStoreOpening.fail(error) }
        switch format {
        case .text: FileHandle.standardOutput.write(Data(HistoryListing.text(runs).utf8))
        case .json: FileHandle.standardOutput.write(Data(try HistoryListing.json(runs).utf8))
        }
    }
}

/// Formats of `casecheck history`.
enum HistoryListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `casecheck history prune --keep N | --before DATE`.
struct HistoryPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Remove old runs (the newest run is always kept).")

    @OptionGroup var history: HistoryPathOption

    @Option(help: ArgumentHelp("Keep the newest N runs.", valueName: "N"))
    var keep: Int?

    @Option(help: ArgumentHelp("Remove runs whose as-of date is before this date (YYYY-MM-DD).", valueName: "date"))
    var before: String?

    func validate() throws {
        guard (keep == nil) != (before == nil) else { throw ValidationError("give one of --keep N or --before DATE") }
        if let keep, keep < 1 { throw ValidationError("--keep must be at least 1") }
    }

    func run() throws {
        let rule: PruneRule
        if let keep {
            rule = .keep(keep)
        } else {
            do { rule = .before(try CalendarDate(validatingISO: before ?? "")) } catch let error as CalendarDateParseError {
                throw ValidationError("--before: \(error.message)")
            }
        }
        let store = try history.openExisting()
        do {
            let result = try store.prune(rule)
            print("Removed \(result.runsRemoved) run\(result.runsRemoved == 1 ? "" : "s") and "
                  + "\(result.findingSpansRemoved) finding record\(result.findingSpansRemoved == 1 ? "" : "s"); "
                  + "\(result.runsKept) run\(result.runsKept == 1 ? "" : "s") kept.")
        } catch {
            throw HistoryStoreOpening.fail(error)
        }
    }
}
