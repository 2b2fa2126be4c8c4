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
        var a = s.utf8.makeIterator()
        for byte in prefix.utf8 where a.next() != byte { return false }
        return true
    }

    static func hasSuffix(_ s: String, _ suffix: String) -> Bool {
        let a = s.utf8, b = suffix.utf8
        guard b.count <= a.count else { return false }
        return a.suffix(b.count).elementsEqual(b)
    }

    static func contains(_ s: String, _ part: String) -> Bool {
        if part.isEmpty { return true }
        return firstIndex(of: Array(part.utf8), in: Array(s.utf8)) != nil
    }
}
