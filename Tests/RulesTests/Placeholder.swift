import XCTest

final class RulesTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
