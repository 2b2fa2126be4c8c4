import Foundation

/// Compiled regular expressions for `matches`, kept by pattern: a rule applies the same
/// pattern to every record, and compiling it each time would dominate the cost.
///
/// CEL specifies RE2 syntax; Foundation's ICU engine accepts a superset of it, so valid RE2
/// patterns behave as RE2 says. RE2's `(?P<name>...)` group syntax is translated.
final class RegexCache: @unchecked Sendable {
    static let shared = RegexCache()

    private let lock = NSLock()
    private var compiled: [String: NSRegularExpression] = [:]
    private let capacity = 512

    /// The compiled pattern, or a message saying why it is not a valid regular expression.
    func regex(_ pattern: String) -> Result<NSRegularExpression, EvalError> {
        lock.lock()
        if let r = compiled[pattern] {
            lock.unlock()
            return .success(r)
        }
        lock.unlock()
        // ICU rejects an empty pattern; RE2 takes it as matching the empty string.
        let icuPattern = pattern.isEmpty ? "(?:)" : pattern.replacingOccurrences(of: "(?P<", with: "(?<")
        guard let r = try? NSRegularExpression(pattern: icuPattern) else {
            return .failure(EvalError(.invalidArgument, "'\(pattern)' is not a valid regular expression"))
        }
        lock.lock()
        if compiled.count >= capacity { compiled.removeAll(keepingCapacity: true) }
        compiled[pattern] = r
        lock.unlock()
        return .success(r)
    }

    /// Whether `pattern` matches anywhere in `text` (RE2's partial match, as CEL requires).
    func matches(_ text: String, _ pattern: String) -> Value {
        switch regex(pattern) {
        case .failure(let error): return .error(error)
        case .success(let r):
            let range = NSRange(location: 0, length: text.utf16.count)
            return .bool(r.firstMatch(in: text, options: [], range: range) != nil)
        }
    }
}
