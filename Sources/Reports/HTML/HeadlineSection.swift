import Rules

/// The figures a head of service reads first: what is most serious, who has no worker, what
/// changed since the last run, then the counts that show nothing went missing.
enum HeadlineSection {
    private struct Tile {
        var label: String
        var value: String
        var detail: String?
        /// A class that colours the tile's edge (the severity, or an alert).
        var style: String?
    }

    static func section(_ input: DashboardModel, _ figures: ReportFigures) -> BodyNode {
        let tally = input.tally
        let critical = tally.bySeverityUnwaived[.critical] ?? 0, high = tally.bySeverityUnwaived[.high] ?? 0
        var tiles: [Tile] = [
            Tile(label: "Critical findings", value: String(critical), detail: critical == 0 ? "none" : "act today",
                 style: critical > 0 ? "tile-critical" : nil),
            Tile(label: "High findings", value: String(high), detail: "\(figures.childrenWithHighSeverity) children with high or critical",
                 style: high > 0 ? "tile-high" : nil),
            Tile(label: "Unallocated children", value: String(tally.unallocatedChildren.count),
                 detail: tally.unallocatedChildren.isEmpty ? "every child with a finding has a worker" : "children with findings and no worker",
                 style: tally.unallocatedChildren.isEmpty ? nil : "tile-alert"),
            Tile(label: "Overdue items", value: String(figures.overdueItems), detail: nil, style: nil),
        ]
        if let oldest = figures.oldestOverdue {
            let days = oldest.daysLate ?? 0
            let whose = [oldest.caseID.map { "child \($0)" }, oldest.rule].compactMap { $0 }.joined(separator: ", ")
            tiles.append(Tile(label: "Oldest overdue item", value: "\(days) \(days == 1 ? "day" : "days") late", detail: whose))
        } else {
            tiles.append(Tile(label: "Oldest overdue item", value: "none"))
        }
        if let history = input.history {
            let since = history.previousAsOf.map { "since \($0.isoString)" } ?? "first run recorded"
            tiles.append(Tile(label: "New this run", value: String(tally.new), detail: since))
            tiles.append(Tile(label: "Resolved since last run", value: String(history.resolved.count), detail: since))
            tiles.append(Tile(label: "Waived", value: String(tally.waived), detail: "listed, not counted for --fail-on"))
        }
        tiles.append(Tile(label: "Findings", value: String(figures.totalFindings), detail: "\(input.rules.count) rules checked"))
        tiles.append(Tile(label: "Children checked", value: String(input.counts.childrenChecked),
                          detail: input.counts.recordsSkipped == 0 ? "\(input.counts.recordsRead) records read, none unreadable"
                              : "\(input.counts.recordsSkipped) of \(input.counts.recordsRead) records could not be read",
                          style: input.counts.recordsSkipped == 0 ? nil : "tile-alert"))
        let entries: [BodyNode] = tiles.map { tile in
            var parts = [Markup.element("dt", text: tile.label), Markup.element("dd", [("class", "figure")], text: tile.value)]
            if let detail = tile.detail { parts.append(Markup.element("dd", [("class", "detail")], [Markup.data(detail)])) }
            return Markup.element("div", [("class", ["headline", tile.style].compactMap { $0 }.joined(separator: " "))], parts)
        }
        return Markup.element("section", [("aria-labelledby", "headline-heading")], [
            Markup.element("h2", [("id", "headline-heading")], text: "Headline figures"),
            Markup.element("dl", [("class", "headlines")], entries),
        ])
    }
}
