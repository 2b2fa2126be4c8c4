import Foundation

/// Header text reduced to what matters for matching: lower case, letters and digits only,
/// words separated by single spaces ("Referral NFA? " becomes "referral nfa", "Child's
/// Legal Status" becomes "child s legal status"; curly quotes and no-break spaces vanish).
enum AnnexAHeaderText {
    static func normalize(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            } else {
                pendingSpace = true
            }
        }
        return out
    }

    /// Whether a normalized header matches a wording written as `word ... words`: each
    /// part, in order, begins at a word of the header.
    static func matches(_ header: String, variant: String) -> Bool {
        let parts = variant.components(separatedBy: "...").map(normalize).filter { !$0.isEmpty }
        guard !parts.isEmpty else { return false }
        let padded = " " + header
        var from = padded.startIndex
        for part in parts {
            guard let range = padded.range(of: " " + part, range: from..<padded.endIndex) else { return false }
            from = range.upperBound
        }
        return true
    }

    /// The list number a sheet or file name gives, such as 3 for "List 3", "list_03 referrals"
    /// or "Annex A - List 3.csv"; nil when the name names no list.
    static func listNumber(inName name: String) -> Int? {
        let words = normalize(name.replacingOccurrences(of: "_", with: " ")).split(separator: " ")
        for (i, word) in words.enumerated() {
            if word == "list", i + 1 < words.count, let n = Int(words[i + 1]) { return n }
            if word.hasPrefix("list"), let n = Int(word.dropFirst(4)) { return n }
        }
        return nil
    }
}
