import Crypto
import Foundation
import Rules

/// Replaces children's ids (and optionally workers' names) in a report by keyed hashes, so
/// reports can leave the building. HMAC-SHA256 under a secret key: the same id and key give
/// the same pseudonym in every run, so findings can still be followed run to run, while
/// without the key nobody can test a guessed id against a pseudonym.
public struct Pseudonymiser: Sendable {
    private let key: [UInt8]
    /// Whether worker names (and aggregate groups naming a worker) are replaced too.
    public var includesWorkers: Bool

    public init(key: PseudonymKey, includesWorkers: Bool = false) {
        self.key = key.bytes
        self.includesWorkers = includesWorkers
    }

    /// A child's pseudonym: `C-` and 16 hex digits (64 bits: among a million children the
    /// chance that any two share a pseudonym is about 1 in 37 million).
    public func child(_ id: String) -> String { "C-" + Self.digest(domain: "child", id, key: SymmetricKey(data: key)) }

    /// A worker's pseudonym: `W-` and 16 hex digits.
    public func worker(_ name: String) -> String { "W-" + Self.digest(domain: "worker", name, key: SymmetricKey(data: key)) }

    /// The input with ids (and worker names) replaced everywhere they appear: in the fields,
    /// in the findings' messages, and in their fingerprints, which are unkeyed hashes of the
    /// child's id and so could be matched against guessed ids.
    public func apply(to input: ReportInput) -> ReportInput {
        input.replacingFindings(apply(to: input.findings, rules: input.rules))
    }

    /// The findings with ids (and worker names) replaced, in the same order; for outputs
    /// that are not rendered from a ``ReportInput`` (the JSON and text reports). `rules`
    /// tells which aggregate rules group by worker. Re-sort with ``ReportOrder/canonical(_:_:)``
    /// if the order must follow the pseudonyms rather than the original ids.
    public func apply(to findings: [Finding], rules: [RuleInfo]) -> [Finding] {
        var workers: Set<String> = []
        if includesWorkers {
            for finding in findings { if let worker = finding.worker { workers.insert(worker) } }
        }
        return findings.map(transform(workers: workers, rules: rules))
    }

    /// Pseudonymises findings one at a time, for a stream of them. `workers` names every worker
    /// the run's findings mention (an aggregate group equal to one is a worker's name, and is
    /// replaced too); `rules` tells which aggregate rules group by worker.
    public func transform(workers: Set<String>, rules: [RuleInfo]) -> (Finding) -> Finding {
        let workerRules = Set(rules.filter(\.groupsByWorker).map(\.id))
        // A child has many findings: each pseudonym is computed once.
        let memo = Memo(key: SymmetricKey(data: key))
        let includesWorkers = includesWorkers
        return { finding in
            var copy = finding
            var replacements: [(String, String)] = []
            if let id = finding.caseID {
                let pseudonym = memo.pseudonym("C-", domain: "child", id)
                copy.caseID = pseudonym
                replacements.append((id, pseudonym))
            }
            if includesWorkers {
                if let name = finding.worker {
                    let pseudonym = memo.pseudonym("W-", domain: "worker", name)
                    copy.worker = pseudonym
                    replacements.append((name, pseudonym))
                }
                // A team manager is staff too, named the same way as workers.
                if let name = finding.teamManager {
                    let pseudonym = memo.pseudonym("W-", domain: "worker", name)
                    copy.teamManager = pseudonym
                    replacements.append((name, pseudonym))
                }
                // Aggregate groups such as caseloads name a worker.
                if let group = finding.group, workers.contains(group) || workerRules.contains(finding.rule) {
                    let pseudonym = memo.pseudonym("W-", domain: "worker", group)
                    copy.group = pseudonym
                    replacements.append((group, pseudonym))
                }
            }
            // Longest first, so an id inside a longer one is not replaced piecemeal.
            for (original, pseudonym) in replacements.sorted(by: { $0.0.count > $1.0.count })
            where !original.isEmpty && copy.message.contains(original) {
                copy.message = Self.replacingWholeOccurrences(of: original, with: pseudonym, in: copy.message)
            }
            copy.fingerprint = Self.digest(domain: "fingerprint", finding.fingerprint, key: memo.key)
            return copy
        }
    }

    /// Replaces `original` where it stands on its own: not inside a longer word or number,
    /// so the child "12" does not turn "120 days" into nonsense.
    static func replacingWholeOccurrences(of original: String, with replacement: String, in text: String) -> String {
        var result = ""
        var rest = text[...]
        while let range = rest.range(of: original) {
            let before = range.lowerBound == rest.startIndex ? result.last : rest[rest.index(before: range.lowerBound)]
            let after = range.upperBound == rest.endIndex ? nil : rest[range.upperBound]
            let standsAlone = !isWordCharacter(before) && !isWordCharacter(after)
                || !isWordCharacter(original.first) && !isWordCharacter(original.last)
            result += rest[..<range.lowerBound]
            result += standsAlone ? replacement : String(rest[range])
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    private static func isWordCharacter(_ character: Character?) -> Bool {
        guard let character else { return false }
        return character.isLetter || character.isNumber || character == "_"
    }

    /// Pseudonyms already computed for one run.
    private final class Memo {
        let key: SymmetricKey
        var known: [String: String] = [:]

        init(key: SymmetricKey) { self.key = key }

        func pseudonym(_ prefix: String, domain: String, _ text: String) -> String {
            let slot = domain + "\u{0}" + text
            if let known = known[slot] { return known }
            let pseudonym = prefix + Pseudonymiser.digest(domain: domain, text, key: key)
            known[slot] = pseudonym
            return pseudonym
        }
    }

    private static func digest(domain: String, _ text: String, key: SymmetricKey) -> String {
        // The domain keeps a child and a worker with the same text from sharing a pseudonym.
        var message = Data(domain.utf8)
        message.append(0)
        message.append(contentsOf: Array(text.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return mac.prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
