import Foundation

/// Rewords the expression checker's messages in the terms of a rule file: "'<=' cannot
/// compare a date with text" rather than "'<=' cannot be applied to date and string", with
/// a hint on how to write what was probably meant. Messages it does not recognise pass
/// through unchanged.
enum CompileErrorWording {
    static func reword(_ message: String, hint: String?) -> (String, String?) {
        if let name = capture(message, prefix: "undeclared reference to function '", suffix: "'") {
            return ("there is no function '\(name)'", hint)
        }
        if let name = capture(message, prefix: "undeclared reference to method '", suffix: "'") {
            return ("there is no method '.\(name)(...)'", hint)
        }
        if let (op, left, right) = operatorMismatch(message) {
            let l = words(left), r = words(right)
            let comparison = ["<", "<=", ">", ">=", "==", "!="].contains(op)
            let text = comparison ? "'\(op)' cannot compare \(l) with \(r)" : "'\(op)' cannot be used on \(l) and \(r)"
            return (text, hint ?? suggestion(op: op, left, right))
        }
        if message.hasPrefix("no overload of "), let open = message.range(of: " accepts ("), message.hasSuffix(")") {
            let what = String(message[message.index(message.startIndex, offsetBy: 15)..<open.lowerBound])
            let types = message[open.upperBound..<message.index(before: message.endIndex)]
                .split(separator: ",").map { words($0.trimmingCharacters(in: .whitespaces)) }
            func list(_ words: [String]) -> String { words.isEmpty ? "nothing" : words.joined(separator: " and ") }
            if let name = capture(what, prefix: "method '", suffix: "'"), let target = types.first {
                return ("'.\(name)(...)' on \(target) cannot take \(list(Array(types.dropFirst())))", hint)
            }
            let name = capture(what, prefix: "function '", suffix: "'") ?? what
            return ("'\(name)(...)' cannot take \(list(types))", hint)
        }
        if message.hasSuffix("found end of expression"), hint == nil {
            for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] where message.contains("'\(close)'") {
                return (message, "a '\(open)' is opened but never closed; add the missing '\(close)'")
            }
        }
        return (message, hint)
    }

    /// `'<=' cannot be applied to date and string` → ("<=", "date", "string").
    private static func operatorMismatch(_ message: String) -> (String, String, String)? {
        guard message.hasPrefix("'"), let end = message.dropFirst().firstIndex(of: "'") else { return nil }
        let op = String(message[message.index(after: message.startIndex)..<end])
        let rest = message[message.index(after: end)...]
        let lead = " cannot be applied to "
        guard rest.hasPrefix(lead), let and = rest.range(of: " and ") else { return nil }
        let left = String(rest[rest.index(rest.startIndex, offsetBy: lead.count)..<and.lowerBound])
        let right = String(rest[and.upperBound...])
        return (op, left, right)
    }

    /// A checker type name in words.
    static func words(_ type: String) -> String {
        switch type {
        case "date": return "a date"
        case "string": return "text"
        case "int", "uint": return "a whole number"
        case "double": return "a number"
        case "bool": return "true or false"
        case "null_type", "null": return "nothing (null)"
        case "dyn": return "a value"
        case "duration", "google.protobuf.Duration": return "a duration"
        case "span": return "a timescale"
        default:
            if type.hasPrefix("list") { return "a list" }
            if type.hasPrefix("map") { return "a map" }
            return "a record (\(type))"
        }
    }

    private static func suggestion(op: String, _ left: String, _ right: String) -> String? {
        let pair = Set([left, right])
        if pair == ["date", "string"] {
            return "write a date as date('2024-01-01'), or compare with another date field"
        }
        if pair.contains("date"), pair.contains("int") || pair.contains("uint") || pair.contains("double"), op == "+" || op == "-" {
            return "to move a date, use .addDays(n), .addWorkingDays(n) or .addMonths(n)"
        }
        if pair.contains("date"), pair.contains("int") {
            return "compare dates with dates; daysBetween(a, b) gives the days between two dates as a number"
        }
        return nil
    }

    private static func capture(_ text: String, prefix: String, suffix: String) -> String? {
        guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.count > prefix.count + suffix.count else { return nil }
        return String(text.dropFirst(prefix.count).dropLast(suffix.count))
    }
}
