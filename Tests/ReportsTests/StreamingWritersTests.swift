import CaseModel
import Engine
import FindingStore
import Foundation
@testable import Reports
import Rules
import XCTest

/// The streaming writers through their public interface: the JSON text matches what
/// `JSONEncoder` gives byte for byte, the dashboard caps its table and says so, and sinks
/// write files readable by the owner only, whole or not at all.
final class StreamingWritersTests: XCTestCase {
    private func encoderText(_ finding: Finding, indent: Int) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let text = String(decoding: try! encoder.encode(finding), as: UTF8.self)
        return text.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: indent))
    }

    func testHandWrittenFindingJSONMatchesTheEncoderOnAwkwardText() {
        var scalars = (0..<0x80).map { Character(Unicode.Scalar($0)!) }
        scalars += ["\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "é", "👩‍👧", "\u{FEFF}", "/", "\\", "\""]
        let texts = scalars.map { "a\($0)b" } + ["", "</script>", "=HYPERLINK(\"x\")", String(repeating: "x\n", count: 50)]
        for (n, text) in texts.enumerated() {
            let finding = Finding(rule: "R\(text)", severity: .high, status: .dueSoon, caseID: n % 2 == 0 ? text : nil,
                                  item: n % 3 == 0 ? nil : "visits[\(n)]", group: n % 2 == 0 ? nil : text, message: text,
                                  due: n % 4 == 0 ? nil : CalendarDate(dayNumber: Int32(n * 97) - 3_000),
                                  daysLate: n % 5 == 0 ? nil : n - 40, worker: n % 3 == 1 ? nil : text, team: n % 2 == 0 ? text : nil,
                                  location: n % 6 == 0 ? nil : SourceLocation(file: "cases/\(text).json", line: n, column: n % 3),
                                  ruleLocation: SourceLocation(file: "rules/\(text).yaml", line: 2, column: 5), fingerprint: "f\(n)",
                                  teamManager: n % 4 == 1 ? text : nil)
            var pretty = ""
            JSONFindingText.append(finding, indent: 4, into: &pretty)
            XCTAssertEqual(pretty, encoderText(finding, indent: 4), "pretty JSON for text #\(n) \(text.debugDescription)")
            var line = ""
            JSONFindingText.append(finding, indent: nil, into: &line)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            XCTAssertEqual(line, String(decoding: try! encoder.encode(finding), as: UTF8.self), "compact JSON for text #\(n)")
        }
    }

    private func context(findings: [Finding]) -> ReportContext {
        var summary = RunSummary(recordsRead: 4, recordsChecked: 4, rules: Fixtures.rules.count)
        for f in findings { summary.count(f) }
        return ReportContext(asOf: Fixtures.date("2024-06-01"), summary: summary, rules: Fixtures.rules)
    }

    func testTheDashboardShowsAtMostItsCapAndSaysWhereTheRestAre() throws {
        let findings = Fixtures.findings
        XCTAssertGreaterThan(findings.count, 3)
        let sink = ReportSink.memory()
        try ReportStreaming.write(SortedFindings(findings), context: context(findings: findings),
                                  to: [.init(writer: HTMLDashboardWriter(rowCap: 3), sink: sink)])
        let page = String(decoding: sink.contents, as: UTF8.self)
        XCTAssertEqual(page.components(separatedBy: "data-lateness-order=").count - 1, 3, "three rows shown")
        XCTAssertTrue(page.contains("The 3 most serious findings (most days late first within a severity) are listed here, of \(findings.count) in all; "
                                        + "the CSV report (casecheck run --format csv) lists every one."), "the note says so")
        // The headline counts every finding, not only the rows shown.
        XCTAssertTrue(page.contains(">\(findings.count)</dd>"), "headline total")
        // The rows shown are the most serious.
        let mostLate = findings.sorted(by: ReportOrder.bySeverityThenLateness).prefix(3)
        for f in mostLate { XCTAssertTrue(page.contains(Markup.escapeAttribute(f.message)) || page.contains(f.message), f.message) }
    }

    func testEveryWriterGivesTheSameBytesWhenFindingsComeBackFromDisk() throws {
        let findings = Fixtures.findings
        let spool = FindingSpool(memoryLimit: 2)
        for f in findings { try spool.append(f) }
        let spilled = try spool.sorted()
        XCTAssertTrue(spilled.spilled)
        for format in ReportOutputFormat.allCases {
            let a = ReportSink.memory(), b = ReportSink.memory()
            try ReportStreaming.write(SortedFindings(findings), context: context(findings: findings),
                                      to: [.init(writer: format.writer(), sink: a)], memoryLimit: .max)
            try ReportStreaming.write(spilled, context: context(findings: findings),
                                      to: [.init(writer: format.writer(), sink: b)], memoryLimit: 2)
            XCTAssertEqual(a.contents, b.contents, format.rawValue)
            XCTAssertFalse(a.contents.isEmpty, format.rawValue)
        }
    }

    func testSeveralWritersInOnePassGiveWhatEachGivesAlone() throws {
        let findings = Fixtures.findings
        let alone = try ReportOutputFormat.allCases.map { format -> Data in
            let sink = ReportSink.memory()
            try ReportStreaming.write(SortedFindings(findings), context: context(findings: findings),
                                      to: [.init(writer: format.writer(), sink: sink)])
            return sink.contents
        }
        let sinks = ReportOutputFormat.allCases.map { _ in ReportSink.memory() }
        try ReportStreaming.write(SortedFindings(findings), context: context(findings: findings),
                                  to: zip(ReportOutputFormat.allCases, sinks).map { .init(writer: $0.writer(), sink: $1) })
        XCTAssertEqual(sinks.map(\.contents), alone)
    }

    func testAFileSinkIsOwnerOnlyAndAppearsOnlyWhenClosed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sink-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.csv").path
        do {
            let sink = try ReportSink.file(path)
            try sink.write("half a report")
            try sink.flush()
            XCTAssertFalse(FileManager.default.fileExists(atPath: path), "nothing at the destination before close")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "a sink dropped unclosed leaves nothing")
        let sink = try ReportSink.file(path)
        try sink.write("whole")
        try sink.close()
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "whole")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o600)
    }

    func testAFileSinkInAMissingFolderSaysWhere() {
        XCTAssertThrowsError(try ReportSink.file("/nonexistent-folder/report.csv")) { error in
            XCTAssertEqual("\(error)", "cannot write the report to /nonexistent-folder/report.csv: No such file or directory")
        }
    }
}
