/// Every format a run's findings can be written in, each a ``StreamingReportWriter``.
public enum ReportOutputFormat: String, CaseIterable, Sendable {
    case text, json, ndjson, html, csv, markdown, sarif, junit

    /// Options that only some formats use.
    public struct Options: Sendable {
        /// Colour the text report (for a terminal).
        public var colour: Colour
        /// Start CSV with a UTF-8 byte-order mark, so Excel reads accents and emoji correctly.
        public var csvByteOrderMark: Bool
        /// Rows the HTML dashboard's findings table shows at most.
        public var dashboardRowCap: Int
        /// The folder SARIF's `%SRCROOT%` stands for; nil leaves it to the reader.
        public var sarifRoot: String?

        public init(colour: Colour = Colour(enabled: false), csvByteOrderMark: Bool = false,
                    dashboardRowCap: Int = HTMLDashboardWriter.defaultRowCap, sarifRoot: String? = nil) {
            self.colour = colour
            self.csvByteOrderMark = csvByteOrderMark
            self.dashboardRowCap = dashboardRowCap
            self.sarifRoot = sarifRoot
        }
    }

    /// A new writer for this format.
    public func writer(options: Options = Options()) -> any StreamingReportWriter {
        switch self {
        case .text: return TextReportWriter(colour: options.colour)
        case .json: return JSONReportWriter()
        case .ndjson: return NDJSONReportWriter()
        case .html: return HTMLDashboardWriter(rowCap: options.dashboardRowCap)
        case .csv: return CSVReportWriter(byteOrderMark: options.csvByteOrderMark)
        case .markdown: return MarkdownReportWriter()
        case .sarif: return SARIFReportWriter(root: options.sarifRoot)
        case .junit: return JUnitReportWriter()
        }
    }

    /// The usual file name extension, for suggesting output names.
    public var fileExtension: String {
        switch self {
        case .text: return "txt"
        case .json: return "json"
        case .ndjson: return "ndjson"
        case .html: return "html"
        case .csv: return "csv"
        case .markdown: return "md"
        case .sarif: return "sarif"
        case .junit: return "xml"
        }
    }
}
