import Rules

/// The dashboard's charts: by area and severity, by team, by worker, overdue items by
/// lateness, and the trend over runs when there is history.
enum ChartsSection {
    /// More workers than this are summed up in a note; the table below lists them all.
    static let maxWorkerBars = 20

    static func section(_ input: DashboardModel, _ figures: ReportFigures) -> BodyNode {
        var figuresShown: [BodyNode] = [
            areaChart(figures), teamChart(figures), workerChart(figures), ageingChart(figures),
        ]
        if !input.trend.isEmpty { figuresShown.append(trendChart(input.trend)) }
        return Markup.element("section", [("aria-labelledby", "charts-heading")], [
            Markup.element("h2", [("id", "charts-heading")], text: "Where the findings are"),
            Markup.element("div", [("class", "charts")], figuresShown),
        ])
    }

    private static func areaChart(_ figures: ReportFigures) -> BodyNode {
        let severities = Array(Severity.allCases.reversed())
        let bars = figures.byAreaAndSeverity.map { area, counts in
            BarChart.Bar(label: area, segments: severities.map {
                BarChart.Segment(name: $0.rawValue, value: counts[$0] ?? 0, style: SeverityStyle.cssClass($0))
            })
        }
        let chart = BarChart(id: "chart-area", title: "Findings by area and severity",
                             description: summary(bars, noun: "areas"), bars: bars,
                             legend: severities.map { ($0.rawValue, SeverityStyle.cssClass($0)) })
        let rows = bars.map { bar in [bar.label] + bar.segments.map { String($0.value) } + [String(bar.total)] }
        return ChartFigure.figure(id: "figure-area", caption: "Findings by area and severity", chart: chart.svg(),
                                  headers: ["Area"] + severities.map(\.rawValue) + ["total"], rows: rows)
    }

    private static func teamChart(_ figures: ReportFigures) -> BodyNode {
        countFigure(id: "team", caption: "Findings by team", counts: figures.byTeam, noun: "teams", header: "Team")
    }

    private static func workerChart(_ figures: ReportFigures) -> BodyNode {
        let shown = Array(figures.byWorker.prefix(maxWorkerBars))
        let hidden = figures.byWorker.count - shown.count
        let note = hidden > 0 ? "The \(maxWorkerBars) workers with most findings are shown; \(hidden) more are in the findings table." : nil
        return countFigure(id: "worker", caption: "Findings by worker", counts: shown, noun: "workers", header: "Worker", note: note)
    }

    private static func ageingChart(_ figures: ReportFigures) -> BodyNode {
        let counts = figures.overdueByAge.map { ReportFigures.Count(label: $0.band.label, count: $0.count) }
        return countFigure(id: "ageing", caption: "Overdue items by how late they are", counts: counts, noun: "bands",
                           header: "Days late", style: "bar-overdue")
    }

    private static func countFigure(id: String, caption: String, counts: [ReportFigures.Count], noun: String,
                                    header: String, note: String? = nil, style: String = "bar") -> BodyNode {
        let bars = counts.map { BarChart.Bar(label: $0.label, segments: [BarChart.Segment(name: "findings", value: $0.count, style: style)]) }
        let chart = BarChart(id: "chart-\(id)", title: caption, description: summary(bars, noun: noun), bars: bars)
        return ChartFigure.figure(id: "figure-\(id)", caption: caption, chart: chart.svg(), headers: [header, "Count"],
                                  rows: counts.map { [$0.label, String($0.count)] }, note: note)
    }

    private static func trendChart(_ points: [TrendPoint]) -> BodyNode {
        let chart = TrendChart(id: "chart-trend", points: points)
        let rows = points.map { point in
            [point.asOf.isoString, String(point.openFindings), point.newFindings.map(String.init) ?? "–",
             point.resolvedFindings.map(String.init) ?? "–"]
        }
        return ChartFigure.figure(id: "figure-trend", caption: "Open findings run by run", chart: chart.svg(),
                                  headers: ["Run", "Open", "New", "Resolved"], rows: rows)
    }

    /// A sentence for the chart's description: how many bars and which is largest.
    private static func summary(_ bars: [BarChart.Bar], noun: String) -> String {
        guard let largest = bars.max(by: { $0.total < $1.total }), largest.total > 0 else { return "No findings." }
        return "\(bars.count) \(noun); the largest is \(largest.label) with \(largest.total). The table beside the chart gives every figure."
    }
}
