import CaseModel

extension RuleKind {
    /// The rule's timescale or bound in plain words, for rule catalogues and explanations:
    /// "within 45 working days", "first within 3 months, then every 6 months", "at most 20".
    /// Nil for kinds without one (`expect`, `no_overlap`).
    public var timescale: String? {
        switch self {
        case .expect, .noOverlap:
            return nil
        case .deadline(let d):
            var text = "within \(d.within)"
            if let warn = d.warnWithin { text += " (due soon \(warn) before)" }
            return text
        case .cadence(let c):
            return RuleKind.describe(c.schedule)
        case .duration(let d):
            switch (d.min, d.max) {
            case let (min?, max?): return "at least \(min) and at most \(max)"
            case let (min?, nil): return "at least \(min)"
            case let (nil, max?): return "at most \(max)"
            case (nil, nil): return nil
            }
        case .aggregate(let a):
            let what = a.measure == .count ? "" : " in total"
            switch (a.min, a.max) {
            case let (min?, max?): return "between \(ValueText.number(min)) and \(ValueText.number(max))\(what) per group"
            case let (min?, nil): return "at least \(ValueText.number(min))\(what) per group"
            case let (nil, max?): return "at most \(ValueText.number(max))\(what) per group"
            case (nil, nil): return nil
            }
        }
    }

    /// "first within 1 week, then every 6 weeks for 1 year, then every 3 months".
    static func describe(_ schedule: [ScheduleStep]) -> String {
        var parts: [String] = []
        for (n, step) in schedule.enumerated() {
            switch step {
            case .within(let s): parts.append("first within \(s)")
            case .every(let s, let period):
                let lead = n == 0 ? "every" : "then every"
                parts.append(period.map { "\(lead) \(s) for \($0)" } ?? "\(lead) \(s)")
            }
        }
        return parts.joined(separator: ", ")
    }
}
