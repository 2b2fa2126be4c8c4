import CaseModel
import Foundation
import Rules

/// Everything about one health-check run that the history records: when and over what it
/// ran, what it counted, and its findings.
public struct RunInput: Sendable {
    /// The date the health check was run for.
    public var asOf: CalendarDate
    /// When the run started (wall-clock time).
    public var started: Date
    /// A hash of the rule files, so that a change of rules between runs can be seen.
    public var rulePackHash: String
    /// The case files read, each with a hash of its content.
    public var inputs: [InputFile]
    public var counts: RecordCounts
    /// The run's findings. Fingerprints are expected to be unique; a repeat is reported with
    /// its first occurrence's classification and stored once.
    public var findings: [Finding]
    /// Each rule's practice area (rule id → area), for trends by area.
    public var ruleAreas: [String: String]

    public init(asOf: CalendarDate, started: Date = Date(), rulePackHash: String, inputs: [InputFile] = [],
                counts: RecordCounts = RecordCounts(), findings: [Finding], ruleAreas: [String: String] = [:]) {
        self.asOf = asOf
        self.started = started
        self.rulePackHash = rulePackHash
        self.inputs = inputs
        self.counts = counts
        self.findings = findings
        self.ruleAreas = ruleAreas
    }
}

/// How many case records a run read, checked, and skipped as unreadable.
public struct RecordCounts: Hashable, Sendable, Codable {
    public var read: Int
    public var checked: Int
    public var skipped: Int

    public init(read: Int = 0, checked: Int = 0, skipped: Int = 0) {
        self.read = read
        self.checked = checked
        self.skipped = skipped
    }
}

/// An input file of a run and a hash of its content.
public struct InputFile: Hashable, Sendable, Codable {
    public var path: String
    public var hash: String

    public init(path: String, hash: String) {
        self.path = path
        self.hash = hash
    }

    /// The file at `path` with the hash of its current content.
    /// - Throws: when the file cannot be read.
    public static func hashing(path: String) throws -> InputFile {
        InputFile(path: path, hash: try ContentHash.ofFile(at: path))
    }
}
