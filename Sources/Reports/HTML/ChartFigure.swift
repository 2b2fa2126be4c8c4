/// A chart with its caption and the same figures as a table beside it: the table is the
/// chart's text equivalent for screen readers, and what prints when colours do not.
enum ChartFigure {
    static func figure(id: String, caption: String, chart: BodyNode, headers: [String], rows: [[String]],
                       note: String? = nil) -> BodyNode {
        var tableRows: [BodyNode] = []
        for row in rows {
            var cells: [BodyNode] = [Markup.element("th", [("scope", "row")], [Markup.data(row[0])])]
            for value in row.dropFirst() { cells.append(Markup.element("td", [("class", "number")], text: value)) }
            tableRows.append(Markup.element("tr", [], cells))
        }
        let headerCells = headers.enumerated().map { n, header in
            Markup.element("th", [("scope", "col")] + (n > 0 ? [("class", "number")] : []), text: header)
        }
        var parts: [BodyNode] = [
            Markup.element("figcaption", [("id", "\(id)-caption")], text: caption),
            Markup.element("div", [("class", "chart-box")], [chart]),
            Markup.element("div", [("class", "table-scroll")], [
                Markup.element("table", [("class", "chart-data")], [
                    Markup.element("caption", text: "\(caption): figures"),
                    Markup.element("thead", [], [Markup.element("tr", [], headerCells)]),
                    Markup.element("tbody", [], tableRows),
                ]),
            ]),
        ]
        if let note { parts.append(Markup.element("p", [("class", "note")], text: note)) }
        return Markup.element("figure", [("id", id), ("aria-labelledby", "\(id)-caption")], parts)
    }
}
