import CEL
import CaseModel
import CaseSources
import Foundation
import XCTest

/// The column map: the shipped copy, its agreement with the schema, and custom maps.
final class AnnexAColumnMapTests: XCTestCase {
    private func shippedText() throws -> String {
        let path = AnnexAFixture.packageRoot.appendingPathComponent("rules/annex-a/columns.yaml.example").path
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    func testTheShippedFileLoadsAndMatchesTheBuiltInMap() throws {
        let shipped = try AnnexAColumnMap.load(yaml: try shippedText(), file: "columns.yaml")
        let builtIn = AnnexAColumnMap.builtIn
        XCTAssertEqual(shipped.lists.map(\.number), Array(1...11))
        XCTAssertEqual(shipped.lists.map(\.number), builtIn.lists.map(\.number))
        for (a, b) in zip(shipped.lists, builtIn.lists) {
            XCTAssertEqual(a.columns.map(\.header), b.columns.map(\.header), "List \(a.number)")
            XCTAssertEqual(a.columns.map(\.target), b.columns.map(\.target), "List \(a.number)")
            XCTAssertEqual(a.columns.map(\.variants), b.columns.map(\.variants), "List \(a.number)")
        }
    }

    /// Every field a column fills is in rules/schema.yaml, with the type its kind gives.
    func testEveryTargetFieldIsInTheSchemaWithAMatchingType() throws {
        let schema = try AnnexAFixture.schema()
        for list in AnnexAColumnMap.builtIn.lists {
            for column in list.columns {
                guard let target = column.target else { continue }
                let expected: FieldType
                switch column.kind {
                case .date: expected = .date
                case .int: expected = .int
                case .yesNo: expected = .bool
                default: expected = .string
                }
                switch target {
                case .child(let name):
                    let field = schema.root.fields.first { $0.name == name }
                    XCTAssertEqual(field?.type, expected, "List \(list.number) '\(column.header)' -> \(name)")
                case .item(let listName, let name, let appends):
                    let object: ObjectSchema?
                    switch schema.root.fields.first(where: { $0.name == listName })?.type {
                    case .list(.object(let o))?, .object(let o)?: object = o
                    default: object = nil
                    }
                    let field = object?.fields.first { $0.name == name }
                    XCTAssertEqual(field?.type, appends ? .list(expected) : expected,
                                   "List \(list.number) '\(column.header)' -> \(listName).\(name)")
                }
            }
        }
    }

    func testEveryListOfTheSampleWorkbookHasEachOfItsHeadersMatched() throws {
        // Each list's own headers, written as in the template, are all recognised.
        for list in AnnexAColumnMap.builtIn.lists {
            var book = TestWorkbook()
            book.sheets = [(name: "List \(list.number)", rows: [list.columns.map { .text($0.header.uppercased()) }])]
            let result = AnnexAReader.readWorkbook(book.data(), file: "t.xlsx")
            XCTAssertFalse(result.diagnostics.contains { $0.message.contains("not an Annex A") || $0.message.contains(" has no '") },
                           "List \(list.number): \(result.diagnostics)")
        }
    }

    func testCustomMapWithLocalHeaderWording() throws {
        let yaml = """
        lists:
          - list: 3
            title: Referrals
            rows_make: episodes
            columns:
              - {header: Mosaic ID, field: id, required: true}
              - {header: Contact date, also: ["received"], field: episodes.referral_date, type: date}
        """
        let map = try AnnexAColumnMap.load(yaml: yaml, file: "local.yaml")
        let csv = "Mosaic ID,Date received\nM-1,02/01/2024\n"
        let result = AnnexAReader.readCSV(Array(csv.utf8), file: "List 3.csv", columns: map)
        XCTAssertEqual(result.children.first?.record.id, "M-1")
        XCTAssertEqual(result.children.first?.record.value[field: "episodes"]?[item: 0]?[field: "referral_date"]?.asDate,
                       CalendarDate("2024-01-02"))
    }

    func testMapWithUnknownTypeOrSharedColumnSaysWhatIsWrong() {
        let badType = """
        lists:
          - list: 1
            rows_make: contacts
            columns:
              - {header: Date of Contact, field: contacts.date, type: datee}
        """
        XCTAssertThrowsError(try AnnexAColumnMap.load(yaml: badType, file: "m.yaml")) { error in
            let d = (error as? AnnexAColumnMapError)?.diagnostic
            XCTAssertEqual(d?.message, "List 1, column 1: unknown type 'datee'")
            XCTAssertEqual(d?.hint, "did you mean 'date'?")
        }
        let badShared = """
        shared_columns:
          child_id: {header: Child Unique ID, field: id}
        lists:
          - list: 1
            rows_make: contacts
            columns:
              - shared: child_idd
        """
        XCTAssertThrowsError(try AnnexAColumnMap.load(yaml: badShared, file: "m.yaml")) { error in
            XCTAssertEqual((error as? AnnexAColumnMapError)?.diagnostic.hint, "did you mean 'child_id'?")
        }
        XCTAssertThrowsError(try AnnexAColumnMap.load(yaml: "lists: [", file: "m.yaml"))
        XCTAssertThrowsError(try AnnexAColumnMap.load(yaml: "lists:\n  - list: 2\n", file: "m.yaml")) { error in
            XCTAssertTrue((error as? AnnexAColumnMapError)?.diagnostic.message.contains("rows_make") == true)
        }
    }

    func testMapColumnFillingAListTheRowsDoNotMakeIsRefused() {
        let yaml = """
        lists:
          - list: 7
            rows_make: cp_plans
            columns:
              - {header: Child Unique ID, field: id}
              - {header: Date of the Last Statutory Visit, field: visits.date, type: date}
        """
        XCTAssertThrowsError(try AnnexAColumnMap.load(yaml: yaml, file: "m.yaml")) { error in
            let d = (error as? AnnexAColumnMapError)?.diagnostic
            XCTAssertEqual(d?.message, "List 7, column 'Date of the Last Statutory Visit': its field is in 'visits', which the list's rows do not make")
        }
        let twice = "lists:\n  - {list: 1, rows_make: contacts}\n  - {list: 1, rows_make: contacts}\n"
        XCTAssertThrowsError(try AnnexAColumnMap.load(yaml: twice, file: "m.yaml")) { error in
            XCTAssertEqual((error as? AnnexAColumnMapError)?.diagnostic.message, "List 1 is described twice")
        }
    }
}
