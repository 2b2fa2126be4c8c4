import CaseModel
import Foundation

/// Feeds an Annex A workbook, or the Annex A CSV files of one folder, to ``CaseReader``. Joining children across
/// lists needs every list read first, so the file is read whole on the first call; Annex
/// A files are small (a few thousand rows), and only the resulting records are kept.
final class AnnexAFileSource: CaseFileSource {
    private let load: () -> AnnexAReadResult
    private var handedOut = false

    init(workbook data: Data, file: String, columns: AnnexAColumnMap) {
        load = { AnnexAReader.readWorkbook(data, file: file, columns: columns) }
    }

    /// CSV lists read together, so that a child's rows on several lists make one record.
    init(csvFiles files: [(bytes: [UInt8], file: String)], columns: AnnexAColumnMap) {
        load = { AnnexAReader.readCSVFiles(files, columns: columns) }
    }

    func nextEvents() -> [LoadEvent]? {
        guard !handedOut else { return nil }
        handedOut = true
        let result = load()
        var events = result.diagnostics.map(LoadEvent.diagnostic)
        events += Array(repeating: LoadEvent.skipped, count: result.skippedRows)
        events += result.children.map { LoadEvent.record($0.record) }
        return events
    }
}
