import Foundation
import CaseModel

/// Reads dates written as text in the forms UK case systems and Excel exports use:
/// `31/12/2024`, `31-12-2024`, `31.12.2024` (day first, as in the UK), `2024-12-31`
/// (ISO, optionally followed by a time), `31 Dec 2024`, `31-Dec-2024`, `31 December 2024`.
/// A time of day after the date (`31/12/2024 00:00`) is ignored. Years have four digits:
/// `01/02/24` is refused rather than guessed.
enum DateTextParser {
    enum Failure: Equatable {
        /// Not in any date form.
        case unrecognised
        /// In a date form, but no such day (`31/02/2024`).
        case noSuchDay(year: Int, month: Int, day: Int)
    }

    static func parse(_ raw: String) -> Result<CalendarDate, FailureBox> {
        var text = raw.trimmingCharacters(in: .whitespaces)
        // Drop a time of day: "2024-03-01T00:00:00", "01/03/2024 09:30".
        if let t = text.firstIndex(where: { $0 == "T" || $0 == " " }), text[..<t].contains(where: { $0 == "-" || $0 == "/" || $0 == "." }),
           text[text.index(after: t)...].first?.isNumber == true {
            text = String(text[..<t])
        }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." || $0 == " " }).map(String.init)
        guard parts.count == 3 else { return .failure(FailureBox(.unrecognised)) }
        let year: Int, month: Int, day: Int
        if parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
            (year, month, day) = (y, m, d)
        } else if parts[2].count == 4, let y = Int(parts[2]), let d = Int(parts[0]), parts[0].count <= 2 {
            guard let m = Int(parts[1]).flatMap({ parts[1].count <= 2 ? $0 : nil }) ?? monthNumber(parts[1]) else {
                return .failure(FailureBox(.unrecognised))
            }
            (year, month, day) = (y, m, d)
        } else {
            return .failure(FailureBox(.unrecognised))
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            return .failure(FailureBox(.noSuchDay(year: year, month: month, day: day)))
        }
        return .success(date)
    }

    private static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// 1...12 for an English month name or its first three letters (`Sept` too).
    static func monthNumber(_ word: String) -> Int? {
        let w = word.lowercased()
        guard w.count >= 3, let n = monthNames.firstIndex(of: String(w.prefix(3))) else { return nil }
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                    "november", "december"][n]
        return full.hasPrefix(w) || w == "sept" ? n + 1 : nil
    }

    /// ``Failure`` as an `Error`, for `Result`.
    struct FailureBox: Error, Equatable {
        var failure: Failure
        init(_ failure: Failure) { self.failure = failure }
    }
}
