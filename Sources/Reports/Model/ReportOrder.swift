import CaseModel
import Rules

/// The orders reports list findings in.
public enum ReportOrder {
    /// The design's canonical order, the same as the JSON report's: child, rule, item, then
    /// group, record location, due date, status, fingerprint and message, so that no two
    /// findings tie and the order never depends on the input's. Findings about a group
    /// (aggregate rules) come after the children's; text compares by Unicode scalars, and the
    /// numbers in item paths as numbers (`visits[2]` before `visits[10]`).
    public static func canonical(_ a: Finding, _ b: Finding) -> Bool {
        switch (a.caseID, b.caseID) {
        case (nil, .some): return false
        case (.some, nil): return true
        case let (x?, y?) where x != y: return textPrecedes(x, y)
        default: break
        }
        if a.rule != b.rule { return textPrecedes(a.rule, b.rule) }
        if a.item != b.item { return optionalPrecedes(a.item, b.item, by: itemPrecedes) }
        if a.group != b.group { return optionalPrecedes(a.group, b.group, by: textPrecedes) }
        if a.location != b.location { return optionalPrecedes(a.location, b.location, by: locationPrecedes) }
        if a.due != b.due { return optionalPrecedes(a.due, b.due, by: <) }
        if a.status != b.status { return textPrecedes(a.status.rawValue, b.status.rawValue) }
        if a.fingerprint != b.fingerprint { return textPrecedes(a.fingerprint, b.fingerprint) }
        return textPrecedes(a.message, b.message)
    }

    /// Most days late first, then canonical: the order people act in. Findings without a
    /// lateness come last.
    public static func byLateness(_ a: Finding, _ b: Finding) -> Bool {
        let lateA = a.daysLate ?? Int.min, lateB = b.daysLate ?? Int.min
        if lateA != lateB { return lateA > lateB }
        return canonical(a, b)
    }

    private static func optionalPrecedes<T>(_ a: T?, _ b: T?, by less: (T, T) -> Bool) -> Bool {
        switch (a, b) {
        case (nil, nil): return false
        case (nil, .some): return true
        case (.some, nil): return false
        case let (x?, y?): return less(x, y)
        }
    }

    private static func textPrecedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    private static func locationPrecedes(_ a: SourceLocation, _ b: SourceLocation) -> Bool {
        if a.file != b.file { return textPrecedes(a.file, b.file) }
        if a.line != b.line { return a.line < b.line }
        return a.column < b.column
    }

    /// Compares item paths run by run: digits as numbers, everything else by scalar.
    static func itemPrecedes(_ a: String, _ b: String) -> Bool {
        let x = runs(a), y = runs(b)
        for (p, q) in zip(x, y) where p != q {
            switch (p, q) {
            case let (.number(m, mDigits), .number(n, nDigits)):
                // Without leading zeros, a shorter number is smaller; equal lengths compare digit by digit.
                if m.count != n.count { return m.count < n.count }
                return m != n ? m < n : mDigits < nDigits
            default:
                return textPrecedes(p.text, q.text)
            }
        }
        return x.count < y.count
    }

    private enum Run: Equatable {
        case text(String)
        /// The digits without leading zeros, and how many digits were written.
        case number(String, digits: Int)

        var text: String {
            switch self {
            case .text(let t): return t
            case .number(let n, _): return n
            }
        }
    }

    private static func runs(_ path: String) -> [Run] {
        var result: [Run] = []
        var text = "", digits = ""
        func flushDigits() {
            guard !digits.isEmpty else { return }
            // Kept as text, so no run of digits is too long to compare.
            result.append(.number(String(digits.drop { $0 == "0" }), digits: digits.count))
            digits = ""
        }
        for scalar in path.unicodeScalars {
            if ("0" ... "9").contains(scalar) {
                if !text.isEmpty { result.append(.text(text)); text = "" }
                digits.unicodeScalars.append(scalar)
            } else {
                flushDigits()
                text.unicodeScalars.append(scalar)
            }
        }
        flushDigits()
        if !text.isEmpty { result.append(.text(text)) }
        return result
    }
}
