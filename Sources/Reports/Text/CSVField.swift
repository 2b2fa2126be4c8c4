/// One CSV field, RFC 4180 style, safe to open in a spreadsheet.
enum CSVField {
    /// Characters that make a spreadsheet read a cell as a formula (or, for tab and carriage
    /// return, that some spreadsheets strip before looking for one).
    static let formulaStarters: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// A text field from case data: neutralised against formula injection by a leading
    /// apostrophe (as OWASP advises; Excel hides it) when it starts with a formula character,
    /// then quoted when it holds a comma, quote or line break.
    static func text(_ value: String) -> String {
        var safe = ReportText.neutralised(value)
        if let first = safe.first, formulaStarters.contains(first) || startsWithFormulaAfterSpace(safe) {
            safe = "'" + safe
        }
        return quotedIfNeeded(safe)
    }

    /// A number we computed ourselves: never a formula, so a minus sign stays a minus sign.
    static func number(_ value: Int?) -> String {
        value.map(String.init) ?? ""
    }

    static func quotedIfNeeded(_ value: String) -> String {
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Some spreadsheets skip leading spaces before deciding a cell is a formula.
    private static func startsWithFormulaAfterSpace(_ value: String) -> Bool {
        guard value.first == " " else { return false }
        guard let first = value.first(where: { $0 != " " }) else { return false }
        return formulaStarters.contains(first)
    }
}
