import Foundation
import Rules

/// The CSV report of a run held in memory; see ``CSVReportWriter`` for the format.
public struct CSVRenderer: ReportRenderer {
    /// Start with a UTF-8 byte-order mark, which Excel needs to read UTF-8 correctly.
    public var byteOrderMark: Bool

    public init(byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
    }

    /// The header row, in column order.
    public static var columns: [String] { CSVReportWriter.columns }

    public func render(_ input: ReportInput) -> Data {
        ReportStreaming.render(input, with: CSVReportWriter(byteOrderMark: byteOrderMark))
    }
}
