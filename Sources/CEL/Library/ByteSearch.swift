#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search on UTF-8 bytes. CEL compares strings code point by code point, not by
/// Swift's grapheme clusters (where "e" is not a prefix of "é" written as e + accent);
/// on valid UTF-8, byte matching gives exactly the code-point answer.
enum ByteSearch {
    /// The byte offset of the first occurrence of `needle` at or after `start`, if any.
    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int = 0) -> Int? {
        if needle.isEmpty { return start <= haystack.count ? start : nil }
        guard haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first && matches(needle, in: haystack, at: i) { return i }
            i += 1
        }
        return nil
    }

    static func matches(_ needle: [UInt8], in haystack: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + needle.count <= haystack.count else { return false }
        for j in 0..<needle.count where haystack[offset + j] != needle[j] { return false }
        return true
    }

    static func hasPrefix(_ s: String, _ prefix: String) -> Bool {
        var s = s, prefix = prefix
        return s.withUTF8 { a in
            prefix.withUTF8 { b in
                b.count <= a.count && (b.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, b.count) == 0)
            }
        }
    }

    static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        var s = s, suffix = suffix
        return s.withUTF8 { a in
            suffix.withUTF8 { b in
                b.count <= a.count && (b.isEmpty || memcmp(a.baseAddress! + (a.count - b.count), b.baseAddress!, b.count) == 0)
            }
        }
    }

    /// Works on the strings' own storage (no copies): rules test substrings on every record.
    static func contains(_ s: String, _ part: String) -> Bool {
        if part.isEmpty { return true }
        var s = s, part = part
        return s.withUTF8 { a in
            part.withUTF8 { b in
                guard b.count <= a.count else { return false }
                let base = a.baseAddress!, needle = b.baseAddress!
                let first = Int32(b[0])
                var i = 0
                let last = a.count - b.count
                while i <= last {
                    // memchr finds the next candidate first byte quickly; memcmp checks the rest.
                    guard let hit = memchr(base + i, first, last - i + 1) else { return false }
                    let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + at, needle, b.count) == 0 { return true }
                    i = at + 1
                }
                return false
            }
        }
    }
}
