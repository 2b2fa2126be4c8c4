import XCTest

final class CaseSourcesTestsPlaceholder: XCTestCase {
    func testBuilds() {}
}
