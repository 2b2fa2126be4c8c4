import ArgumentParser
import Foundation

/// The `casecheck` command: checks children's social care case records against rules.
/// Subcommands do the work; this only wires them and maps errors to exit codes.
struct CaseCheck: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "casecheck",
        abstract: "Check children's social care case records against rules written in YAML.",
        discussion: """
        Rules live in rules/ (one YAML file a practice area); case records in cases/. \
        Exit codes: 0 no findings at or above --fail-on; 1 findings at or above it; 2 \
        usage, rule-file or case-file errors.

        Examples:
          casecheck run                      check cases/ against rules/
          casecheck run exports/ --as-of 2024-06-01 --format json
          casecheck rules validate           check every rule file for mistakes
          casecheck rules test               run every rule's examples
        """,
        version: version,
        subcommands: [RunCommand.self, RulesCommand.self, LintCommand.self, CasesCommand.self, ExplainCommand.self,
                      HistoryCommand.self, TrendCommand.self, WaiveCommand.self],
        defaultSubcommand: nil)
}

/// Entry point. ArgumentParser exits 64 on usage errors; casecheck, like linters, uses 2.
@main
enum CaseCheckMain {
    static func main() {
        do {
            var command = try CaseCheck.parseAsRoot(HistoryArguments.normalise(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch let code as ExitCode {
            CaseCheck.exit(withError: code)
        } catch {
            if CaseCheck.exitCode(for: error) == .success { CaseCheck.exit(withError: error) }
            StandardError.write(CaseCheck.fullMessage(for: error) + "\n")
            Foundation.exit(ExitStatus.usageOrInputError)
        }
    }
}
