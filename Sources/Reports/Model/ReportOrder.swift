import FindingStore
import Rules

/// The orders reports list findings in.
public enum ReportOrder {
    /// The design's canonical order, the same as the JSON report's (``FindingOrder``): child,
    /// rule, item, then tie-breakers, so the order never depends on the input's.
    public static func canonical(_ a: Finding, _ b: Finding) -> Bool {
        FindingOrder.precedes(a, b)
    }

    /// Most serious first, then most days late, then canonical: the dashboard's default, so a
    /// critical finding is never below a medium one however late that is.
    public static func bySeverityThenLateness(_ a: Finding, _ b: Finding) -> Bool {
        if a.severity != b.severity { return a.severity > b.severity }
        return byLateness(a, b)
    }

    /// Most days late first, then canonical: the order people act in. Findings without a
    /// lateness come last.
    public static func byLateness(_ a: Finding, _ b: Finding) -> Bool {
        let lateA = a.daysLate ?? Int.min, lateB = b.daysLate ?? Int.min
        if lateA != lateB { return lateA > lateB }
        return canonical(a, b)
    }
}

extension ReportOrder {
    /// ``byLateness(_:_:)`` as an order the finding store sorts by.
    public static let latenessSequence = FindingSequenceOrder(name: "lateness", byLateness)
    /// ``bySeverityThenLateness(_:_:)`` as an order the finding store sorts by.
    public static let severitySequence = FindingSequenceOrder(name: "severity", bySeverityThenLateness)
}
