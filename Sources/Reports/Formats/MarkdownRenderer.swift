import Foundation

/// The Markdown report of a run held in memory; see ``MarkdownReportWriter``.
public struct MarkdownRenderer: ReportRenderer {
    public init() {}

    public func render(_ input: ReportInput) -> Data { ReportStreaming.render(input, with: MarkdownReportWriter()) }
}
