import Foundation

/// The secret key pseudonyms are made with. Whoever holds it can recompute a child's
/// pseudonym from the id, so it stays inside the building; the reports can leave.
public struct PseudonymKey: Sendable {
    /// Shorter keys are too easy to guess by trying every id against them.
    public static let minimumLength = 16
    /// The environment variable read when no key file is given.
    public static let environmentVariable = "CASECHECK_KEY"

    let bytes: [UInt8]

    /// A key from raw bytes; throws when shorter than ``minimumLength``.
    public init(bytes: [UInt8], origin: String = "the key") throws {
        guard bytes.count >= Self.minimumLength else {
            throw PseudonymKeyError(message: "\(origin) is \(bytes.count) bytes long; a pseudonymisation key needs at least "
                + "\(Self.minimumLength) (for example 32 random bytes: `head -c 32 /dev/urandom | base64 > casecheck.key`)")
        }
        self.bytes = bytes
    }

    /// The key in a file. Trailing line breaks and spaces are ignored, so a key typed or
    /// pasted into an editor gives the same pseudonyms as the same key written with `printf`.
    public static func fromFile(_ path: String) throws -> PseudonymKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw PseudonymKeyError(message: exists ? "cannot read the key file \(path) (check its permissions)"
                                                    : "the key file \(path) does not exist")
        }
        return try PseudonymKey(bytes: trimmed(Array(data)), origin: "the key file \(path)")
    }

    /// The key in `CASECHECK_KEY`, or nil when the variable is unset or empty.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PseudonymKey? {
        guard let text = environment[environmentVariable], !text.isEmpty else { return nil }
        return try PseudonymKey(bytes: trimmed(Array(text.utf8)), origin: environmentVariable)
    }

    /// The key from `--key-file` when given, else from `CASECHECK_KEY`; throws a message
    /// saying how to provide one when neither is set.
    public static func resolve(keyFile: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> PseudonymKey {
        if let keyFile { return try fromFile(keyFile) }
        if let key = try fromEnvironment(environment) { return key }
        throw PseudonymKeyError(message: "pseudonymising needs a secret key: pass --key-file FILE or set \(environmentVariable)")
    }

    private static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        var end = bytes.count
        while end > 0, [0x0A, 0x0D, 0x20, 0x09].contains(bytes[end - 1]) { end -= 1 }
        return Array(bytes[..<end])
    }
}
