import Foundation

/// Compiled regular expressions for `matches`, kept by pattern: a rule applies the same
/// pattern to every record, and compiling it each time would dominate the cost.
///
/// CEL specifies RE2 syntax; patterns go through ``RE2Dialect`` on their way to Foundation's
/// ICU engine so that they mean what RE2 says.
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
        if let feature = RE2Dialect.unsupportedFeature(in: pattern) {
            return .failure(EvalError(.invalidArgument, "'\(pattern)' is not a valid regular expression: \(feature)"))
        }
        guard let r = try? NSRegularExpression(pattern: RE2Dialect.icuPattern(for: pattern)) else {
            return .failure(EvalError(.invalidArgument, "'\(pattern)' is not a valid regular expression"))
        }
        lock.lock()
        if compiled.count >= capacity { compiled.removeAll(keepingCapacity: true) }
        compiled[pattern] = r
        lock.unlock()
        return .success(r)
    }

    /// How long one match may run. ICU backtracks, so a pattern such as `(a+)+$` can take
    /// exponential time; RE2 cannot. Past this limit the match is an error, not a hang.
    static let timeLimitNanoseconds: UInt64 = 250_000_000

    private var simple: [String: AnchoredClassPattern?] = [:]

    /// The pattern as an ``AnchoredClassPattern`` when it is one (remembered either way).
    private func anchoredClassPattern(_ pattern: String) -> AnchoredClassPattern? {
        lock.lock()
        defer { lock.unlock() }
        if let known = simple[pattern] { return known }
        if simple.count >= capacity { simple.removeAll(keepingCapacity: true) }
        let made = AnchoredClassPattern(pattern)
        simple[pattern] = made
        return made
    }

    /// Whether `pattern` matches anywhere in `text` (RE2's partial match, as CEL requires).
    func matches(_ text: String, _ pattern: String) -> Value {
        if let quick = anchoredClassPattern(pattern) { return .bool(quick.matches(text)) }
        switch regex(pattern) {
        case .failure(let error): return .error(error)
        case .success(let r):
            let range = NSRange(location: 0, length: text.utf16.count)
            let start = DispatchTime.now().uptimeNanoseconds
            var found = false
            var timedOut = false
            // Progress reports let the match be stopped; ICU calls back while it searches.
            r.enumerateMatches(in: text, options: [.reportProgress], range: range) { match, _, stop in
                if match != nil {
                    found = true
                    stop.pointee = true
                } else if DispatchTime.now().uptimeNanoseconds - start > Self.timeLimitNanoseconds {
                    timedOut = true
                    stop.pointee = true
                }
            }
            if timedOut && !found {
                return .error(EvalError(.costLimitExceeded,
                    "matching '\(pattern)' took too long: simplify the pattern (nested repeats such as (a+)+ are slow)"))
            }
            return .bool(found)
        }
    }
}
