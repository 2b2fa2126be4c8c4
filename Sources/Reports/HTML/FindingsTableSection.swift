import Foundation
import Rules

/// The findings in one table, most serious first and most days late first within a severity.
/// Filter and sort controls are hidden until the inline script shows them; with scripts
/// blocked the full table still reads top to bottom in the order people act in.
enum FindingsTableSection {
    static func section(_ input: DashboardModel, _ figures: ReportFigures, anchors: RuleAnchors) -> BodyNode {
        let ordered = input.rows
        // The script's "by child" order: each row's place among the rows shown, in report order.
        let canonicalPosition = Dictionary(ordered.sorted(by: ReportOrder.canonical).enumerated().map { ($1, $0) },
                                           uniquingKeysWith: { a, _ in a })
        // The script's "most days late" order: each row's place among the rows shown.
        let latenessPosition = Dictionary(ordered.sorted(by: ReportOrder.byLateness).enumerated().map { ($1, $0) },
                                          uniquingKeysWith: { a, _ in a })
        var rows: [BodyNode] = []
        for (n, finding) in ordered.enumerated() {
            rows.append(row(finding, rule: input.rule(finding.rule), anchor: anchors.anchor(finding.rule), mark: input.mark(finding),
                            hasHistory: input.history != nil,
                            positions: (severity: n, lateness: latenessPosition[finding] ?? n, canonical: canonicalPosition[finding] ?? n)))
        }
        var headers: [(String, String?)] = [("Child", nil), ("Rule", nil), ("Area", nil), ("Severity", "severity"), ("Status", nil),
                                             ("Due", nil), ("Days late", "days-late"), ("Team", nil), ("Worker", nil),
                                             ("What is wrong", nil)]
        if input.history != nil { headers.append(("History", nil)) }
        headers.append(("Record", nil))
        let headerRow = Markup.element("tr", [], headers.map { title, id in
            var attributes = [("scope", "col")]
            if id == "severity" { attributes += [("id", "severity-column"), ("aria-sort", "descending")] }
            if id == "days-late" { attributes += [("id", "days-late"), ("class", "number")] }
            return Markup.element("th", attributes, text: title)
        })
        let body: [BodyNode] = [
            Markup.element("h2", [("id", "findings-heading")], text: "Findings"),
            Markup.element("p", [("id", "static-note")],
                           text: listingNote(shown: ordered.count, of: input.total)
                               + "Each rule links to its title, source and rationale below."),
            filters(input, figures),
            Markup.element("div", [("class", "table-scroll")], [
                Markup.element("table", [("id", "findings")], [
                    Markup.element("caption", text: "Findings as of \(input.asOf.isoString)"),
                    Markup.element("thead", [], [headerRow]),
                    Markup.element("tbody", [], rows),
                ]),
            ]),
        ]
        return Markup.element("section", [("aria-labelledby", "findings-heading")], body)
    }

    /// Says whether every finding is in the table, and where the rest are when not.
    private static func listingNote(shown: Int, of total: Int) -> String {
        if shown == total { return "All \(total) findings are listed, most serious first, then most days late. " }
        return "The \(shown) most serious findings (most days late first within a severity) are listed here, of \(total) in all; "
            + "the CSV report (casecheck run --format csv) lists every one. "
    }

