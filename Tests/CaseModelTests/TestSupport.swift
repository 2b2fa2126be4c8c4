import XCTest
import CaseModel

/// A date from ISO text, failing the test when it does not parse.
func day(_ iso: String, file: StaticString = #filePath, line: UInt = #line) -> CalendarDate {
    guard let d = CalendarDate(iso: iso) else {
        XCTFail("bad test date \(iso)", file: file, line: line)
        return CalendarDate(dayNumber: 0)
    }
    return d
}

/// The package root, found from this file's path.
let packageRoot: String = {
    var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)   // Tests/CaseModelTests/TestSupport.swift
    return parts.joined(separator: "/")
}()

/// The England and Wales calendar shipped in rules/calendars/.
func englandAndWales(file: StaticString = #filePath, line: UInt = #line) throws -> WorkingDayCalendar {
    let result = WorkingDayCalendar.load(path: packageRoot + "/rules/calendars/england-and-wales.yaml")
    XCTAssertEqual(result.diagnostics, [], file: file, line: line)
    return try result.get()
}
