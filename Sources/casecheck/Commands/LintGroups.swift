import CaseModel
import CaseSources
import Engine
import Foundation
import Rules

/// The files given to `casecheck lint`, split by the pack that checks them: census XML
/// against the census rules, other case files against the data-quality rules. Folders are
/// looked into (recursively, files sorted) so that each file lands in its own group.
struct LintGroups {
    var census: [String] = []
    var cases: [String] = []
    /// Paths that do not exist or are of no known format.
    var problems: [Diagnostic] = []

    init(paths: [String]) {
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(Diagnostic(.error, at: SourceLocation(file: path, line: 0), "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                let base = path.hasSuffix("/") ? path : path + "/"
                let subpaths = ((try? fm.subpathsOfDirectory(atPath: path)) ?? [])
                    .filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
                    .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
                for sub in subpaths {
                    guard let format = CaseFileFormat(path: sub) else { continue }
                    add(base + sub, format)
                }
                continue
            }
            guard let format = CaseFileFormat(path: path) else {
                problems.append(Diagnostic(.error, at: SourceLocation(file: path, line: 0), "not a case file format that can be read",
                                           hint: "lint reads \(CaseFileFormat.knownExtensions.joined(separator: ", "))"))
                continue
            }
            add(path, format)
        }
    }

    private mutating func add(_ path: String, _ format: CaseFileFormat) {
        if format == .cinCensus { census.append(path) } else { cases.append(path) }
    }

    /// One result from the groups' results: findings in report order, summaries added up.
    /// Whether no finding is reported before the one ahead of it.
    static func inReportOrder(_ findings: [Finding]) -> Bool {
        findings.indices.dropFirst().allSatisfy { !FindingOrder.precedes(findings[$0], findings[$0 - 1]) }
    }

    static func merge(_ results: [RunResult], extraDiagnostics: [Diagnostic]) -> RunResult {
        var summary = RunSummary()
        var findings: [Finding] = []
        var diagnostics = extraDiagnostics
        summary.files = extraDiagnostics.count
        summary.inputErrors = extraDiagnostics.filter { $0.severity == .error }.count
        for r in results {
            findings += r.findings
            diagnostics += r.diagnostics
            summary.files += r.summary.files
            summary.recordsRead += r.summary.recordsRead
            summary.recordsSkipped += r.summary.recordsSkipped
            summary.recordsChecked += r.summary.recordsChecked
            summary.rules += r.summary.rules
            summary.inputErrors += r.summary.inputErrors
            summary.inputWarnings += r.summary.inputWarnings
        }
        // Each result comes sorted from the engine, so one census file's findings usually
        // are in order already; checking that costs a comparison a finding, and skips
        // moving every finding through the sort (a stable sort would leave them as they are).
        if !LintGroups.inReportOrder(findings) { FindingOrder.sort(&findings) }
        for f in findings { summary.count(f) }
        return RunResult(findings: findings, summary: summary, diagnostics: diagnostics)
    }
}
