import ArgumentParser
import CaseModel

/// The health-check date from `--as-of`, today when not given.
enum AsOfDate {
    static func parse(_ text: String?) throws -> CalendarDate {
        guard let text else { return CalendarDate.today() }
        do {
            return try CalendarDate(validatingISO: text)
        } catch let error as CalendarDateParseError {
            throw ValidationError("--as-of: \(error.message)")
        }
    }
}
