/// Text from case data made inert in Markdown: it shows as written and cannot become a
/// link, an image, emphasis, a heading, raw HTML or a new table cell.
enum MarkdownText {
    /// Characters with a meaning inside a line in CommonMark or GitHub-flavoured Markdown.
    /// Data is only ever written after other text on a line or in a table cell, so the
    /// characters that matter only at the start of a line (`#`, `-`, `1.`) need no escape.
    private static let punctuation: Set<Character> = ["\\", "`", "*", "_", "[", "]", "|", "~", "!"]

    /// Escapes `text` for a table cell or a line of prose: one line, pipes and markup
    /// backslash-escaped, `<`, `>` and `&` as entities so no HTML passes through.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in ReportText.singleLine(text) {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            default:
                if punctuation.contains(character) { result.append("\\") }
                result.append(character)
            }
        }
        return result
    }
}
