/// The report formats `casecheck run --format` offers from this module.
public enum ReportFormat: String, CaseIterable, Sendable {
    case html, csv, markdown, sarif, junit

    /// Options that only some formats use.
    public struct Options: Sendable {
        /// Start CSV with a UTF-8 byte-order mark, so Excel reads accents and emoji correctly.
        public var csvByteOrderMark: Bool

        public init(csvByteOrderMark: Bool = false) {
            self.csvByteOrderMark = csvByteOrderMark
        }
    }

    /// The renderer for this format.
    public func renderer(options: Options = Options()) -> any ReportRenderer {
        switch self {
        case .html: return HTMLDashboardRenderer()
        case .csv: return CSVRenderer(byteOrderMark: options.csvByteOrderMark)
        case .markdown: return MarkdownRenderer()
        case .sarif: return SARIFRenderer()
        case .junit: return JUnitRenderer()
        }
    }

    /// The usual file name extension, for suggesting output names.
    public var fileExtension: String {
        switch self {
        case .html: return "html"
        case .csv: return "csv"
        case .markdown: return "md"
        case .sarif: return "sarif"
        case .junit: return "xml"
        }
    }

    /// The format named `name` (case-insensitive; `md` and `xml` are accepted too), or nil.
    public init?(name: String) {
        switch name.lowercased() {
        case "md": self = .markdown
        case "xml": self = .junit
        default:
            guard let format = ReportFormat(rawValue: name.lowercased()) else { return nil }
            self = format
        }
    }
}
