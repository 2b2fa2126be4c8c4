import ArgumentParser
import CaseModel
import Foundation
import Rules

/// `casecheck cases schema`: the JSON Schema for case files, generated from the case schema.
struct CasesSchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema for case files, generated from rules/schema.yaml.",
        discussion: """
        Regenerate it after adding local fields to the case schema. Put \
        '# yaml-language-server: $schema=../schemas/cases.schema.json' at the top of a \
        YAML case file, or map cases/*.yaml to it in your editor's settings (see README).

        Examples:
          casecheck cases schema --output schemas/cases.schema.json
          casecheck cases schema --schema local/schema.yaml
        """)

    @Option(help: ArgumentHelp("The case schema (default: rules/schema.yaml).", valueName: "path"))
    var schema: String = "rules/schema.yaml"

    @OptionGroup var destination: SchemaFileOutput

    func run() throws {
        let result = CaseSchema.load(path: schema)
        var printer = DiagnosticPrinter(colour: Colour.forStream(STDERR_FILENO), showSource: true)
        StandardError.write(result.diagnostics.map { printer.render($0) }.joined())
        guard let caseSchema = result.value, !result.hasErrors else {
            StandardError.write("casecheck: the case schema has errors; no JSON Schema was written\n")
            throw ExitCode(ExitStatus.usageOrInputError)
        }
        try destination.write(CaseRecordJSONSchema.text(for: caseSchema))
    }
}
