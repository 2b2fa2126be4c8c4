import Foundation

/// An `.xlsx` workbook read into tables: every worksheet in tab order, with the date
/// system its serial dates count from. Chart sheets and other non-worksheet tabs are
/// passed over.
struct XLSXWorkbook {
    var sheets: [SpreadsheetTable]
    var dateSystem: ExcelDateSystem

    init(data: Data) throws {
        let package = try XLSXPackage(data: data)
        var workbookPath = "xl/workbook.xml"
        if let rootRels = try package.part("_rels/.rels") {
            let rels = try XLSXRelationships.parse(rootRels, part: "_rels/.rels", baseFolder: "")
            if let target = rels.target(ofType: "officeDocument") { workbookPath = target }
        }
        guard let workbookData = try package.part(workbookPath) else {
            throw WorkbookReadError("the file is a zip archive but not an Excel workbook: it has no '\(workbookPath)'",
                                    hint: "save the Annex A lists from Excel as an .xlsx workbook")
        }
        let index = try XLSXWorkbookIndex.parse(workbookData, part: workbookPath)
        let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (workbookPath.split(separator: "/").last.map(String.init) ?? "") + ".rels"
        var rels = XLSXRelationships()
        if let relsData = try package.part(relsPath) {
            rels = try XLSXRelationships.parse(relsData, part: relsPath, baseFolder: folder)
        }
        var sharedStrings: [String] = []
        let stringsPath = rels.target(ofType: "sharedStrings") ?? (folder.isEmpty ? "" : folder + "/") + "sharedStrings.xml"
        if let stringsData = try package.part(stringsPath) {
            sharedStrings = try XLSXSharedStrings.parse(stringsData, part: stringsPath)
        }
        dateSystem = index.uses1904Dates ? .from1904 : .from1900
        sheets = []
        for (n, sheet) in index.sheets.enumerated() {
            let path: String
            if let rel = rels.byID[sheet.relationshipID] {
                guard rel.type.hasSuffix("/worksheet") else { continue }
                path = rel.target
            } else {
                path = (folder.isEmpty ? "" : folder + "/") + "worksheets/sheet\(n + 1).xml"
            }
            guard let sheetData = try package.part(path) else {
                throw WorkbookReadError("the workbook is damaged: sheet '\(sheet.name)' has no part '\(path)'",
                                        hint: "open it in Excel and save it again")
            }
            sheets.append(try XLSXSheetParser.parse(sheetData, part: path, name: sheet.name, sharedStrings: sharedStrings))
        }
    }
}
