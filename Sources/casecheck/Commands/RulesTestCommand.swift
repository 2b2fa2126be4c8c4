import ArgumentParser
import Engine
import Foundation
import Rules

/// `casecheck rules test`: runs every rule's `examples:` and reports each as pass or fail.
struct RulesTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every rule's examples and report which pass and which fail.",
        discussion: """
        Each example is a small case record, a health-check date and whether the rule \
        should pass or fail on it. A failing example shows what was expected and what \
        came out. The last line is 'N passed, M failed'. Exit 1 when any example fails, 2 \
        when the rule files have errors (run 'casecheck rules validate' to see them in full).

        Examples:
          casecheck rules test
          casecheck rules test rules/visits.yaml
          casecheck rules test --verbose     also list the findings of passing examples
        """)

    @OptionGroup var files: RuleFileArguments

    @Flag(name: .shortAndLong, help: "Show the findings of passing examples too.")
    var verbose = false

    func run() throws {
        let setup = try PackLoading.load(rulePaths: files.paths, schema: files.schema, calendar: files.calendar)
        let colour = Colour.forStream(STDOUT_FILENO)
        var out = ""
        var passed = 0, failed = 0
        var withoutExamples: [String] = []
        for rule in setup.pack.rules {
            let results = rule.runExamples()
            if results.isEmpty { withoutExamples.append(rule.id) }
            for result in results {
                let name = "\(colour.bold(rule.id)) › \(result.example.name)"
                if result.passed {
                    passed += 1
                    out += "\(colour.green("PASS"))  \(name)\n"
                    if verbose { out += findingLines(result.findings) }
                } else {
                    failed += 1
                    out += "\(colour.red("FAIL"))  \(name)  \(colour.dim("(\(result.example.location))"))\n"
                    out += "      expected: \(expectation(result.example))\n"
                    out += "      got:      \(result.findings.isEmpty ? "no findings" : "\(result.findings.count) finding\(result.findings.count == 1 ? "" : "s")")\n"
                    out += findingLines(result.findings)
                    // An evaluation error is already shown as the finding; other explanations add to it.
                    if let why = result.explanation, !result.findings.allSatisfy({ $0.status == .error }) || result.findings.isEmpty {
                        out += "      \(why)\n"
                    }
                }
            }
        }
        if !withoutExamples.isEmpty {
            out += colour.dim("\(withoutExamples.count) rule\(withoutExamples.count == 1 ? " has" : "s have") no examples: "
                              + withoutExamples.joined(separator: ", ")) + "\n"
        }
        let tally = "\(passed) passed, \(failed) failed"
        out += (failed > 0 ? colour.red(tally) : colour.green(tally)) + "\n"
        FileHandle.standardOutput.write(Data(out.utf8))
        if failed > 0 { throw ExitCode(ExitStatus.findings) }
    }

    private func expectation(_ example: RuleExample) -> String {
        var text = example.expect == .pass ? "pass (no findings)" : "fail (at least one finding)"
        if let count = example.findingCount { text += ", \(count) finding\(count == 1 ? "" : "s")" }
        if let status = example.status { text += ", status \(status.rawValue)" }
        return text + " as of \(example.asOf.isoString)"
    }

    private func findingLines(_ findings: [Finding]) -> String {
        findings.map { f in
            "        - \(f.status.rawValue)\(f.item.map { " \($0)" } ?? ""): \(f.message)\n"
        }.joined()
    }
}
