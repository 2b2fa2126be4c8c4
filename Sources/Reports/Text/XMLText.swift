/// Text escaped for XML 1.0 element content or attribute values.
enum XMLText {
    /// Escapes the five special characters, and in attributes also tab and line breaks (as
    /// character references, so parsers do not normalise them to spaces). Characters XML 1.0
    /// forbids are replaced first, so the output always parses.
    static func escape(_ text: String, inAttribute: Bool = false) -> String {
        var result = ""
        for scalar in ReportText.neutralised(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\n" where inAttribute: result += "&#10;"
            case "\r": result += "&#13;"
            case "\t" where inAttribute: result += "&#9;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
