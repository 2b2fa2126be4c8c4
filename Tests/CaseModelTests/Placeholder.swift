import XCTest

final class CaseModelTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
