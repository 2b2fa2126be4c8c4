/// Why a text is not a duration such as `45 working days`. `message` quotes the text and says
/// what is wrong; `suggestion` is a corrected spelling when one is likely (`3 months` for
/// `3 monhts`), shown as "did you mean '3 months'?".
public struct CalendarSpanParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var message: String
    /// A corrected duration, when one is likely.
    public var suggestion: String?

    public init(text: String, message: String, suggestion: String? = nil) {
        self.text = text
        self.message = message
        self.suggestion = suggestion
    }

    /// "did you mean '3 months'?", or nil.
    public var hint: String? { suggestion.map { "did you mean '\($0)'?" } }

    /// The message followed by the hint, on one line.
    public var description: String {
        if let hint { return "\(message); \(hint)" }
        return message
    }
}
