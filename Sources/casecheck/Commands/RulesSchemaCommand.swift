import ArgumentParser
import Rules

/// `casecheck rules schema`: the JSON Schema for rule files, for YAML editors.
struct RulesSchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema for rule files (for editor completion and inline errors).",
        discussion: """
        Put '# yaml-language-server: $schema=../schemas/rules.schema.json' at the top \
        of a rule file, or map rule files to the schema in your editor's settings (see \
        README).

        Examples:
          casecheck rules schema --output schemas/rules.schema.json
        """)

    @OptionGroup var destination: SchemaFileOutput

    func run() throws {
        try destination.write(RuleFileJSONSchema.text())
    }
}
