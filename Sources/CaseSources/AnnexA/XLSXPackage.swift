import Foundation
import ZIPFoundation

/// The zip container of an `.xlsx` workbook, read from memory. Parts are inflated one at a
/// time, with a size limit so that a "zip bomb" is refused instead of filling memory.
struct XLSXPackage {
    /// Largest part (worksheet, shared strings) inflated; real Annex A sheets are a few MB.
    static let maxPartSize = 256 << 20

    private let archive: Archive

    init(data: Data) throws {
        guard data.count >= 4, data[data.startIndex] == 0x50, data[data.startIndex + 1] == 0x4B else {
            throw WorkbookReadError("the file is not an Excel workbook (.xlsx): it is not a zip archive",
                                    hint: "an old .xls workbook or a CSV file renamed to .xlsx? Save it from Excel as .xlsx")
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw WorkbookReadError("the workbook is damaged: its zip archive cannot be opened",
                                    hint: "open it in Excel and save it again")
        }
    }

    /// Whether the archive holds a part at `path` (no leading slash).
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The bytes of the part at `path`, or nil when there is no such part.
    func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        var data = Data()
        let limit = XLSXPackage.maxPartSize
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard data.count + chunk.count <= limit else { throw WorkbookReadError("too big") }
                data.append(chunk)
            }
        } catch let e as WorkbookReadError where e.message == "too big" {
            throw WorkbookReadError("the workbook part '\(path)' is larger than \(limit >> 20) MB once unpacked; it is not read")
        } catch {
            throw WorkbookReadError("the workbook is damaged: its part '\(path)' cannot be unpacked",
                                    hint: "open it in Excel and save it again")
        }
        return data
    }
}
