import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads a worksheet part's `sheetData` into rows of ``SpreadsheetCell``s. Formula cells
/// give their cached result (`<v>`); a formula never calculated reads as blank. Row and
/// column positions come from the `r` attributes (`<row r="5">`, `<c r="AB5">`), or follow
/// on from the previous ones where a writer left them out.
enum XLSXSheetParser {
    static func parse(_ data: Data, part: String, name: String, sharedStrings: [String]) throws -> SpreadsheetTable {
        let collector = Collector(sharedStrings: sharedStrings)
        try XMLPartParser.parse(data, part: part, with: collector)
        return SpreadsheetTable(name: name, rows: collector.rows)
    }

    /// The 0-based column of a cell reference such as `AB12` (27); nil when it has no letters.
    static func column(ofReference reference: String) -> Int? {
        var column = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            let v = scalar.value
            if v >= 65 && v <= 90 { column = column * 26 + Int(v - 64) } else if v >= 97 && v <= 122 { column = column * 26 + Int(v - 96) } else { break }
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : column - 1
    }

    private final class Collector: XMLPartCollector {
        let sharedStrings: [String]
        var rows: [SpreadsheetRow] = []

        private var rowNumber = 0
        private var cells: [Int: SpreadsheetCell] = [:]
        private var inRow = false
        private var column = -1
        private var type = ""
        private var value: String?
        private var inlineText: String?
        private var collecting = false
        private var inInlineString = false
        private var phoneticDepth = 0

        init(sharedStrings: [String]) { self.sharedStrings = sharedStrings }

        override func open(_ name: Substring, _ attributes: [String: String]) {
            switch name {
            case "row":
                inRow = true
                rowNumber = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
                cells = [:]
                column = -1
            case "c" where inRow:
                column = attributes["r"].flatMap(XLSXSheetParser.column(ofReference:)) ?? column + 1
                type = attributes["t"] ?? "n"
                value = nil
                inlineText = nil
            case "v" where inRow:
                value = ""
                collecting = true
            case "is" where inRow:
                inInlineString = true
                inlineText = ""
            case "rPh":
                phoneticDepth += 1
            case "t" where inInlineString && phoneticDepth == 0:
                collecting = true
            default:
                break
            }
        }

        override func close(_ name: Substring) {
            switch name {
            case "row" where inRow:
                rows.append(SpreadsheetRow(number: rowNumber, cells: cells))
                inRow = false
            case "c" where inRow:
                if column >= 0 { cells[column] = cell() }
            case "v", "t":
                collecting = false
            case "is":
                inInlineString = false
            case "rPh":
                phoneticDepth -= 1
            default:
                break
            }
        }

        override func text(_ string: String) {
            guard collecting else { return }
            if inInlineString { inlineText? += string } else { value? += string }
        }

        private func cell() -> SpreadsheetCell {
            switch type {
            case "inlineStr":
                guard let text = inlineText ?? value else { return .blank }
                return text.isEmpty ? .blank : .text(text)
            case "s":
                guard let v = value, let index = Int(v) ?? Int(v.trimmingCharacters(in: .whitespaces)) else { return .blank }
                guard index >= 0 && index < sharedStrings.count else { return .error("#MISSING-STRING(\(index))") }
                let text = sharedStrings[index]
                return text.isEmpty ? .blank : .text(text)
            case "str", "d":
                guard let v = value, !v.isEmpty else { return .blank }
                return .text(v)
            case "b":
                guard let v = value else { return .blank }
                return .bool(v.trimmingCharacters(in: .whitespaces) == "1")
            case "e":
                guard let v = value else { return .blank }
                return .error(v)
            default:
                guard let raw = value else { return .blank }
                if let number = Double(raw) { return .number(number, text: raw) }
                let v = raw.trimmingCharacters(in: .whitespaces)
                if v.isEmpty { return .blank }
                if let number = Double(v) { return .number(number, text: v) }
                return .text(v)
            }
        }
    }
}
