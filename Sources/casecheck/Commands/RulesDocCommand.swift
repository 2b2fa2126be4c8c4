import ArgumentParser
import Foundation
import Rules

/// `casecheck rules doc`: the rule catalogue for managers, as Markdown or HTML.
struct RulesDocCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doc",
        abstract: "Write a catalogue of the rules for managers (Markdown or HTML).",
        discussion: """
        Per practice area, each rule's title, severity, source in guidance, rationale, \
        its timescale in words and its examples as small tables. Written to standard \
        output, or to rules.md (rules.html) in the folder given with --output.

        Examples:
          casecheck rules doc --output docs       regenerate docs/rules.md
          casecheck rules doc --format html --output site
          casecheck rules doc rules/visits.yaml   one area, to the terminal
        """)

    /// What the catalogue is written as.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, html

        var fileName: String { self == .markdown ? "rules.md" : "rules.html" }
    }

    @OptionGroup var files: RuleFileArguments

    @Option(help: "Output format.")
    var format: Format = .markdown

    @Option(help: ArgumentHelp("Write rules.md (or rules.html) into this folder instead of standard output.",
                               valueName: "dir"))
    var output: String?

    func run() throws {
        let setup = try PackLoading.load(rulePaths: files.paths, schema: files.schema, calendar: files.calendar)
        let catalogue = RuleCatalogue(rules: setup.pack.rules.map(\.definition),
                                      base: FileManager.default.currentDirectoryPath)
        let text: String
        switch format {
        case .markdown: text = RuleCatalogueMarkdown.render(catalogue)
        case .html: text = RuleCatalogueHTML.render(catalogue)
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let path = (output as NSString).appendingPathComponent(format.fileName)
        do {
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            StandardError.write("casecheck: error: cannot write '\(path)': \(error.localizedDescription)\n")
            throw ExitCode(ExitStatus.usageOrInputError)
        }
        let rules = catalogue.ruleCount, areas = catalogue.areas.count
        StandardError.write("wrote \(path): \(rules) rule\(rules == 1 ? "" : "s") in \(areas) area\(areas == 1 ? "" : "s")\n")
    }
}
