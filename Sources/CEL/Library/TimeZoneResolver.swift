import Foundation

/// Turns a CEL time-zone argument into an offset from UTC at a given instant. Accepts IANA
/// names (`Europe/London`, `America/Los_Angeles`, `UTC`) and fixed offsets (`+05:30`,
/// `-08:00`, `02:00`), as cel-go does.
enum TimeZoneResolver {
    /// Seconds east of UTC, or an error value for an unknown zone or a malformed offset.
    static func offset(_ zone: String, at seconds: Int64) -> Result<Int64, EvalError> {
        if zone.contains(":") { return fixedOffset(zone) }
        if zone.isEmpty || zone == "UTC" || zone == "Z" { return .success(0) }
        return cache.zone(named: zone).map { tz in
            Int64(tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
        }
    }

    /// `[+|-]HH:MM`; the sign applies to both parts.
    static func fixedOffset(_ zone: String) -> Result<Int64, EvalError> {
        let bad = EvalError(.invalidArgument, "time zone offset '\(zone)' is not valid: write it as +HH:MM or -HH:MM, such as '+05:30'")
        var text = Substring(zone)
        var sign: Int64 = 1
        if let first = text.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            text = text.dropFirst()
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts[0].allSatisfy(\.isASCIIDigitCharacter), parts[1].allSatisfy(\.isASCIIDigitCharacter),
              let hours = Int64(parts[0]), let minutes = Int64(parts[1]), hours <= 23, minutes <= 59 else {
            return .failure(bad)
        }
        return .success(sign * (hours * 3600 + minutes * 60))
    }

    private static let cache = ZoneCache()
}

/// Loaded `TimeZone`s by name: loading one reads the zone database, and rules ask for the
/// same few zones again and again. Unknown names are kept too, with their error, so that a
/// misspelt zone costs the "did you mean" search once, not once a record.
private final class ZoneCache: @unchecked Sendable {
    private let lock = NSLock()
    private var zones: [String: Result<TimeZone, EvalError>] = [:]

    func zone(named name: String) -> Result<TimeZone, EvalError> {
        lock.lock()
        if let known = zones[name] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let loaded: Result<TimeZone, EvalError>
        if let tz = TimeZone(identifier: name) {
            loaded = .success(tz)
        } else {
            var message = "unknown time zone '\(name)': use a name such as 'Europe/London' or an offset such as '+01:00'"
            if let hint = Suggestion.hint(for: name, among: TimeZone.knownTimeZoneIdentifiers) {
                message += " (\(hint))"
            }
            loaded = .failure(EvalError(.invalidArgument, message))
        }
        lock.lock()
        if zones.count >= 1000 { zones.removeAll(keepingCapacity: true) }
        zones[name] = loaded
        lock.unlock()
        return loaded
    }
}

private extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
