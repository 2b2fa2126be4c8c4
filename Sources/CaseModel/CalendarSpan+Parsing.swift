import CEL

/// Reading durations as rule writers type them: `45 working days`, `6 weeks`, `3 months`,
/// `1 year`. Case does not matter, extra spaces are ignored, singular and plural are both
/// accepted. Anything else is an error with a did-you-mean suggestion where one is likely.
extension CalendarSpan {
    /// Parses a duration.
    /// - Throws: ``CalendarSpanParseError`` with a message and, where likely, a suggestion.
    public init(parsing text: String) throws {
        let words = CalendarSpan.words(of: text)
        guard !words.isEmpty else {
            throw CalendarSpanParseError(text: text, message: "a duration is empty; write one such as '45 working days' or '3 months'")
        }
        guard let amount = CalendarSpan.integer(words[0]) else {
            throw CalendarSpan.badAmount(text: text, words: words)
        }
        let unitText = words.dropFirst().joined(separator: " ")
        guard !unitText.isEmpty else {
            throw CalendarSpanParseError(
                text: text, message: "'\(text)' has a number but no unit; add days, working days, weeks, months or years",
                suggestion: "\(amount) days")
        }
        guard let unit = CalendarSpan.unitsByWord[unitText] else {
            let guess = CalendarSpan.guessUnit(unitText)
            throw CalendarSpanParseError(
                text: text,
                message: "'\(text)' is not a duration: '\(unitText)' is not a unit (use days, working days, weeks, months or years)",
                suggestion: guess.map { CalendarSpan(amount, $0).description })
        }
        self.init(amount, unit)
    }

    /// Splits on spaces and between a number and a word (`3months` reads as `3 months`),
    /// lower-cased.
    private static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var currentIsNumber = false
        for ch in text.lowercased() {
            if ch.isWhitespace {
                if !current.isEmpty { words.append(current); current = "" }
                continue
            }
            let startsNumber = ch == "-" && current.isEmpty && words.isEmpty
            let continuesNumber = ch == "." && currentIsNumber && !current.isEmpty
            let isNumberChar = ch.isASCII && (ch.isNumber || startsNumber || continuesNumber)
            if !current.isEmpty && currentIsNumber && !isNumberChar {
                words.append(current)
                current = ""
            }
            if current.isEmpty { currentIsNumber = isNumberChar }
            current.append(ch)
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    private static func integer(_ word: String) -> Int? {
        guard word.first != "+", let n = Int(word), abs(n) <= 1_000_000 else { return nil }
        return n
    }

    private static let unitsByWord: [String: Unit] = [
        "day": .days, "days": .days,
        "working day": .workingDays, "working days": .workingDays,
        "week": .weeks, "weeks": .weeks,
        "month": .months, "months": .months,
        "year": .years, "years": .years,
    ]

    /// Words people use for a unit that we do not accept, to suggest the unit we mean.
    private static let synonyms: [String: Unit] = [
        "d": .days, "calendar day": .days, "calendar days": .days,
        "workday": .workingDays, "workdays": .workingDays, "work day": .workingDays, "work days": .workingDays,
        "working-day": .workingDays, "working-days": .workingDays, "workingday": .workingDays,
        "workingdays": .workingDays, "business day": .workingDays, "business days": .workingDays,
        "wd": .workingDays, "w": .weeks, "wk": .weeks, "wks": .weeks,
        "m": .months, "mo": .months, "mos": .months, "mth": .months, "mths": .months,
        "calendar month": .months, "calendar months": .months,
        "y": .years, "yr": .years, "yrs": .years,
    ]

    private static let numberWords: [String: Int] = [
        "zero": 0, "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
        "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
        "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    ]

    private static func guessUnit(_ word: String) -> Unit? {
        if let u = synonyms[word] { return u }
        return Suggestion.closest(to: word, among: unitsByWord.keys.sorted()).flatMap { unitsByWord[$0] }
    }

    private static func badAmount(text: String, words: [String]) -> CalendarSpanParseError {
        let rest = words.dropFirst().joined(separator: " ")
        if let n = numberWords[words[0]] {
            let unit = rest.isEmpty ? nil : (unitsByWord[rest] ?? guessUnit(rest))
            return CalendarSpanParseError(
                text: text, message: "'\(text)' is not a duration: write the number in digits",
                suggestion: unit.map { CalendarSpan(n, $0).description })
        }
        if words.count == 1, let unit = unitsByWord[words[0]] ?? guessUnit(words[0]) {
            return CalendarSpanParseError(
                text: text, message: "'\(text)' is not a duration: it needs a number before the unit",
                suggestion: CalendarSpan(1, unit).description)
        }
        if let big = Int(words[0]), abs(big) > 1_000_000 {
            return CalendarSpanParseError(
                text: text, message: "'\(text)' is not a duration: \(big) is too large (at most 1000000)")
        }
        if words[0].contains("."), let value = Double(words[0]) {
            return CalendarSpanParseError(
                text: text, message: "'\(text)' is not a duration: use a whole number (\(value) is not one)")
        }
        return CalendarSpanParseError(
            text: text, message: "'\(text)' is not a duration; write a whole number and a unit, such as '45 working days' or '3 months'")
    }
}
