import Foundation

/// Turns a run's findings into one output format. Renderers are pure: the same input gives
/// byte-identical output.
public protocol ReportRenderer: Sendable {
    /// The output, encoded as UTF-8 (with a byte-order mark where the renderer was asked for one).
    func render(_ input: ReportInput) -> Data
}
