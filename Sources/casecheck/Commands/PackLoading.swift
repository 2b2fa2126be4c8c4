import ArgumentParser
import CaseModel
import Engine
import Foundation

/// Loads the schema, calendar and rules for a command, printing every diagnostic on
/// standard error compiler-style; any error stops the command with exit 2.
enum PackLoading {
    static func load(rulePaths: [String], schema: String?, calendar: String?) throws -> CheckSetup {
        let (setup, diagnostics) = CheckSetup.load(rulePaths: rulePaths.isEmpty ? ["rules"] : rulePaths,
                                                   schemaPath: schema, calendarPath: calendar)
        var printer = DiagnosticPrinter(colour: Colour.forStream(STDERR_FILENO), showSource: true)
        StandardError.write(diagnostics.map { printer.render($0) }.joined())
        let errors = diagnostics.filter { $0.severity == .error }.count
        guard let setup, errors == 0 else {
            StandardError.write("casecheck: \(errors) error\(errors == 1 ? "" : "s") in the rules, schema or calendar; nothing was checked\n")
            throw ExitCode(ExitStatus.usageOrInputError)
        }
        return setup
    }
}
