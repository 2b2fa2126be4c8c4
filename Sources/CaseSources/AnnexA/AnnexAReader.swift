import CaseModel
import Foundation

/// Reads Ofsted Annex A case lists into canonical case records, one a child.
///
/// - Workbooks (`.xlsx`): every sheet is matched to a list by its name ("List 3") or,
///   failing that, by its header row; the header row may sit below title rows. Shared
///   and inline strings, formula cells (their last calculated value), Excel serial dates
///   (1900 system, with its phantom 29 February 1900, or 1904 when the workbook says so),
///   text dates (`31/12/2024`, `2024-12-31`), blanks and `#N/A` are read. A sheet that is
///   no Annex A list is warned about and passed over.
/// - CSV (`.csv`): one list a file, named by the file name ("Annex A List 3.csv") or else
///   found from its header row. Quoted fields, line breaks inside quotes, CRLF and a byte
///   order mark are read.
/// - Columns are matched by ``AnnexAColumnMap`` (built in: `rules/annex-a/columns.yaml.example`).
///   Each row adds an item to the child's record (List 3 `episodes`, 4 `assessments`,
///   5 `section47s`, 6 `cin_plans`, 7 `cp_plans`, 8 `care_periods` and `placements`, ...);
///   rows of one child on several lists are joined by child id. Items keep their sheet
///   and row (see ``AnnexAChild``).
/// - A cell that cannot be read (a date that is no date) is an error naming the list,
///   row, column header and value; that field is left empty and the rest loads. A row
///   with no child id is an error and left out. Blank required cells, unknown columns and
///   Excel errors other than `#N/A` are warnings. A file that is not a workbook (not a
///   zip, a zip without a workbook, damaged XML) is one error with line 0.
public enum AnnexAReader {
    /// Reads a workbook held in memory. `file` names it in locations.
    public static func readWorkbook(_ data: Data, file: String, columns: AnnexAColumnMap = .builtIn) -> AnnexAReadResult {
        if data.isEmpty { return emptyFile(file) }
        let workbook: XLSXWorkbook
        do {
            workbook = try XLSXWorkbook(data: data)
        } catch let e as WorkbookReadError {
            return AnnexAReadResult(children: [], diagnostics: [Diagnostic(.error, at: SourceLocation(file: file, line: 0), e.message, hint: e.hint)],
                                    skippedRows: 0)
        } catch {
            return AnnexAReadResult(children: [], diagnostics: [Diagnostic(.error, at: SourceLocation(file: file, line: 0),
                                                                           "the workbook could not be read: \(error)")], skippedRows: 0)
        }
        let assembler = AnnexAChildAssembler(map: columns)
        let matcher = AnnexAHeaderMatcher(map: columns)
        var extra: [Diagnostic] = []
        var listsFound = 0
        for sheet in workbook.sheets {
            let place = "\(file)#\(sheet.name)"
            guard !sheet.rows.allSatisfy(\.isEmpty) else { continue }
            guard let match = matcher.match(sheet) else {
                if let number = AnnexAHeaderText.listNumber(inName: sheet.name), let list = columns.list(number: number) {
                    let id = list.columns[matcher.idColumn(of: list)].header
                    extra.append(Diagnostic(.warning, at: SourceLocation(file: place, line: 0),
                                            "sheet '\(sheet.name)' has no '\(id)' column in its first \(matcher.headerSearchRows) rows; it is not read",
                                            hint: "every Annex A list starts with the child's id"))
                    continue
                }
                extra.append(Diagnostic(.warning, at: SourceLocation(file: place, line: 0),
                                        "sheet '\(sheet.name)' is not an Annex A list (no header row fits one); it is not read",
                                        hint: "name the sheet after its list (\"List 3\") and keep the template's column headers"))
                continue
            }
            listsFound += 1
            assembler.add(sheet, match, dateSystem: workbook.dateSystem, locatedIn: place)
        }
        if listsFound == 0 && extra.isEmpty {
            extra.append(Diagnostic(.warning, at: SourceLocation(file: file, line: 0), "the workbook has no Annex A lists"))
        }
        return AnnexAReadResult(children: assembler.children(recordFile: file), diagnostics: extra + assembler.diagnostics,
                                skippedRows: assembler.skippedRows)
    }

    /// Reads one Annex A list exported as CSV (UTF-8). `file` names it in locations and,
    /// when it names a list ("List 3"), says which list it is.
    public static func readCSV(_ bytes: [UInt8], file: String, columns: AnnexAColumnMap = .builtIn) -> AnnexAReadResult {
        readCSVFiles([(bytes: bytes, file: file)], columns: columns)
    }

    /// Reads several Annex A lists exported as CSV, one list a file, and joins their rows
    /// by child id as the sheets of a workbook are joined. A child's record is located in
    /// the file it first appears in (see ``AnnexAChild`` for its items).
    public static func readCSVFiles(_ files: [(bytes: [UInt8], file: String)], columns: AnnexAColumnMap = .builtIn) -> AnnexAReadResult {
        let assembler = AnnexAChildAssembler(map: columns)
        let matcher = AnnexAHeaderMatcher(map: columns)
        var diagnostics: [Diagnostic] = []
        for (raw, file) in files {
            let (bytes, converted) = CSVTextEncoding.utf8(from: raw)
            if converted {
                diagnostics.append(Diagnostic(.note, at: SourceLocation(file: file, line: 0),
                                              "the file is not UTF-8; it is read as Windows-1252 (Excel's plain CSV)"))
            }
            let (table, unclosed) = CSVTableReader.read(bytes, name: (file as NSString).lastPathComponent)
            if table.rows.allSatisfy(\.isEmpty) && unclosed == nil {
                diagnostics += emptyFile(file).diagnostics
                continue
            }
            if let match = matcher.match(table) {
                assembler.add(table, match, dateSystem: .from1900, locatedIn: file)
            } else if !table.rows.allSatisfy(\.isEmpty) {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: 0),
                                              "the file is not an Annex A list: no header row fits one",
                                              hint: "name the file after its list (\"List 3.csv\") and keep the template's column headers"))
            }
            diagnostics += assembler.takeDiagnostics()
            if let unclosed {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: file, line: unclosed.line),
                                              "a quoted field opened here is never closed; the rest of the file is not read",
                                              hint: "a double quote inside a quoted field is written twice (\"\")"))
            }
        }
        return AnnexAReadResult(children: assembler.children(recordFile: nil), diagnostics: diagnostics,
                                skippedRows: assembler.skippedRows)
    }

    /// As the other loaders say it.
    private static func emptyFile(_ file: String) -> AnnexAReadResult {
        AnnexAReadResult(children: [], diagnostics: [Diagnostic(.warning, at: SourceLocation(file: file, line: 0),
                                                                "the file is empty: it holds no case records")], skippedRows: 0)
    }
}
