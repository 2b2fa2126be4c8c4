import XCTest

final class HistoryTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
