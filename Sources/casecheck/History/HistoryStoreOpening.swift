import ArgumentParser
import Foundation
import History

/// `--history PATH` for the commands that read or change an existing history.
struct HistoryPathOption: ParsableArguments {
    @Option(name: .customLong("history"),
            help: ArgumentHelp("The history database (default: \(RunStore.defaultPath)).", valueName: "path"))
    var path: String = RunStore.defaultPath

    /// Opens the history, which must exist; a problem is printed and ends the command with exit 2.
    func openExisting() throws -> RunStore {
        guard FileManager.default.fileExists(atPath: path) else {
            StandardError.write("casecheck: error: there is no history at \(path); record runs with 'casecheck run --history \(path)'\n")
            throw ExitCode(ExitStatus.usageOrInputError)
        }
        return try HistoryStoreOpening.open(path)
    }
}

/// Opening a history database, with its errors printed for a person.
enum HistoryStoreOpening {
    static func open(_ path: String) throws -> RunStore {
        do {
            return try RunStore(path: path)
        } catch {
            throw fail(error)
        }
    }

    /// Prints `error` and returns the exit that ends the command.
    static func fail(_ error: Error) -> ExitCode {
        StandardError.write("casecheck: error: \(error)\n")
        return ExitCode(ExitStatus.usageOrInputError)
    }
}
