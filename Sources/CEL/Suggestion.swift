/// "Did you mean ...?" hints for misspelt names — fields, keys, functions, time zones — shared
/// by every module so that a slip of the keyboard gets the same answer wherever it is made.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, when close enough to be a slip rather
    /// than a different word (about one slip per three letters, at most three); failing that,
    /// the one candidate that `word` abbreviates ("end" for "end_date").
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased())
        let unique = Set(candidates)
        var best: (candidate: String, distance: Int)?
        for candidate in unique where candidate != word {
            let d = editDistance(target, Array(candidate.lowercased()))
            if best == nil || d < best!.distance || (d == best!.distance && candidate < best!.candidate) {
                best = (candidate, d)
            }
        }
        guard let best else { return nil }
        let allowed = max(1, min(3, (max(target.count, best.candidate.count) + 1) / 3))
        if best.distance <= allowed { return best.candidate }
        let lowered = word.lowercased()
        let extensions = unique.filter { $0 != word && $0.lowercased().hasPrefix(lowered) }
        if lowered.count >= 3, extensions.count == 1 { return extensions.first }
        return nil
    }

    /// "did you mean 'x'?", or nil when nothing is close.
    public static func hint(for word: String, among candidates: some Sequence<String>) -> String? {
        closest(to: word, among: candidates).map { "did you mean '\($0)'?" }
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// neighbouring characters each cost one.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b))
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
