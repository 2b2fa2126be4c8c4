import CaseModel
import Foundation

/// Prints diagnostics the way compilers do:
///
/// ```
/// rules/visits.yaml:12:15: error: 'plan' has no field 'end_dat'
///    12 |       until: plan.end_dat
///       |                   ^
///   hint: did you mean 'end_date'?
/// ```
///
/// The source line and caret are shown for rule files (`showSource`); case files can be
/// very large and are not re-read.
struct DiagnosticPrinter {
    let colour: Colour
    let showSource: Bool
    private var sources: [String: [Substring]] = [:]

    init(colour: Colour, showSource: Bool) {
        self.colour = colour
        self.showSource = showSource
    }

    mutating func render(_ d: Diagnostic) -> String {
        let label: String
        switch d.severity {
        case .error: label = colour.red(colour.bold("error:"))
        case .warning: label = colour.yellow(colour.bold("warning:"))
        case .note: label = colour.cyan("note:")
        }
        var out = "\(colour.bold(d.location.description + ":")) \(label) \(d.message)\n"
        if showSource, d.location.line > 0, let line = sourceLine(d.location.file, d.location.line) {
            let number = String(d.location.line)
            let gutter = String(repeating: " ", count: number.count)
            out += " \(number) | \(line)\n"
            if d.location.column > 0 {
                // Keep tabs so the caret lines up under the same character.
                let lead = line.prefix(d.location.column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
                out += " \(gutter) | \(lead)\(colour.green("^"))\n"
            }
        }
        if let hint = d.hint { out += "  \(colour.cyan("hint:")) \(hint)\n" }
        return out
    }

    private mutating func sourceLine(_ file: String, _ number: Int) -> Substring? {
        if sources[file] == nil {
            guard let data = FileManager.default.contents(atPath: file), data.count < 16 << 20,
                  let text = String(data: data, encoding: .utf8) else {
                sources[file] = []
                return nil
            }
            sources[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        }
        guard let lines = sources[file], number - 1 < lines.count else { return nil }
        return lines[number - 1]
    }
}
