import CEL
import CaseModel
import CaseSources
import Foundation
import XCTest

/// Writes zip archives with stored (uncompressed) entries: enough to build small `.xlsx`
/// workbooks in a test without depending on the zip library under test.
enum StoredZipWriter {
    static func archive(_ entries: [(path: String, data: Data)]) -> Data {
        var out = Data()
        var central = Data()
        for (path, data) in entries {
            let name = Data(path.utf8)
            let crc = crc32(data)
            let offset = UInt32(out.count)
            out.append(le32(0x0403_4B50)); out.append(le16(20)); out.append(le16(0)); out.append(le16(0))
            out.append(le16(0)); out.append(le16(0x21))
            out.append(le32(crc)); out.append(le32(UInt32(data.count))); out.append(le32(UInt32(data.count)))
            out.append(le16(UInt16(name.count))); out.append(le16(0))
            out.append(name); out.append(data)
            central.append(le32(0x0201_4B50)); central.append(le16(20)); central.append(le16(20)); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0)); central.append(le16(0x21))
            central.append(le32(crc)); central.append(le32(UInt32(data.count))); central.append(le32(UInt32(data.count)))
            central.append(le16(UInt16(name.count))); central.append(le16(0)); central.append(le16(0))
            central.append(le16(0)); central.append(le16(0)); central.append(le32(0)); central.append(le32(offset))
            central.append(name)
        }
        let centralOffset = UInt32(out.count)
        out.append(central)
        out.append(le32(0x0605_4B50)); out.append(le16(0)); out.append(le16(0))
        out.append(le16(UInt16(entries.count))); out.append(le16(UInt16(entries.count)))
        out.append(le32(UInt32(central.count))); out.append(le32(centralOffset)); out.append(le16(0))
        return out
    }

    private static func le16(_ v: UInt16) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8)]) }
    private static func le32(_ v: UInt32) -> Data { Data((0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) }) }

    private static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}

/// A small workbook written cell by cell, for tests: `.text` cells go to the shared
/// string table, `.inline` ones are inline strings, `.number` raw numbers (serial dates),
/// `.error` Excel errors, `.formula` a formula with its cached value.
struct TestWorkbook {
    enum Cell {
        case text(String)
        case inline(String)
        case number(String)
        case error(String)
        case formula(String, cached: String)
        case bool(Bool)
    }

    var sheets: [(name: String, rows: [[Cell?]])] = []
    var uses1904Dates = false

    func data() -> Data {
        var strings: [String] = []
        func xml(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        func column(_ n: Int) -> String {
            var n = n + 1, s = ""
            while n > 0 { let r = (n - 1) % 26; s = String(UnicodeScalar(65 + r)!) + s; n = (n - 1) / 26 }
            return s
        }
        var parts: [(String, Data)] = []
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var sheetEntries = "", rels = ""
        for (i, sheet) in sheets.enumerated() {
            var body = ""
            for (r, row) in sheet.rows.enumerated() {
                body += "<row r=\"\(r + 1)\">"
                for (c, cell) in row.enumerated() {
                    guard let cell else { continue }
                    let ref = "\(column(c))\(r + 1)"
                    switch cell {
                    case .text(let s):
                        strings.append(s)
                        body += "<c r=\"\(ref)\" t=\"s\"><v>\(strings.count - 1)</v></c>"
                    case .inline(let s): body += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(xml(s))</t></is></c>"
                    case .number(let v): body += "<c r=\"\(ref)\" s=\"1\"><v>\(v)</v></c>"
                    case .error(let e): body += "<c r=\"\(ref)\" t=\"e\"><v>\(xml(e))</v></c>"
                    case .formula(let f, let v): body += "<c r=\"\(ref)\"><f>\(xml(f))</f><v>\(v)</v></c>"
                    case .bool(let b): body += "<c r=\"\(ref)\" t=\"b\"><v>\(b ? 1 : 0)</v></c>"
                    }
                }
                body += "</row>"
            }
            parts.append(("xl/worksheets/sheet\(i + 1).xml",
                          Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(ns)\"><sheetData>\(body)</sheetData></worksheet>".utf8)))
            sheetEntries += "<sheet name=\"\(xml(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rns)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        rels += "<Relationship Id=\"rIdS\" Type=\"\(rns)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        let sst = strings.map { "<si><t xml:space=\"preserve\">\(xml($0))</t></si>" }.joined()
        let pr = uses1904Dates ? "<workbookPr date1904=\"1\"/>" : "<workbookPr/>"
        var all: [(String, Data)] = [
            ("[Content_Types].xml", Data("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            ("_rels/.rels", Data("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rns)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".utf8)),
            ("xl/workbook.xml", Data("<?xml version=\"1.0\"?><workbook xmlns=\"\(ns)\" xmlns:r=\"\(rns)\">\(pr)<sheets>\(sheetEntries)</sheets></workbook>".utf8)),
            ("xl/_rels/workbook.xml.rels", Data("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(rels)</Relationships>".utf8)),
            ("xl/sharedStrings.xml", Data("<?xml version=\"1.0\"?><sst xmlns=\"\(ns)\" count=\"\(strings.count)\">\(sst)</sst>".utf8)),
        ]
        all += parts
        return StoredZipWriter.archive(all.map { (path: $0.0, data: $0.1) })
    }
}

enum AnnexAFixture {
    /// The package root, from this file's path.
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The shared sample workbook, or a skip when the shared folder is absent.
    static func sharedWorkbookPath() throws -> String {
        let path = packageRoot.appendingPathComponent("../shared/formats/annex-a/Annex_A.xlsx").standardized.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw XCTSkip("the shared Annex A sample (\(path)) is not there; this test needs ../shared/formats/annex-a/Annex_A.xlsx")
        }
        return path
    }

    /// The real case schema, rules/schema.yaml.
    static func schema() throws -> CaseSchema {
        try CaseSchema.load(path: packageRoot.appendingPathComponent("rules/schema.yaml").path).get()
    }
}

extension Value {
    /// The field `name` of a map value, or nil.
    subscript(field name: String) -> Value? {
        guard case .map(let m) = self else { return nil }
        return m[string: name]
    }

    /// Item `n` of a list value, or nil.
    subscript(item n: Int) -> Value? {
        guard case .list(let items) = self, n < items.count else { return nil }
        return items[n]
    }

    /// The dates of a list of dates; nil when not a list or an item is no date.
    var dates: [CalendarDate]? {
        guard case .list(let items) = self else { return nil }
        let dates = items.compactMap(\.asDate)
        return dates.count == items.count ? dates : nil
    }

    var textValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

extension CalendarDate {
    init(_ iso: String) { self = CalendarDate(iso: iso)! }
}
