import Foundation
import Reports

/// Sends a report to standard output, or to a file through ``ReportFile`` (owner-only, written
/// whole or not at all: case data is personal data about children).
enum ReportWriter {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try ReportFile.write(Data(text.utf8), to: path)
    }
}
