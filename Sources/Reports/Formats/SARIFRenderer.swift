import Foundation
import Rules

/// SARIF 2.1.0, for code-scanning tools and editors: one run whose driver lists every rule
/// with its metadata, and one result per finding pointing at the case record's file and line.
public struct SARIFRenderer: ReportRenderer {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key under which results carry casecheck's fingerprint.
    public static let fingerprintKey = "casecheck/v1"

    /// The folder `%SRCROOT%` stands for; relative record paths are given against it as they are.
    public var root: String?

    public init(root: String? = nil) {
        self.root = root
    }

    public func render(_ input: ReportInput) -> Data { ReportStreaming.render(input, with: SARIFReportWriter(root: root)) }

    /// SARIF's level for a severity: `error` for high and critical, `warning` for medium,
    /// `note` below.
    public static func level(for severity: Severity) -> String {
        switch severity {
        case .critical, .high: return "error"
        case .medium: return "warning"
        case .low, .info: return "note"
        }
    }

    func descriptor(_ rule: RuleInfo) -> JSONValue {
        var help = "Rule \(rule.id): \(rule.title)."
        if let source = rule.source { help += "\nSource: \(source)" }
        if let rationale = rule.rationale { help += "\n\(rationale)" }
        return .object(dropping: [
            ("id", .string(text(rule.id))),
            ("shortDescription", .object([("text", .string(text(rule.title)))])),
            ("fullDescription", .object([("text", .string(text(rule.rationale ?? rule.title)))])),
            ("help", .object([("text", .string(text(help)))])),
            ("defaultConfiguration", .object([("level", .string(Self.level(for: rule.severity)))])),
            ("properties", .object(dropping: [
                ("area", rule.area.map { .string(text($0)) }),
                ("source", rule.source.map { .string(text($0)) }),
                ("severity", .string(rule.severity.rawValue)),
                ("tags", .array([.string(text(rule.areaName))])),
            ])),
        ])
    }

    /// A result for `finding`; `root` is the folder `%SRCROOT%` stands for, `mark` what the
    /// history says of the finding (its `baselineState`, and a suppression when waived).
    func result(_ finding: Finding, ruleIndex: Int, root: String?, mark: FindingMark?) -> JSONValue {
        // Aggregate findings concern no one record: they point at the rule that found them.
        let location = finding.location ?? finding.ruleLocation
        let artifact = SARIFArtifact(path: location.file, root: root)
        var physical: [(String, JSONValue?)] = [
            ("artifactLocation", .object(dropping: [("uri", .string(artifact.uri)), ("uriBaseId", artifact.uriBaseID.map { .string($0) })])),
        ]
        if location.line > 0 {
            var region: [(String, JSONValue)] = [("startLine", .int(location.line))]
            if location.column > 0 { region.append(("startColumn", .int(location.column))) }
            physical.append(("region", .object(region)))
        }
        var place: [(String, JSONValue?)] = [("physicalLocation", .object(dropping: physical))]
        if let sheet = artifact.sheet {
            // A workbook's sheet is a place inside the file, not a file of its own.
            place.append(("logicalLocations", .array([.object([("name", .string(text(sheet))), ("kind", .string("sheet"))])])))
        }
        var suppressions: JSONValue?
        if let waiver = mark?.waiver, mark?.isWaived == true {
            suppressions = .array([.object([("kind", .string("external")), ("status", .string("accepted")),
                                            ("justification", .string(text(waiver.explanation)))])])
        }
        let baseline: JSONValue? = mark.map { .string($0.noveltyName == "new" ? "new" : "unchanged") }
        return .object(dropping: [
            ("ruleId", .string(text(finding.rule))),
            ("ruleIndex", ruleIndex >= 0 ? .int(ruleIndex) : nil),
            ("level", .string(Self.level(for: finding.severity))),
            ("message", .object([("text", .string(text(finding.message)))])),
            ("locations", .array([.object(dropping: place)])),
            ("partialFingerprints", .object([(Self.fingerprintKey, .string(text(finding.fingerprint)))])),
            ("baselineState", baseline),
            ("suppressions", suppressions),
            ("properties", .object(dropping: [
                ("case", finding.caseID.map { .string(text($0)) }),
                ("item", finding.item.map { .string(text($0)) }),
                ("group", finding.group.map { .string(text($0)) }),
                ("status", .string(finding.status.rawValue)),
                ("severity", .string(finding.severity.rawValue)),
                ("due", finding.due.map { .string($0.isoString) }),
                ("daysLate", finding.daysLate.map { .int($0) }),
                ("worker", finding.worker.map { .string(text($0)) }),
                ("team", finding.team.map { .string(text($0)) }),
                ("firstSeen", mark?.firstSeen.map { .string($0.isoString) }),
            ])),
        ])
    }

    /// A finding open at the previous run and gone now: `baselineState` absent, so tools close it.
    func absentResult(_ resolved: ResolvedMark, ruleIndex: Int) -> JSONValue {
        .object(dropping: [
            ("ruleId", .string(text(resolved.rule))),
            ("ruleIndex", ruleIndex >= 0 ? .int(ruleIndex) : nil),
            ("kind", .string("pass")),
            ("level", .string("none")),
            ("message", .object([("text", .string(text("Resolved since the previous run: " + resolved.message)))])),
            ("partialFingerprints", .object([(Self.fingerprintKey, .string(text(resolved.fingerprint)))])),
            ("baselineState", .string("absent")),
            ("properties", .object(dropping: [
                ("case", resolved.caseID.map { .string(text($0)) }),
                ("item", resolved.item.map { .string(text($0)) }),
                ("group", resolved.group.map { .string(text($0)) }),
                ("firstSeen", .string(resolved.firstSeen.isoString)),
                ("lastSeen", .string(resolved.lastSeen.isoString)),
            ])),
        ])
    }

    private func text(_ value: String) -> String { ReportText.neutralised(value) }
}
