/// The figures a head of service reads first.
enum HeadlineSection {
    static func section(_ input: DashboardModel, _ figures: ReportFigures) -> BodyNode {
        var items: [(String, String, String?)] = [
            ("Children checked", String(input.counts.childrenChecked), nil),
            ("Children with high or critical findings", String(figures.childrenWithHighSeverity), nil),
            ("Overdue items", String(figures.overdueItems), nil),
        ]
        if let oldest = figures.oldestOverdue {
            let days = oldest.daysLate ?? 0
            let whose = [oldest.caseID.map { "child \($0)" }, oldest.rule].compactMap { $0 }.joined(separator: ", ")
            items.append(("Oldest overdue item", "\(days) \(days == 1 ? "day" : "days") late", whose))
        } else {
            items.append(("Oldest overdue item", "none", nil))
        }
        items.append(("Findings", String(figures.totalFindings), "\(input.rules.count) rules checked"))
        items.append(("Records read", String(input.counts.recordsRead),
                      input.counts.recordsSkipped == 0 ? "none unreadable" : "\(input.counts.recordsSkipped) could not be read"))
        let entries: [BodyNode] = items.map { label, value, detail in
            var parts = [Markup.element("dt", text: label), Markup.element("dd", [("class", "figure")], text: value)]
            if let detail { parts.append(Markup.element("dd", [("class", "detail")], [Markup.data(detail)])) }
            return Markup.element("div", [("class", "headline")], parts)
        }
        return Markup.element("section", [("aria-labelledby", "headline-heading")], [
            Markup.element("h2", [("id", "headline-heading")], text: "Headline figures"),
            Markup.element("dl", [("class", "headlines")], entries),
        ])
    }
}
