/// Stable identities for findings. Swift's `Hasher` is seeded per process, so history needs
/// its own hash: 64-bit FNV-1a over the identity parts, printed as 16 hex digits.
public enum Fingerprint {
    /// The fingerprint of a finding identified by these parts (rule id, case id, item identity...).
    /// Parts are separated by a byte that cannot occur in text, so ("a", "bc") ≠ ("ab", "c").
    public static func of(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (n, part) in parts.enumerated() {
            if n > 0 { hash = (hash ^ 0x1f) &* 0x0000_0100_0000_01b3 }
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
