/// Counting code points without decoding them.
enum StringSize {
    /// The number of Unicode code points: every UTF-8 byte except continuation bytes
    /// (10xxxxxx) starts one.
    static func codePoints(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { bytes in
            var count = 0
            for b in bytes where b & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }
}
