/// Who must act: for each team (and its manager, where records name one) the workers whose
/// children have findings, most serious first, with unallocated children called out at the
/// top of their team. Waived findings are left out: nobody has to act on them.
enum OwnersSection {
    static func section(_ input: DashboardModel) -> BodyNode {
        let tally = input.tally
        let teams = Set(tally.owners.keys.map(\.team)).sorted()
        var rows: [BodyNode] = []
        for team in teams {
            let owners = tally.owners.filter { $0.key.team == team }.sorted { a, b in
                // Unallocated first: those children have nobody to act for them.
                if (a.key.worker == nil) != (b.key.worker == nil) { return a.key.worker == nil }
                let x = (a.value.critical, a.value.high, a.value.findings), y = (b.value.critical, b.value.high, b.value.findings)
                if x != y { return x > y }
                return (a.key.worker ?? "") < (b.key.worker ?? "")
            }
            let managers = (tally.teamManagers[team] ?? []).sorted().joined(separator: ", ")
            for (n, owner) in owners.enumerated() {
                let figures = owner.value
                var cells: [BodyNode] = []
                if n == 0 {
                    var teamCell: [BodyNode] = [Markup.data(team)]
                    if !managers.isEmpty {
                        teamCell.append(Markup.element("span", [("class", "item")], [Markup.text("manager: "), Markup.data(managers)]))
                    }
                    cells.append(Markup.element("th", [("scope", "rowgroup"), ("rowspan", String(owners.count))], teamCell))
                }
                let worker: BodyNode = owner.key.worker.map { Markup.data($0) }
                    ?? Markup.element("strong", [("class", "unallocated")], text: "unallocated")
                cells += [
                    Markup.element("th", [("scope", "row")], [worker]),
                    Markup.element("td", [("class", "number")], text: String(figures.children.count)),
                    Markup.element("td", [("class", "number")], text: String(figures.critical)),
                    Markup.element("td", [("class", "number")], text: String(figures.high)),
                    Markup.element("td", [("class", "number")], text: String(figures.overdue)),
                    Markup.element("td", [("class", "number")], text: figures.mostDaysLate.map(String.init) ?? ""),
                    Markup.element("td", [("class", "number")], text: String(figures.findings)),
                ]
                rows.append(Markup.element("tr", owner.key.worker == nil ? [("class", "unallocated-row")] : [], cells))
            }
        }
        let headers = ["Team", "Worker", "Children", "Critical", "High", "Overdue", "Most days late", "Findings"]
        let headerRow = Markup.element("tr", [], headers.enumerated().map { n, title in
            Markup.element("th", [("scope", "col")] + (n > 1 ? [("class", "number")] : []), text: title)
        })
        var body: [BodyNode] = [Markup.element("h2", [("id", "owners-heading")], text: "Who must act")]
        if rows.isEmpty {
            body.append(Markup.element("p", text: "No child has a finding to act on."))
        } else {
            body.append(Markup.element("p", [("class", "note")],
                                       text: "Findings about children (waived ones left out) by team and allocated worker, most serious first."))
            body.append(Markup.element("div", [("class", "table-scroll")], [
                Markup.element("table", [("id", "owners")], [
                    Markup.element("thead", [], [headerRow]),
                    Markup.element("tbody", [], rows),
                ]),
            ]))
        }
        return Markup.element("section", [("aria-labelledby", "owners-heading")], body)
    }
}
