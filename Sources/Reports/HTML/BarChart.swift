/// A horizontal bar chart drawn as inline SVG: one bar a row, each bar made of coloured
/// segments (one segment for a plain count, one per severity for a stacked chart).
///
/// Colours come from CSS classes, so the stylesheet decides them (and print can change
/// them); the SVG carries a `<title>` and `<desc>` and every bar its own `<title>`, and the
/// figure around it shows the same figures as a table.
struct BarChart {
    struct Segment {
        var name: String
        var value: Int
        /// The CSS class that colours it.
        var style: String
    }

    struct Bar {
        var label: String
        var segments: [Segment]
        var total: Int { segments.reduce(0) { $0 + $1.value } }
    }

    /// Unique in the page: the SVG's title and description are found by it.
    var id: String
    var title: String
    var description: String
    var bars: [Bar]
    /// Segment names and styles to explain, for stacked charts; empty for none.
    var legend: [(name: String, style: String)] = []

    // Drawn about the size it is shown at, so 13px text reads as 13px.
    static let width = 560
    static let labelWidth = 170
    static let barArea = 340
    static let rowHeight = 26
    static let barHeight = 18
    static let maxLabelCharacters = 22

    func svg() -> BodyNode {
        let legendHeight = legend.isEmpty ? 0 : 28
        let height = legendHeight + bars.count * Self.rowHeight + 8
        let largest = max(1, bars.map(\.total).max() ?? 0)
        var children: [BodyNode] = [
            Markup.element("title", [("id", "\(id)-title")], text: title),
            Markup.element("desc", [("id", "\(id)-desc")], text: description),
        ]
        if !legend.isEmpty { children.append(legendGroup()) }
        for (row, bar) in bars.enumerated() {
            children.append(barGroup(bar, top: legendHeight + row * Self.rowHeight + 4, largest: largest))
        }
        return Markup.element("svg", [("class", "chart"), ("viewBox", "0 0 \(Self.width) \(height)"),
                                      ("role", "img"), ("aria-labelledby", "\(id)-title \(id)-desc")], children)
    }

    private func legendGroup() -> BodyNode {
        var items: [BodyNode] = []
        var x = Self.labelWidth
        for entry in legend {
            items.append(Markup.element("rect", [("class", entry.style), ("x", "\(x)"), ("y", "6"), ("width", "14"), ("height", "14")]))
            items.append(Markup.element("text", [("class", "legend"), ("x", "\(x + 19)"), ("y", "18")], text: entry.name))
            x += 20 + 8 * entry.name.count + 14
        }
        return Markup.element("g", [("class", "legend")], items)
    }

    private func barGroup(_ bar: Bar, top: Int, largest: Int) -> BodyNode {
        let breakdown = bar.segments.filter { $0.value > 0 }.map { "\($0.value) \($0.name)" }
        let tooltip = "\(bar.label): \(bar.total)" + (bar.segments.count > 1 ? " (\(breakdown.joined(separator: ", ")))" : "")
        var children: [BodyNode] = [
            Markup.element("title", text: tooltip),
            Markup.element("text", [("class", "label"), ("x", "\(Self.labelWidth - 8)"), ("y", "\(top + 14)"),
                                    ("text-anchor", "end")], text: Self.shortened(bar.label)),
        ]
        // Segment edges are rounded from running totals, so the segments always add up to the bar.
        var running = 0
        for segment in bar.segments where segment.value > 0 {
            let start = Self.scaled(running, largest), end = Self.scaled(running + segment.value, largest)
            running += segment.value
            children.append(Markup.element("rect", [("class", segment.style), ("x", "\(Self.labelWidth + start)"),
                                                    ("y", "\(top)"), ("width", "\(max(1, end - start))"),
                                                    ("height", "\(Self.barHeight)")]))
        }
        children.append(Markup.element("text", [("class", "value"), ("x", "\(Self.labelWidth + Self.scaled(bar.total, largest) + 6)"),
                                                ("y", "\(top + 14)")], text: String(bar.total)))
        return Markup.element("g", [], children)
    }

    private static func scaled(_ value: Int, _ largest: Int) -> Int {
        (value * barArea + largest / 2) / largest
    }

    /// Long labels are cut with an ellipsis; the bar's title and the table keep them whole.
    static func shortened(_ label: String) -> String {
        label.count <= maxLabelCharacters ? label : String(label.prefix(maxLabelCharacters - 1)) + "…"
    }
}
