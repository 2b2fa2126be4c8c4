import ArgumentParser
import Foundation

/// Where a generated JSON Schema goes: standard output, or a file (`--output`).
/// Schemas hold no case data, so the file is written with ordinary permissions.
struct SchemaFileOutput: ParsableArguments {
    @Option(help: ArgumentHelp("Write the schema to this file instead of standard output.", valueName: "file"))
    var output: String?

    func write(_ text: String) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            StandardError.write("casecheck: error: cannot write '\(output)': \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.usageOrInputError)
        }
    }
}
