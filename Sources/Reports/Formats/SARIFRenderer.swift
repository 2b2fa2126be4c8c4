import Foundation
import Rules

/// SARIF 2.1.0, for code-scanning tools and editors: one run whose driver lists every rule
/// with its metadata, and one result per finding pointing at the case record's file and line.
public struct SARIFRenderer: ReportRenderer {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    /// The key under which results carry casecheck's fingerprint.
    public static let fingerprintKey = "casecheck/v1"

    public init() {}

    public func render(_ input: ReportInput) -> Data { ReportStreaming.render(input, with: SARIFReportWriter()) }

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

    func result(_ finding: Finding, ruleIndex: Int) -> JSONValue {
        // Aggregate findings concern no one record: they point at the rule that found them.
        let location = finding.location ?? finding.ruleLocation
        var physical: [(String, JSONValue?)] = [
            ("artifactLocation", .object([("uri", .string(FileURI.reference(forPath: location.file)))])),
        ]
        if location.line > 0 {
            var region: [(String, JSONValue)] = [("startLine", .int(location.line))]
            if location.column > 0 { region.append(("startColumn", .int(location.column))) }
            physical.append(("region", .object(region)))
        }
        return .object(dropping: [
            ("ruleId", .string(text(finding.rule))),
            ("ruleIndex", ruleIndex >= 0 ? .int(ruleIndex) : nil),
            ("level", .string(Self.level(for: finding.severity))),
            ("message", .object([("text", .string(text(finding.message)))])),
            ("locations", .array([.object([("physicalLocation", .object(dropping: physical))])])),
            ("partialFingerprints", .object([(Self.fingerprintKey, .string(text(finding.fingerprint)))])),
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
            ])),
        ])
    }

    private func text(_ value: String) -> String { ReportText.neutralised(value) }
}
