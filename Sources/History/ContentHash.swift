import Foundation

/// A 64-bit FNV-1a hash of file contents, printed as 16 hex digits. It tells whether an input
/// or the rule pack changed between runs; it is not a security measure (nothing here needs
/// resisting a forger), so no cryptographic library is pulled into History for it.
public enum ContentHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of these bytes.
    public static func of(_ data: Data) -> String {
        hex(data.reduce(offsetBasis) { ($0 ^ UInt64($1)) &* prime })
    }

    /// The hash of a file's content, read in blocks so a large export is never held whole.
    public static func ofFile(at path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RunStoreError.invalidRequest("cannot read \(path) to record it in the history")
        }
        defer { try? handle.close() }
        var hash = offsetBasis
        while let block = try handle.read(upToCount: 1 << 20), !block.isEmpty {
            for byte in block { hash = (hash ^ UInt64(byte)) &* prime }
        }
        return hex(hash)
    }

    /// One hash over several files, in the order given (each path and content), e.g. a rule pack.
    public static func ofFiles(at paths: [String]) throws -> String {
        var text = ""
        for path in paths { text += path + "\u{0}" + (try ofFile(at: path)) + "\u{0}" }
        return of(Data(text.utf8))
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
