import Foundation

/// Dates encode as ISO text (`"2024-02-29"`), the form every report and case file uses.
extension CalendarDate: Codable {
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try CalendarDate(validatingISO: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(isoString)
    }
}

extension CalendarDate {
    /// Today's date where the check runs (the default `as_of`), in the given time zone.
    public static func today(in timeZone: TimeZone = .current, now: Date = Date()) -> CalendarDate {
        let seconds = Int(now.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: now)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        return CalendarDate(dayNumber: Int32(clamping: days))
    }
}
