import ArgumentParser

/// `casecheck rules`: tools for people who write and edit rule files.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Tools for rule files: validate them, run their examples.",
        discussion: """
        Examples:
          casecheck rules validate                       check rules/ for mistakes
          casecheck rules validate rules/visits.yaml --format json
          casecheck rules test                           run every rule's examples
        """,
        subcommands: [RulesValidateCommand.self, RulesTestCommand.self, RulesDocCommand.self, RulesSchemaCommand.self])
}
