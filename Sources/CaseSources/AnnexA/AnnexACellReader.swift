import CEL
import CaseModel
import Foundation

/// Turns one cell into the value its column's kind calls for. Blank cells, `#N/A` (in a
/// workbook or written as text in a CSV) and `N/A` read as no value; anything that cannot
/// be read as the kind is a problem in words, for a diagnostic.
struct AnnexACellReader {
    var dateSystem: ExcelDateSystem

    enum Outcome {
        case value(Value)
        case blank
        /// Why the cell cannot be read, e.g. "'31/02/2024' is not a date: February 2024 has no day 31".
        case problem(String)
        /// A value kept, with a warning (an Excel error other than #N/A reads as blank with one).
        case blankWithWarning(String)
    }

    func read(_ cell: SpreadsheetCell, as kind: AnnexAColumnMap.ValueKind) -> Outcome {
        switch cell {
        case .blank:
            return .blank
        case .error(let code):
            if code.uppercased() == "#N/A" { return .blank }
            return .blankWithWarning("the cell holds the Excel error \(code); it is read as blank")
        case .bool(let b):
            if kind == .yesNo { return .value(.bool(b)) }
            return readText(b ? "TRUE" : "FALSE", kind: kind)
        case .number(let number, _):
            switch kind {
            case .date:
                switch dateSystem.date(fromSerial: number) {
                case .success(let date): return .value(.date(date))
                case .failure(let box):
                    switch box.problem {
                    case .phantomLeapDay:
                        return .problem("\(cell.displayText) is Excel's 29 February 1900, a day that never was")
                    case .notADay:
                        return .problem("\(cell.displayText) is not a date Excel can show")
                    }
                }
            case .int:
                guard number == number.rounded(), abs(number) < 1e15 else { return .problem("\(cell.displayText) is not a whole number") }
                return .value(.int(Int64(number)))
            default:
                return readText(cell.displayText, kind: kind)
            }
        case .text(let raw):
            return readText(raw, kind: kind)
        }
    }

    private func readText(_ raw: String, kind: AnnexAColumnMap.ValueKind) -> Outcome {
        let text = AnnexACellReader.tidy(raw)
        if text.isEmpty { return .blank }
        if text.utf8.count <= 4 {
            switch text.uppercased() {
            case "#N/A", "N/A", "NULL": return .blank
            default: break
            }
        }
        switch kind {
        case .text:
            return .value(.string(text))
        case .choice:
            return .value(.string(AnnexACellReader.withoutLabel(text)))
        case .code:
            return .value(.string(AnnexACellReader.code(in: text)))
        case .sex:
            return .value(.string(AnnexACellReader.sexCode(text)))
        case .abuseCategory:
            return .value(.string(AnnexACellReader.abuseCategory(text)))
        case .yesNo:
            switch AnnexACellReader.withoutLabel(text).lowercased() {
            case "yes", "y", "true", "1": return .value(.bool(true))
            case "no", "n", "false", "0": return .value(.bool(false))
            default: return .problem("'\(text)' is not yes or no")
            }
        case .int:
            if let n = Int64(text) { return .value(.int(n)) }
            if let d = Double(text), d == d.rounded(), abs(d) < 1e15 { return .value(.int(Int64(d))) }
            return .problem("'\(text)' is not a whole number")
        case .date:
            // A date exported as its serial number ("44090") or as yyyymmdd.
            if text.allSatisfy(\.isNumber) {
                if text.count == 8, let y = Int(text.prefix(4)), let m = Int(text.dropFirst(4).prefix(2)),
                   let d = Int(text.suffix(2)), let date = CalendarDate(year: y, month: m, day: d) {
                    return .value(.date(date))
                }
                if text.count <= 6, let serial = Double(text) { return read(.number(serial, text: text), as: .date) }
            }
            switch DateTextParser.parse(text) {
            case .success(let date): return .value(.date(date))
            case .failure(let box):
                switch box.failure {
                case .unrecognised:
                    return .problem("'\(text)' is not a date (write dates as dd/mm/yyyy or yyyy-mm-dd)")
                case .noSuchDay(let y, let m, let d):
                    if (1...12).contains(m) {
                        let name = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                    "October", "November", "December"][m - 1]
                        return .problem("'\(text)' is not a date: \(name) \(y) has no day \(d)")
                    }
                    return .problem("'\(text)' is not a date: there is no month \(m)")
                }
            }
        }
    }

    /// White space trimmed and runs of it (no-break spaces and line breaks included) made
    /// one space.
    static func tidy(_ text: String) -> String {
        if isTidyASCII(text) { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// True for plain ASCII text with single spaces between words and none at either
    /// end, which tidying leaves as it is; most cells are like that, and checking bytes is
    /// far cheaper than Unicode white space tests.
    private static func isTidyASCII(_ text: String) -> Bool {
        var previousWasSpace = true
        for byte in text.utf8 {
            if byte >= 0x80 || byte < 0x20 || byte == 0x7F { return false }
            let isSpace = byte == 0x20
            if isSpace && previousWasSpace { return false }
            previousWasSpace = isSpace
        }
        return !previousWasSpace || text.isEmpty
    }

    /// Text without a leading list label such as "a) " or "ab) ".
    static func withoutLabel(_ text: String) -> String {
        // Most cells have no label: settle that on the first bytes.
        var bytes = text.utf8.makeIterator()
        guard let b0 = bytes.next(), b0 >= 0x61 && b0 <= 0x7A, let b1 = bytes.next() else { return text }
        if b1 != 0x29 {
            guard b1 >= 0x61 && b1 <= 0x7A, bytes.next() == 0x29 else { return text }
        }
        let chars = Array(text)
        var i = 0
        while i < chars.count && i < 2 && chars[i].isLetter && chars[i].isLowercase { i += 1 }
        if i > 0 && i < chars.count && chars[i] == ")" {
            return tidy(String(chars[(i + 1)...]))
        }
        return text
    }

    /// The code at the front of "6: Police", "N1 - Abuse or Neglect", "U6: Foster
    /// placement" or "WBRI" (list label dropped first); the tidied text when there is none.
    static func code(in text: String) -> String {
        let body = withoutLabel(text)
        let token = body.prefix { $0.isLetter || $0.isNumber }
        guard !token.isEmpty, token.count <= 8 else { return body }
        let rest = body.dropFirst(token.count).drop(while: { $0 == " " })
        if rest.isEmpty { return String(token) }
        if let first = rest.first, first == ":" || first == "-" || first == "–" { return String(token) }
        return body
    }

    static func sexCode(_ text: String) -> String {
        switch withoutLabel(text).lowercased() {
        case "male", "m", "1", "boy": return "1"
        case "female", "f", "2", "girl": return "2"
        case "not known", "unknown", "not stated", "not stated/recorded", "not recorded", "0", "u": return "0"
        case "not specified", "indeterminate", "9": return "9"
        default: return withoutLabel(text)
        }
    }

    static func abuseCategory(_ text: String) -> String {
        let body = withoutLabel(text)
        let upper = body.uppercased()
        if ["NEG", "PHY", "EMO", "SAB", "MUL"].contains(upper) { return upper }
        let lower = body.lowercased()
        if lower.contains("multiple") || lower.contains("mixed") { return "MUL" }
        if lower.contains("neglect") { return "NEG" }
        if lower.contains("physical") { return "PHY" }
        if lower.contains("emotional") { return "EMO" }
        if lower.contains("sexual") { return "SAB" }
        return body
    }
}
