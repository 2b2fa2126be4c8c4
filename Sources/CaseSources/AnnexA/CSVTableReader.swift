/// Reads CSV text (RFC 4180, as Excel writes it) into a ``SpreadsheetTable``: fields in
/// double quotes may hold commas, doubled quotes and line breaks; LF and CRLF line ends;
/// a UTF-8 byte order mark is dropped. Each row's number is the line it starts on, so that
/// a record with a quoted line break keeps the line a text editor shows.
enum CSVTableReader {
    /// A quote left open at the end of the file: the rows before it are still returned.
    struct UnclosedQuote: Equatable {
        var line: Int
    }

    static func read(_ bytes: [UInt8], name: String) -> (table: SpreadsheetTable, unclosedQuote: UnclosedQuote?) {
        var rows: [SpreadsheetRow] = []
        var index = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        var line = 1
        var field: [UInt8] = []
        var cells: [Int: SpreadsheetCell] = [:]
        var column = 0
        var rowStart = 1
        var inQuotes = false
        var quoteLine = 0
        var sawAnything = false

        func endField() {
            if !field.isEmpty { cells[column] = .text(String(decoding: field, as: UTF8.self)) }
            field.removeAll(keepingCapacity: true)
            column += 1
        }
        func endRow() {
            endField()
            rows.append(SpreadsheetRow(number: rowStart, cells: cells))
            cells = [:]
            column = 0
            sawAnything = false
        }

        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count && bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                sawAnything = true
                endField()
            case UInt8(ascii: "\""):
                sawAnything = true
                inQuotes = true
                quoteLine = line
            case UInt8(ascii: "\r") where index < bytes.count && bytes[index] == UInt8(ascii: "\n"):
                continue
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                endRow()
                line += 1
                rowStart = line
            default:
                sawAnything = true
                field.append(byte)
            }
        }
        if inQuotes {
            return (SpreadsheetTable(name: name, rows: rows), UnclosedQuote(line: quoteLine))
        }
        if sawAnything || !field.isEmpty { endRow() }
        return (SpreadsheetTable(name: name, rows: rows), nil)
    }
}
