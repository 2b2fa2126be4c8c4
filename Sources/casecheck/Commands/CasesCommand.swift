import ArgumentParser

/// `casecheck cases`: tools for case files.
struct CasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Tools for case files.",
        discussion: """
        Examples:
          casecheck cases schema --output schemas/cases.schema.json
        """,
        subcommands: [CasesSchemaCommand.self])
}
