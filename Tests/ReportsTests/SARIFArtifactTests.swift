@testable import Reports
import XCTest

/// Where SARIF results point: relative to `%SRCROOT%` where they can be, a workbook's sheet as
/// a logical location and never an encoded `#` in a file name.
final class SARIFArtifactTests: XCTestCase {
    func testARelativePathStaysRelativeToTheBase() {
        let a = SARIFArtifact(path: "cases/north.yaml", root: nil)
        XCTAssertEqual(a, SARIFArtifact(uri: "cases/north.yaml", uriBaseID: "%SRCROOT%", sheet: nil))
        XCTAssertEqual(SARIFArtifact(path: "./cases/north.yaml", root: "/x").uri, "cases/north.yaml")
    }

    func testAnAbsolutePathUnderTheRootBecomesRelative() {
        let a = SARIFArtifact(path: "/srv/health-check/exports/north export.ndjson", root: "/srv/health-check")
        XCTAssertEqual(a, SARIFArtifact(uri: "exports/north%20export.ndjson", uriBaseID: "%SRCROOT%", sheet: nil))
    }

    func testAnAbsolutePathElsewhereIsAFileURI() {
        let a = SARIFArtifact(path: "/data/other/cases.json", root: "/srv/health-check")
        XCTAssertEqual(a, SARIFArtifact(uri: "file:///data/other/cases.json", uriBaseID: nil, sheet: nil))
        XCTAssertEqual(SARIFArtifact(path: "/srv/health-checks/x.json", root: "/srv/health-check").uriBaseID, nil,
                       "a folder whose name only starts like the root's is not under it")
    }

    func testAWorkbookSheetIsALogicalLocationNotPartOfTheFile() {
        let a = SARIFArtifact(path: "/srv/hc/Annex_A.xlsx#List 7", root: "/srv/hc")
        XCTAssertEqual(a, SARIFArtifact(uri: "Annex_A.xlsx", uriBaseID: "%SRCROOT%", sheet: "List 7"))
        XCTAssertFalse(a.uri.contains("%23"))
        // A '#' in an ordinary file's name is kept, encoded.
        XCTAssertEqual(SARIFArtifact(path: "cases/a#b.yaml", root: nil).uri, "cases/a%23b.yaml")
    }

    func testTheBaseIsAFolderURI() {
        XCTAssertEqual(SARIFArtifact.baseURI(forRoot: "/srv/health check"), "file:///srv/health%20check/")
    }
}
