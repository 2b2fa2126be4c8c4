import ArgumentParser
import CaseModel
import CaseSources
import Engine
import Foundation
import Rules

/// `casecheck lint FILE...`: checks exported case files before they are sent, the way a
/// compiler checks source files: DfE CIN census XML against the DfE's census validation
/// rules (`rules/cin-census/`), canonical YAML/JSON/NDJSON against the default pack's
/// data-quality rules. One line a finding, `file:line: error CIN-8925: message (child X)`.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Lint exported case files (CIN census XML, YAML, JSON, NDJSON) and print file:line diagnostics.",
        discussion: """
        Census files (.xml) are checked against the DfE CIN census validation rules in
        rules/cin-census/; other case files against the data-quality rules of the default pack.
        A DfE error is printed as an error, a DfE query (a code ending in Q) as a warning:

          census.xml:57: error CIN-8925: Child Protection Plan End Date earlier than Start Date (child DfEX0000001)

        The rules folder is ./rules when there is one, else $CASECHECK_RULES, else the rules
        folder of the casecheck checkout the program was built in.

        Exit codes: 0 nothing at or above --fail-on (default: high, i.e. DfE errors; use
        --fail-on medium to fail on queries too); 1 findings at or above it; 2 usage or
        rule errors, or a file or child that could not be read.
        """)

    @Argument(help: ArgumentHelp("Files (or folders) to lint.", valueName: "file"))
    var files: [String]

    @Option(name: .customLong("rules"), help: ArgumentHelp("The rules folder holding schema.yaml, calendars/, data-quality.yaml and cin-census/.",
                                                           valueName: "folder"))
    var rulesFolder: String?

    @Option(name: .customLong("census-rules"), help: ArgumentHelp("The census rule pack (default: cin-census in the rules folder).",
                                                                 valueName: "path"))
    var censusRules: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("The date checked as of, YYYY-MM-DD (default: today).", valueName: "date"))
    var asOf: String?

    @Option(help: "Report format: text (compiler-style lines), json, or one of run's report formats (sarif for editors and code scanning, junit, csv, markdown, html).")
    var format: RunFormat = .text

    @OptionGroup var reports: ReportOptions

    @Option(help: ArgumentHelp("Write the report to this file (created readable by you only).", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when there are findings at or above this severity.")
    var failOn: FailThreshold = .high

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one file to lint") }
    }

    func run() throws {
        let date = try AsOfDate.parse(asOf)
        let folder = try LintRules.folder(explicit: rulesFolder)
        let groups = LintGroups(paths: files)

        let pseudonymiser = try reports.pseudonymiser()
        var results: [RunResult] = []
        var ruleFiles: [String] = []
        var rules: [CompiledRule] = []
        if !groups.census.isEmpty {
            let packPath = censusRules ?? (folder as NSString).appendingPathComponent("cin-census")
            let setup = try LintRules.load(rulePaths: [packPath], folder: folder, area: nil)
            ruleFiles += setup.pack.files
            rules += setup.pack.rules
            // Each census file is one return, checked on its own: a UPN or child id repeated
            // across two returns is not a fault, and a finding about a group names its file.
            for file in groups.census {
                let reader = CaseReader(paths: [file], schema: setup.schema.root)
                var result = RuleEngine(pack: setup.pack, asOf: date).run(reader)
                for i in result.findings.indices where result.findings[i].location == nil {
                    result.findings[i].location = SourceLocation(file: file, line: 0)
                }
                results.append(result)
            }
        }
        if !groups.cases.isEmpty {
            let setup = try LintRules.load(rulePaths: [folder], folder: folder, area: "data-quality")
            ruleFiles += setup.pack.files
            rules += setup.pack.rules
            let reader = CaseReader(paths: groups.cases, schema: setup.schema.root)
            results.append(RuleEngine(pack: setup.pack, asOf: date).run(reader))
        }
        let pack = RulePack(rules: rules, files: ruleFiles)
        let result = reports.prepare(LintGroups.merge(results, extraDiagnostics: groups.problems),
                                     pseudonymiser: pseudonymiser, pack: pack)

        var printer = DiagnosticPrinter(colour: Colour.forStream(STDERR_FILENO), showSource: false)
        StandardError.write(result.diagnostics.map { printer.render($0) }.joined())

        let report: String
        switch format {
        case .json:
            report = try reports.json(result, asOf: date, pack: pack)
        case .text:
            let colour = output == nil ? Colour.forStream(STDOUT_FILENO) : Colour(enabled: false)
            report = LintTextReport(findings: result.findings, colour: colour).render()
        case .html, .csv, .markdown, .sarif, .junit:
            report = reports.render(format.reportFormat!, result: result, asOf: date, pack: pack)
        }
        do {
            try ReportWriter.write(report, to: output)
        } catch {
            StandardError.write("casecheck: error: \(error)\n")
            throw ExitCode(ExitStatus.usageOrInputError)
        }
        StandardError.write(LintTextReport.summaryLine(result.summary) + "\n")

        if result.summary.inputErrors > 0 { throw ExitCode(ExitStatus.usageOrInputError) }
        if let threshold = failOn.severity, result.summary.findings(atOrAbove: threshold) > 0 {
            throw ExitCode(ExitStatus.findings)
        }
    }
}
