import CaseModel
import Rules

/// The order findings are reported in: by child id, then rule id, then item path, as
/// DESIGN.md asks, with further keys so that no two different findings ever tie (the order
/// must not depend on which thread finished first).
///
/// Findings about a group (aggregate rules, no child) come after all the children's. Text
/// compares by Unicode scalars, independent of locale; item paths compare their list
/// positions as numbers, so `visits[2]` comes before `visits[10]`.
public enum FindingOrder {
    /// Whether `a` is reported before `b`.
    public static func precedes(_ a: Finding, _ b: Finding) -> Bool {
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

    /// Sorts findings into report order.
    public static func sorted(_ findings: [Finding]) -> [Finding] {
        var copy = findings
        sort(&copy)
        return copy
    }

    /// Sorts findings into report order in place. A finding is a few hundred bytes, so the
    /// positions are sorted (4 bytes each) and the findings then moved into place cycle by
    /// cycle: no second array of findings is ever held, which matters on a large caseload.
    public static func sort(_ findings: inout [Finding]) {
        guard findings.count > 1, findings.count <= Int(Int32.max) else {
            if findings.count > 1 { findings.sort(by: precedes) }
            return
        }
        var order = (0..<Int32(findings.count)).map { $0 }
        findings.withUnsafeBufferPointer { f in
            order.sort { precedes(f[Int($0)], f[Int($1)]) }
        }
        // order[i] is the finding that belongs at i; follow each cycle once.
        var placed = [Bool](repeating: false, count: findings.count)
        for start in findings.indices where !placed[start] {
            var i = start
            let held = findings[start]
            while true {
                placed[i] = true
                let from = Int(order[i])
                if from == start {
                    findings[i] = held
                    break
                }
                findings[i] = findings[from]
                i = from
            }
        }
    }

    /// Absent values sort first.
    private static func optionalPrecedes<T>(_ a: T?, _ b: T?, by less: (T, T) -> Bool) -> Bool {
        switch (a, b) {
        case (nil, nil): return false
        case (nil, .some): return true
        case (.some, nil): return false
        case let (x?, y?): return less(x, y)
        }
    }

    static func textPrecedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    private static func locationPrecedes(_ a: SourceLocation, _ b: SourceLocation) -> Bool {
        if a.file != b.file { return textPrecedes(a.file, b.file) }
        if a.line != b.line { return a.line < b.line }
        return a.column < b.column
    }

    /// `cp_plans[2].reviews[10]` splits into text and number runs compared piecewise.
    static func itemPrecedes(_ a: String, _ b: String) -> Bool {
        var x = a.unicodeScalars.makeIterator(), y = b.unicodeScalars.makeIterator()
        var cx = x.next(), cy = y.next()
        while let p = cx, let q = cy {
            if isDigit(p), isDigit(q) {
                var m = 0, n = 0
                var digitsX = 0, digitsY = 0
                while let d = cx, isDigit(d) { m = m &* 10 &+ Int(d.value - 48); digitsX += 1; cx = x.next() }
                while let d = cy, isDigit(d) { n = n &* 10 &+ Int(d.value - 48); digitsY += 1; cy = y.next() }
                if m != n { return m < n }
                if digitsX != digitsY { return digitsX < digitsY }
                continue
            }
            if p != q { return p.value < q.value }
            cx = x.next()
            cy = y.next()
        }
        return cx == nil && cy != nil
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }
}
