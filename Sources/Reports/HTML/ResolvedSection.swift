/// The findings open at the previous run and gone from this one: the work done since.
enum ResolvedSection {
    static func section(_ input: DashboardModel) -> BodyNode? {
        guard let history = input.history, !history.resolved.isEmpty else { return nil }
        let rows: [BodyNode] = history.resolved.map { r in
            let subject: BodyNode = r.caseID.map { Markup.data($0) }
                ?? Markup.element("span", [], [Markup.text("group: "), Markup.data(r.group ?? "")])
            return Markup.element("tr", [], [
                Markup.element("th", [("scope", "row")], [subject] + (r.item.map { [Markup.element("span", [("class", "item")], [Markup.data($0)])] } ?? [])),
                Markup.element("td", [], [Markup.data(r.rule)]),
                Markup.element("td", [], [Markup.data(r.team ?? "")]),
                Markup.element("td", [], [Markup.data(r.worker ?? "")]),
                Markup.element("td", [("class", "date")], text: "\(r.firstSeen.isoString) to \(r.lastSeen.isoString)"),
                Markup.element("td", [("class", "message")], [Markup.data(r.message)]),
            ])
        }
        let headers = ["Child", "Rule", "Team", "Worker", "Open", "What was wrong"]
        let since = history.previousAsOf.map { " since the run of \($0.isoString)" } ?? ""
        return Markup.element("section", [("aria-labelledby", "resolved-heading")], [
            Markup.element("h2", [("id", "resolved-heading")], text: "Resolved\(since) (\(history.resolved.count))"),
            Markup.element("div", [("class", "table-scroll")], [
                Markup.element("table", [("id", "resolved")], [
                    Markup.element("thead", [], [Markup.element("tr", [], headers.map { Markup.element("th", [("scope", "col")], text: $0) })]),
                    Markup.element("tbody", [], rows),
                ]),
            ]),
        ])
    }
}
