import ArgumentParser
import CaseModel
import Engine
import Foundation

/// `casecheck rules validate`: loads and compiles every rule, type-checking each expression
/// against the case schema, without reading any case.
struct RulesValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check rule files for mistakes without running them.",
        discussion: """
        Every rule is loaded and compiled, and every expression is checked against the \
        case schema (a misspelt field, a date compared with text, a list where true/false \
        is needed). Each problem is printed as file:line:column: error: message, with the \
        line of the rule file, a caret under the spot and a hint where there is one. Exit \
        2 when there is any error, 0 otherwise (warnings do not fail).

        Examples:
          casecheck rules validate
          casecheck rules validate rules/visits.yaml rules/child-protection.yaml
          casecheck rules validate --format json      for editors and scripts
        """)

    @OptionGroup var files: RuleFileArguments

    @Option(help: "Output format.")
    var format: OutputFormat = .text

    struct Report: Encodable {
        struct Entry: Encodable {
            let severity: String
            let file: String
            let line: Int
            let column: Int
            let message: String
            let hint: String?
        }
        let files: [String]
        let rules: Int
        let errors: Int
        let warnings: Int
        let diagnostics: [Entry]
    }

    func run() throws {
        let (setup, diagnostics) = CheckSetup.load(rulePaths: files.paths.isEmpty ? ["rules"] : files.paths,
                                                   schemaPath: files.schema, calendarPath: files.calendar)
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        let ruleFiles = setup?.pack.files ?? []
        let rules = setup?.pack.rules.count ?? 0
        switch format {
        case .json:
            let report = Report(files: ruleFiles, rules: rules, errors: errors, warnings: warnings,
                                diagnostics: diagnostics.map {
                                    Report.Entry(severity: $0.severity.rawValue, file: $0.location.file, line: $0.location.line,
                                                 column: $0.location.column, message: $0.message, hint: $0.hint)
                                })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
        case .text:
            var printer = DiagnosticPrinter(colour: Colour.forStream(STDOUT_FILENO), showSource: true)
            var out = diagnostics.map { printer.render($0) }.joined(separator: "\n")
            if !out.isEmpty { out += "\n" }
            let fileCount = "\(ruleFiles.count) file\(ruleFiles.count == 1 ? "" : "s")"
            if errors == 0 && warnings == 0 {
                out += "\(rules) rule\(rules == 1 ? "" : "s") in \(fileCount): no problems found\n"
            } else {
                out += "\(rules) rule\(rules == 1 ? "" : "s") compiled in \(fileCount): "
                    + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
        if errors > 0 { throw ExitCode(ExitStatus.usageOrInputError) }
    }
}
