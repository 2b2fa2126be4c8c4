import ArgumentParser

/// `casecheck rules`: tools for people who write and edit rule files.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Tools for rule files: validate, test, document, JSON Schema.",
        discussion: """
        Examples:
          casecheck rules validate           check rules/ for mistakes
          casecheck rules validate rules/visits.yaml --format json
          casecheck rules test               run every rule's examples
          casecheck rules doc --output docs  write docs/rules.md
          casecheck rules schema             JSON Schema for rule files
        """,
        subcommands: [RulesValidateCommand.self, RulesTestCommand.self, RulesDocCommand.self, RulesSchemaCommand.self])
}