    private static func row(_ f: Finding, rule: RuleInfo, anchor: String, mark: FindingMark?, hasHistory: Bool,
                            positions: (severity: Int, lateness: Int, canonical: Int)) -> BodyNode {
        let subject: BodyNode = f.caseID.map { Markup.data($0) }
            ?? Markup.element("span", [], [Markup.text("group: "), Markup.data(f.group ?? "")])
        var record: [BodyNode] = []
        if let location = f.location {
            // The file's own name and line, whole; the full path in the tooltip.
            let name = (location.file as NSString).lastPathComponent
            let shown = location.line > 0 ? "\(name):\(location.line)" : name
            record.append(Markup.element("code", [("title", location.description)], [Markup.data(shown)]))
        }
        var attributes = [("data-team", f.team ?? ReportFigures.noTeam),
                          ("data-worker", f.caseID == nil ? "" : f.worker ?? ReportFigures.unallocated),
                          ("data-area", rule.areaName), ("data-severity", f.severity.rawValue),
                          ("data-status", f.status.rawValue), ("data-late", f.daysLate.map(String.init) ?? ""),
                          ("data-severity-order", String(positions.severity)),
                          ("data-lateness-order", String(positions.lateness)), ("data-child-order", String(positions.canonical))]
        if hasHistory { attributes.append(("data-history", mark.map { $0.isWaived ? "waived" : $0.noveltyName } ?? "")) }
        var cells: [BodyNode] = [
            Markup.element("th", [("scope", "row")], [subject] + (f.item.map { [Markup.element("span", [("class", "item")], [Markup.data($0)])] } ?? [])),
            Markup.element("td", [], [Markup.element("a", [("href", "#\(anchor)"), ("title", rule.title)], [Markup.data(f.rule)])]),
            Markup.element("td", [], [Markup.data(rule.areaName)]),
            Markup.element("td", [], [Markup.element("span", [("class", "badge \(SeverityStyle.cssClass(f.severity))")], text: f.severity.rawValue)]),
            Markup.element("td", [], text: f.status.rawValue.replacingOccurrences(of: "_", with: " ")),
            Markup.element("td", [("class", "date")], text: f.due?.isoString ?? ""),
            Markup.element("td", [("class", "number")], text: f.daysLate.map(String.init) ?? ""),
            Markup.element("td", [], [Markup.data(f.team ?? "")]),
            Markup.element("td", [], [Markup.data(f.worker ?? "")]),
            Markup.element("td", [("class", "message")], [Markup.data(f.message)]),
        ]
        if hasHistory { cells.append(Markup.element("td", [("class", "history")], historyCell(mark))) }
        cells.append(Markup.element("td", [("class", "record")], record))
        return Markup.element("tr", attributes, cells)
    }

    /// The mark as a badge a manager scans for: new, open since, waived until.
    private static func historyCell(_ mark: FindingMark?) -> [BodyNode] {
        guard let mark else { return [] }
        var nodes: [BodyNode]
        switch mark.novelty {
        case .new: nodes = [Markup.element("span", [("class", "mark mark-new")], text: "new")]
        case let .persisting(since, runs):
            nodes = [Markup.element("span", [("class", "mark")], text: "open since \(since.isoString) (\(runs) runs)")]
        }
        if let waiver = mark.waiver {
            let label = mark.isWaived ? "waived until \(waiver.until.isoString)" : "waiver \(waiver.state)"
            nodes.append(Markup.element("span", [("class", "mark mark-waived"), ("title", waiver.explanation)], [Markup.data(label)]))
        }
        return nodes
    }

    /// The filter form: one choice per field, listing only the values present.
    private static func filters(_ input: DashboardModel, _ figures: ReportFigures) -> BodyNode {
        var choices: [(field: String, label: String, values: [String])] = [
            ("team", "Team", figures.byTeam.map(\.label).sorted()),
            ("worker", "Worker", figures.byWorker.map(\.label).sorted()),
            ("area", "Area", input.areas),
            ("severity", "Severity", Severity.allCases.reversed().map(\.rawValue)),
            ("status", "Status", FindingStatus.allCases.map(\.rawValue)),
        ]
        if input.history != nil { choices.append(("history", "History", ["new", "persisting", "waived"])) }
        var controls: [BodyNode] = choices.map { choice in
            // "all" has no value attribute (Plot cannot write an empty one); the script knows it as the first option.
            let options = [Markup.element("option", [], text: "all")]
                + choice.values.map { Markup.element("option", [("value", $0)], text: $0) }
            return Markup.element("label", [], [
                Markup.text(choice.label + " "),
                Markup.element("select", [("name", choice.field), ("data-field", choice.field)], options),
            ])
        }
        controls.append(Markup.element("label", [], [
            Markup.text("Order "),
            Markup.element("select", [("name", "order")], [
                Markup.element("option", [("value", "serious")], text: "most serious first"),
                Markup.element("option", [("value", "late")], text: "most days late first"),
                Markup.element("option", [("value", "early")], text: "fewest days late first"),
                Markup.element("option", [("value", "child")], text: "by child"),
            ]),
        ]))
        controls.append(Markup.element("output", [("id", "shown"), ("aria-live", "polite")], text: ""))
        return Markup.element("form", [("id", "filters"), ("hidden", "hidden"), ("aria-label", "Filter findings")], controls)
    }
}
