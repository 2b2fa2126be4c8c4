import Foundation
import Foundation
import Plot

/// The dashboard a head of service opens from an email: one self-contained HTML file
/// (inline CSS and SVG, one small inline script, nothing fetched) with headline figures,
/// charts, a filterable table of findings and the rules behind them. Built with Plot; every
/// value from case data is escaped (see `Markup`), and a Content-Security-Policy allows
/// only the page's own style and script.
enum HTMLDashboardPage {
    /// The page as text.
    static func document(_ input: DashboardModel) -> String {
        let anchors = RuleAnchors(input.rules)
        let figures = input.figures
        let policy = ContentSecurityPolicy.policy(style: DashboardStyle.css, script: DashboardScript.javascript)
        var subtitle = "\(input.tool.name) \(input.tool.version)"
        if let generatedAt = input.generatedAt { subtitle += ", generated \(generatedAt)" }
        let body: [BodyNode] = [
            Markup.element("header", [], [
                Markup.element("h1", text: "Health check as of \(input.asOf.isoString)"),
                Markup.element("p", [("class", "subtitle")], text: subtitle),
            ]),
            Markup.element("main", [], [
                HeadlineSection.section(input, figures),
                OwnersSection.section(input),
                ChartsSection.section(input, figures),
                FindingsTableSection.section(input, figures, anchors: anchors),
            ] + [ResolvedSection.section(input)].compactMap { $0 } + [
                RulesSection.section(input, anchors: anchors),
            ]),
            Markup.element("footer", [], [
                Markup.element("p", text: "This report holds personal data about children. Keep it secure and share it only as your information-sharing policy allows."),
            ]),
            .element(named: "script", nodes: [.raw(DashboardScript.javascript)]),
        ]
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.attribute(named: "http-equiv", value: "Content-Security-Policy"), .content(Markup.escapeAttribute(policy))),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.name("referrer"), .content("no-referrer")),
                .element(named: "title", text: "Health check as of \(input.asOf.isoString)"),
                .style(DashboardStyle.css)
            ),
            .body(.group(body))
        )
        return html.render(indentedBy: .spaces(1)) + "\n"
    }
}

/// The dashboard of a run held in memory; see ``HTMLDashboardWriter``.
public struct HTMLDashboardRenderer: ReportRenderer {
    /// Rows the findings table shows at most.
    public var rowCap: Int

    public init(rowCap: Int = HTMLDashboardWriter.defaultRowCap) {
        self.rowCap = rowCap
    }

    public func render(_ input: ReportInput) -> Data {
        ReportStreaming.render(input, with: HTMLDashboardWriter(rowCap: rowCap))
    }

    /// The page as text.
    public func document(_ input: ReportInput) -> String {
        String(decoding: render(input), as: UTF8.self)
    }
}
