/// The regular expressions data checks use most, matched without a regex engine: a whole
/// text (`^...$`) made of ASCII character classes and letters, each repeated a fixed number
/// of times, the last possibly a range of times: `^[0-9]{12}$`, `^[A-Za-z][0-9]{12}$`,
/// `^[A-Za-z0-9]+$`. Such a pattern needs no backtracking, so a match is one pass over the
/// text, where Foundation's engine would first convert it to UTF-16 and then search.
///
/// ``init?(_:)`` accepts only patterns it can match exactly as RE2 does (CEL's dialect);
/// anything else (alternation, groups, escapes other than `\d`, negated classes, `.`, a
/// repeat that is not last) is nil, for the general engine.
struct AnchoredClassPattern: Sendable {
    /// One position of the pattern: which ASCII characters it takes, and how many times.
    struct Element: Sendable {
        /// Bit `c` set when ASCII character `c` matches.
        var accepted: (UInt64, UInt64)
        var minimum: Int
        var maximum: Int  // Int.max for `+` and `*`

        func accepts(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            if v < 64 { return accepted.0 & (1 << UInt64(v)) != 0 }
            if v < 128 { return accepted.1 & (1 << UInt64(v - 64)) != 0 }
            return false
        }
    }

    let elements: [Element]

    init?(_ pattern: String) {
        let c = Array(pattern.unicodeScalars)
        guard c.count >= 2, c.first == "^", c.last == "$", c.allSatisfy({ $0.isASCII }) else { return nil }
        var elements: [Element] = []
        var i = 1
        let end = c.count - 1  // the `$`
        while i < end {
            var accepted: (UInt64, UInt64) = (0, 0)
            func accept(_ low: UInt32, _ high: UInt32) {
                for v in low...high {
                    if v < 64 { accepted.0 |= 1 << UInt64(v) } else { accepted.1 |= 1 << UInt64(v - 64) }
                }
            }
            switch c[i] {
            case "[":
                i += 1
                guard i < end, c[i] != "^", c[i] != "]" else { return nil }
                while i < end && c[i] != "]" {
                    guard AnchoredClassPattern.isPlain(c[i]) else { return nil }
                    if i + 2 < end, c[i + 1] == "-", c[i + 2] != "]" {
                        guard AnchoredClassPattern.isPlain(c[i + 2]), c[i].value <= c[i + 2].value else { return nil }
                        accept(c[i].value, c[i + 2].value)
                        i += 3
                    } else {
                        accept(c[i].value, c[i].value)
                        i += 1
                    }
                }
                guard i < end else { return nil }  // no closing ']'
                i += 1
            case "\\":
                guard i + 1 < end, c[i + 1] == "d" else { return nil }
                accept(48, 57)
                i += 2
            default:
                guard AnchoredClassPattern.isPlain(c[i]) else { return nil }
                accept(c[i].value, c[i].value)
                i += 1
            }
            var minimum = 1, maximum = 1
            if i < end {
                switch c[i] {
                case "+": (minimum, maximum) = (1, Int.max); i += 1
                case "*": (minimum, maximum) = (0, Int.max); i += 1
                case "?": (minimum, maximum) = (0, 1); i += 1
                case "{":
                    guard let close = c[i...].firstIndex(of: "}"), close < end else { return nil }
                    let inside = String(String.UnicodeScalarView(c[(i + 1)..<close]))
                    let bounds = inside.split(separator: ",", omittingEmptySubsequences: false)
                    guard let low = Int(bounds[0]), low <= 1000 else { return nil }
                    switch bounds.count {
                    case 1: (minimum, maximum) = (low, low)
                    case 2:
                        if bounds[1].isEmpty { (minimum, maximum) = (low, Int.max) }
                        else {
                            guard let high = Int(bounds[1]), high >= low, high <= 1000 else { return nil }
                            (minimum, maximum) = (low, high)
                        }
                    default: return nil
                    }
                    i = close + 1
                default: break
                }
                // A lazy or possessive mark, or a repeat of a repeat: leave it to the engine.
                if i < end, ["?", "+", "*", "{"].contains(c[i]) { return nil }
            }
            elements.append(Element(accepted: accepted, minimum: minimum, maximum: maximum))
        }
        // Only the last element may vary in length: then no choice ever needs undoing.
        guard elements.dropLast().allSatisfy({ $0.minimum == $0.maximum }) else { return nil }
        self.elements = elements
    }

    /// Letters, digits and punctuation with no meaning in a pattern (outside a class).
    private static func isPlain(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "a"..."z", "A"..."Z", "0"..."9", " ", "_", ":", "/", "@", "#", "%", "&", "=", "~", "'", "\"", ",", ";", "<", ">", "!":
            return true
        default:
            return false
        }
    }

    /// Whether the whole of `text` matches.
    func matches(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        var pending = scalars.next()
        for element in elements {
            var taken = 0
            while taken < element.maximum, let s = pending, element.accepts(s) {
                taken += 1
                pending = scalars.next()
            }
            if taken < element.minimum { return false }
        }
        return pending == nil
    }
}
