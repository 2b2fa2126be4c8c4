import XCTest

final class CELTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
