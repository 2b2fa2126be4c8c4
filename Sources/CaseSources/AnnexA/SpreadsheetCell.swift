/// One cell of a worksheet or CSV file, as stored, before any column's meaning is applied.
enum SpreadsheetCell: Equatable, Sendable {
    /// No value: an absent or empty cell, or a formula never calculated.
    case blank
    /// A number; `text` is how the file wrote it, so that an id such as `0012` read from
    /// text keeps its zeros and a stored `9212044` reads back without a decimal point.
    case number(Double, text: String)
    /// Text: a shared or inline string, a formula's text result, or any CSV field.
    case text(String)
    case bool(Bool)
    /// An Excel error value such as `#N/A` or `#REF!`.
    case error(String)

    /// The cell as text, for messages and for text columns: integral numbers without a
    /// decimal point, errors as Excel shows them.
    var displayText: String {
        switch self {
        case .blank: return ""
        case .number(let value, let text):
            if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return text
        case .text(let s): return s
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .error(let e): return e
        }
    }
}

/// One row of a sheet or CSV file: its 1-based row number (the CSV line the record starts
/// on) and its cells by 0-based column.
struct SpreadsheetRow: Sendable {
    var number: Int
    var cells: [Int: SpreadsheetCell]

    /// True when no cell holds anything but blanks and white space.
    var isEmpty: Bool {
        cells.values.allSatisfy {
            // Bytes first: a visible ASCII character settles it without Unicode tables.
            if case .text(let s) = $0 { return !s.utf8.contains { $0 > 0x20 && $0 < 0x7F } && s.allSatisfy(\.isWhitespace) }
            return $0 == .blank
        }
    }
}

/// A sheet of a workbook or a whole CSV file: its name and its rows in order.
struct SpreadsheetTable: Sendable {
    var name: String
    var rows: [SpreadsheetRow]
}
