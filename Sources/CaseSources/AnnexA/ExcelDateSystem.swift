import CaseModel

/// How a workbook counts serial dates. Excel's default (1900) numbers 1900-01-01 as day 1
/// and, copying Lotus 1-2-3, counts a 29 February 1900 that never was as day 60; the 1904
/// system (old Mac workbooks, `date1904` in the workbook) numbers 1904-01-01 as day 0.
enum ExcelDateSystem: Sendable {
    case from1900
    case from1904

    /// Why a serial number is not a date.
    enum Problem: Equatable {
        case notADay          // 0, negative, or past 9999-12-31
        case phantomLeapDay   // 60 in the 1900 system
    }

    /// The date of a serial number; a fraction (the time of day) is dropped.
    func date(fromSerial serial: Double) -> Result<CalendarDate, ProblemBox> {
        guard serial.isFinite, serial < 2_958_466 else { return .failure(ProblemBox(.notADay)) }
        let day = Int(serial.rounded(.down))
        switch self {
        case .from1900:
            guard day >= 1 else { return .failure(ProblemBox(.notADay)) }
            if day == 60 { return .failure(ProblemBox(.phantomLeapDay)) }
            // Day 1 is 1900-01-01; from day 61 on, one is taken off for the phantom day.
            let base = CalendarDate(year: 1899, month: 12, day: 31)!
            return .success(base.addingDays(day < 60 ? day : day - 1))
        case .from1904:
            guard day >= 0, serial >= 0 else { return .failure(ProblemBox(.notADay)) }
            return .success(CalendarDate(year: 1904, month: 1, day: 1)!.addingDays(day))
        }
    }

    /// ``Problem`` as an `Error`, for `Result`.
    struct ProblemBox: Error, Equatable {
        var problem: Problem
        init(_ problem: Problem) { self.problem = problem }
    }
}
