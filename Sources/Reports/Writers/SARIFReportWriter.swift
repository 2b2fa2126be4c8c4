import FindingStore
import Rules

/// SARIF 2.1.0, for code-scanning tools and editors: one run whose driver lists every rule
/// with its metadata, and one result per finding pointing at the case record's file and line.
/// The log around the results is built once; results are written into it as they arrive.
public final class SARIFReportWriter: StreamingReportWriter {
    private let format: SARIFRenderer
    private var context: ReportContext?
    private var ruleIndex: [String: Int] = [:]
    private var closing = ""
    private var written = 0
    private var text = ""
    /// The marker the results stand in for while the log around them is printed.
    private static let marker = "\u{0}casecheck-results"

    /// - Parameter root: the folder `%SRCROOT%` stands for: absolute record paths under it are
    ///   given relative to it, and the log names it in `originalUriBaseIds`. Without one,
    ///   relative paths stay relative to `%SRCROOT%` and the log leaves its meaning to the reader
    ///   (a code-scanning tool takes the repository), so no machine's folders are written in it.
    public init(root: String? = nil) {
        format = SARIFRenderer(root: root)
    }

    public func begin(_ context: ReportContext, tally: FindingTally?, into sink: ReportSink) throws {
        self.context = context
        ruleIndex = Dictionary(uniqueKeysWithValues: context.rules.enumerated().map { ($1.id, $0) })
        var driver: [(String, JSONValue?)] = [
            ("name", .string(context.tool.name)),
            ("version", .string(context.tool.version)),
        ]
        if let uri = context.tool.informationURI { driver.append(("informationUri", .string(uri))) }
        driver.append(("rules", .array(context.rules.map(format.descriptor))))
        var runProperties: [(String, JSONValue?)] = [
            ("asOf", .string(context.asOf.isoString)),
            ("childrenChecked", .int(context.counts.childrenChecked)),
            ("recordsRead", .int(context.counts.recordsRead)),
            ("recordsSkipped", .int(context.counts.recordsSkipped)),
        ]
        if let generatedAt = context.generatedAt { runProperties.append(("generatedAt", .string(ReportText.neutralised(generatedAt)))) }
        let baseIDs: JSONValue? = format.root.map {
            .object([(SARIFArtifact.baseID, .object([("uri", .string(SARIFArtifact.baseURI(forRoot: $0)))]))])
        }
        let run = JSONValue.object(dropping: [
            ("tool", .object([("driver", .object(dropping: driver))])),
            ("originalUriBaseIds", baseIDs),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .string(Self.marker)),
            ("properties", .object(dropping: runProperties)),
        ])
        let log = JSONValue.object([
            ("version", .string("2.1.0")),
            ("$schema", .string(SARIFRenderer.schemaURI)),
            ("runs", .array([run])),
        ])
        let whole = log.serialised() + "\n"
        let quotedMarker = "\"\\u0000casecheck-results\""
        let parts = whole.components(separatedBy: quotedMarker)
        precondition(parts.count == 2, "the results marker appears once in the SARIF log")
        try sink.write(parts[0])
        closing = parts[1]
    }

    public func write(_ finding: Finding, into sink: ReportSink) throws {
        text.removeAll(keepingCapacity: true)
        // Results sit four levels deep: log, runs, run, results.
        text.append(written == 0 ? "[\n        " : ",\n        ")
        format.result(finding, ruleIndex: ruleIndex[finding.rule] ?? -1, root: format.root,
                      mark: context?.history?.mark(finding)).write(into: &text, indent: 4)
        written += 1
        try sink.write(text)
    }

    public func end(into sink: ReportSink) throws {
        for resolved in context?.history?.resolved ?? [] {
            text.removeAll(keepingCapacity: true)
            text.append(written == 0 ? "[\n        " : ",\n        ")
            format.absentResult(resolved, ruleIndex: ruleIndex[resolved.rule] ?? -1).write(into: &text, indent: 4)
            written += 1
            try sink.write(text)
        }
        try sink.write(written == 0 ? "[]" + closing : "\n      ]" + closing)
    }
}
