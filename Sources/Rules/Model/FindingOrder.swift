import CaseModel

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
        if let settled = headPrecedes((a.caseID, a.rule), (b.caseID, b.rule)) { return settled }
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
        // The child and the rule settle nearly every comparison; they are copied out once
        // here, and whole findings (each a dozen strings to retain and release) are
        // compared only when both are the same.
        let heads = findings.map { (caseID: $0.caseID, rule: $0.rule) }
        findings.withUnsafeBufferPointer { f in
            heads.withUnsafeBufferPointer { h in
                order.sort { x, y in
                    headPrecedes(h[Int(x)], h[Int(y)]) ?? precedes(f[Int(x)], f[Int(y)])
                }
            }
        }
        // order[i] is the finding that belongs at i; follow each cycle once, swapping, so
        // that findings are moved, never copied.
        var placed = [Bool](repeating: false, count: findings.count)
        for start in findings.indices where !placed[start] {
            var i = start
            while true {
                placed[i] = true
                let from = Int(order[i])
                if from == start { break }
                findings.swapAt(i, from)
                i = from
            }
        }
    }

    /// The order of two findings by child (findings without one last), then rule; nil when
    /// both are the same.
    @inline(__always)
    private static func headPrecedes(_ a: (caseID: String?, rule: String), _ b: (caseID: String?, rule: String)) -> Bool? {
        switch (a.caseID, b.caseID) {
        case (nil, .some): return false
        case (.some, nil): return true
        case let (x?, y?) where x != y: return textPrecedes(x, y)
        default: break
        }
        if a.rule != b.rule { return textPrecedes(a.rule, b.rule) }
        return nil
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

    public static func textPrecedes(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    private static func locationPrecedes(_ a: SourceLocation, _ b: SourceLocation) -> Bool {
        if a.file != b.file { return textPrecedes(a.file, b.file) }
        if a.line != b.line { return a.line < b.line }
        return a.column < b.column
    }

    /// `cp_plans[2].reviews[10]` compares run by run: digits as numbers (of any length, so
    /// nothing overflows), everything else byte by byte (UTF-8 order is scalar order).
    public static func itemPrecedes(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        var i = 0, j = 0
        while i < x.count, j < y.count {
            if isDigit(x[i]), isDigit(y[j]) {
                let (si, sj) = (i, j)
                while i < x.count, isDigit(x[i]) { i += 1 }
                while j < y.count, isDigit(y[j]) { j += 1 }
                var zi = si, zj = sj
                while zi < i - 1, x[zi] == UInt8(ascii: "0") { zi += 1 }
                while zj < j - 1, y[zj] == UInt8(ascii: "0") { zj += 1 }
                if i - zi != j - zj { return i - zi < j - zj }
                if !x[zi..<i].elementsEqual(y[zj..<j]) { return x[zi..<i].lexicographicallyPrecedes(y[zj..<j]) }
                if i - si != j - sj { return i - si < j - sj }
                continue
            }
            if x[i] != y[j] { return x[i] < y[j] }
            i += 1
            j += 1
        }
        return i == x.count && j < y.count
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
