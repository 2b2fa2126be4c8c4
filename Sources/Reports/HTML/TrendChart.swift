import CaseModel

/// Open findings run by run, as an SVG line chart, when the history has earlier runs.
struct TrendChart {
    var id: String
    var points: [TrendPoint]

    static let width = 560
    static let height = 230
    static let left = 48, right = 516, top = 16, bottom = 190

    func svg() -> BodyNode {
        let largest = Self.niceCeiling(points.map(\.openFindings).max() ?? 0)
        var children: [BodyNode] = [
            Markup.element("title", [("id", "\(id)-title")], text: "Open findings run by run"),
            Markup.element("desc", [("id", "\(id)-desc")], text: description),
        ]
        for fraction in [0, 1, 2] {
            let value = largest * fraction / 2
            let y = yPosition(value, largest)
            children.append(Markup.element("line", [("class", "grid"), ("x1", "\(Self.left)"), ("x2", "\(Self.right)"),
                                                    ("y1", "\(y)"), ("y2", "\(y)")]))
            children.append(Markup.element("text", [("class", "axis"), ("x", "\(Self.left - 6)"), ("y", "\(y + 4)"),
                                                    ("text-anchor", "end")], text: String(value)))
        }
        let coordinates = points.enumerated().map { (xPosition($0.offset), yPosition($0.element.openFindings, largest)) }
        if coordinates.count > 1 {
            children.append(Markup.element("polyline", [("class", "trend"),
                                                        ("points", coordinates.map { "\($0.0),\($0.1)" }.joined(separator: " "))]))
        }
        // A date label is about 70 units wide: at most one every 90 units, and the last run's
        // always, with the regular label before it left out when the two would touch.
        let slots = max(1, (Self.right - Self.left) / 90)
        let labelEvery = max(1, (points.count + slots - 1) / slots)
        let spacing = points.count > 1 ? Double(Self.right - Self.left) / Double(points.count - 1) : 0
        for (n, point) in points.enumerated() {
            let (x, y) = coordinates[n]
            children.append(Markup.element("circle", [("class", "trend-point"), ("cx", "\(x)"), ("cy", "\(y)"), ("r", "4")],
                                           [Markup.element("title", text: "\(point.asOf.isoString): \(point.openFindings) open")]))
            let last = n == points.count - 1
            let crowdsLast = !last && Double(points.count - 1 - n) * spacing < 90
            if last || (n % labelEvery == 0 && !crowdsLast) {
                children.append(Markup.element("text", [("class", "axis"), ("x", "\(x)"), ("y", "\(Self.bottom + 20)"),
                                                        ("text-anchor", "middle")], text: point.asOf.isoString))
            }
        }
        return Markup.element("svg", [("class", "chart"), ("viewBox", "0 0 \(Self.width) \(Self.height)"), ("role", "img"),
                                      ("aria-labelledby", "\(id)-title \(id)-desc")], children)
    }

    var description: String {
        guard let first = points.first, let last = points.last else { return "No earlier runs." }
        return "\(points.count) runs from \(first.asOf.isoString) (\(first.openFindings) open) "
            + "to \(last.asOf.isoString) (\(last.openFindings) open)."
    }

    private func xPosition(_ index: Int) -> Int {
        guard points.count > 1 else { return (Self.left + Self.right) / 2 }
        return Self.left + 12 + index * (Self.right - Self.left - 24) / (points.count - 1)
    }

    private func yPosition(_ value: Int, _ largest: Int) -> Int {
        Self.bottom - value * (Self.bottom - Self.top) / max(1, largest)
    }

    /// The smallest of 1, 2 or 5 times a power of ten at or above `value` (at least 2, so
    /// the half-way grid line is a whole number).
    static func niceCeiling(_ value: Int) -> Int {
        var power = 1
        while true {
            for step in [1, 2, 5] where step * power >= max(2, value) { return step * power }
            power *= 10
        }
    }
}
