import CEL
import CaseModel
import CaseSources
import Yams
import XCTest

final class YAMLLoaderTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder() }

    func testSingleRecordIsTypedBySchema() throws {
        let path = try scratch.write("one.yaml", """
        id: 12345
        upn: A123
        birth_date: 2015-06-01
        score: 2
        extra: {n: 3, f: 1.5, b: true, s: hello, q: "42", z: ~, d: 2024-01-01}
        cp_plans:
          - start_date: '2024-01-10'
            end_date:
            previous_plans: 0x10
            reviews: [2024-04-02]
        visits:
          - {date: 2024-01-12, seen: true, seen_alone: False}
        """)
        let result = read(path)
        XCTAssertEqual(result.diagnostics, [])
        let child = try XCTUnwrap(result.records.first).value
        XCTAssertEqual(result.ids, ["12345"], "a plain scalar in a text field is its text")
        XCTAssertEqual(child["birth_date"]?.asDate, date("2015-06-01"))
        XCTAssertEqual(child["score"]?.doubleValue, 2)
        let extra = try XCTUnwrap(child["extra"])
        XCTAssertEqual(extra["n"]?.intValue, 3)
        XCTAssertEqual(extra["f"]?.doubleValue, 1.5)
        XCTAssertEqual(extra["b"]?.boolValue, true)
        XCTAssertEqual(extra["s"]?.stringValue, "hello")
        XCTAssertEqual(extra["q"]?.stringValue, "42", "quoted scalars are text")
        XCTAssertEqual(extra["z"]?.isNullValue, true)
        XCTAssertEqual(extra["d"]?.stringValue, "2024-01-01", "untyped dates stay text")
        let plan = try XCTUnwrap(child["cp_plans"]?[0])
        XCTAssertEqual(plan["start_date"]?.asDate, date("2024-01-10"))
        XCTAssertEqual(plan["end_date"]?.isNullValue, true)
        XCTAssertEqual(plan["previous_plans"]?.intValue, 16)
        XCTAssertEqual(plan["reviews"]?[0]?.asDate, date("2024-04-02"))
        XCTAssertEqual(child["visits"]?[0]?["seen_alone"]?.boolValue, false)
        XCTAssertEqual(result.records[0].location.line, 1)
        XCTAssertEqual(result.records[0].itemLines, ["cp_plans[0]": 7, "visits[0]": 12])
    }

    func testListOfRecordsKeepsLines() throws {
        let path = try scratch.write("list.yml", """
        # two children
        - id: A
          cp_plans:
            - start_date: 2024-01-01
            - start_date: 2024-05-01

        - id: B
        """)
        let result = read(path)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.ids, ["A", "B"])
        XCTAssertEqual(result.records.map(\.location.line), [2, 7])
        XCTAssertEqual(result.records[0].itemLines, ["cp_plans[0]": 4, "cp_plans[1]": 5])
    }

    func testDocumentStreamKeepsLines() throws {
        let path = try scratch.write("stream.yaml", """
        ---
        id: A
        ---
        - id: B
        - id: C
        ---
        # a comment-only document is empty
        ---
        id: D
        visits:
          - date: 2024-03-01
        """)
        let result = read(path)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.ids, ["A", "B", "C", "D"])
        XCTAssertEqual(result.records.map(\.location.line), [2, 4, 5, 9])
        XCTAssertEqual(result.records[3].itemLines, ["visits[0]": 11])
    }

    func testInvalidDateNamesFileLineAndField() throws {
        let path = try scratch.write("a.yaml", """
        - id: C1
        - id: C2
          cp_plans:
            - start_date: 2024-02-30
        - id: C3
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C1", "C3"])
        XCTAssertEqual(result.rendered, [
            "a.yaml:4:19: error: field 'cp_plans[0].start_date': '2024-02-30' is not a date: February 2024 has 29 days, not 30",
            "a.yaml:2:3: note: record 'C2' skipped (1 error)",
        ])
        XCTAssertEqual(result.counts.recordsSkipped, 1)
    }

    func testWrongTypesNameTheField() throws {
        let path = try scratch.write("t.yaml", """
        id: C1
        visits:
          - date: 2024-01-01
            seen: yes
        cp_plans:
          - start_date: 2024-01-01
            previous_plans: "2"
        disabilities: HEAR
        worker: [a, b]
        """)
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.map(\.message), [
            "field 'visits[0].seen': expected true or false, found the text \"yes\"",
            "field 'cp_plans[0].previous_plans': expected a whole number, found the text \"2\"",
            "field 'disabilities': expected a list, found the text \"HEAR\"",
            "field 'worker': expected text, found a list",
        ])
        XCTAssertEqual(result.errors[0].hint, "write true or false")
        XCTAssertEqual(result.errors[1].hint, "write the number without quotes")
        XCTAssertEqual(result.errors.map(\.location.line), [4, 7, 8, 9])
    }

    func testUnknownFieldIsKeptWithWarning() throws {
        let path = try scratch.write("u.yaml", """
        - id: C1
          cp_plans:
            - start_date: 2024-01-01
              reveiws: [2024-02-01]
        - id: C2
          cp_plans:
            - start_date: 2024-01-01
              reveiws: []
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C1", "C2"])
        XCTAssertEqual(result.rendered, [
            "u.yaml:4:7: warning: field 'cp_plans[0].reveiws' is not in the schema (cp_plan); it is kept without type checks (reported once a file)\n  hint: did you mean 'reviews'?",
        ])
        XCTAssertEqual(result.records[0].value["cp_plans"]?[0]?["reveiws"]?[0]?.stringValue, "2024-02-01")
    }

    func testMalformedYAMLStopsTheFileWithPosition() throws {
        let path = try scratch.write("bad.yaml", """
        id: A
        ---
        id: B
        worker: [Ann, Bob
        team: North
        ---
        id: C
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["A"], "documents before the fault are kept")
        XCTAssertEqual(result.errors.count, 1)
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertTrue(error.message.hasPrefix("malformed YAML: "), error.message)
        XCTAssertEqual(error.location.line, 5)
        XCTAssertGreaterThan(error.location.column, 0)
        XCTAssertEqual(result.diagnostics.last?.message, "the rest of this file was not read")
    }

    func testBadIndentationIsMalformed() throws {
        let path = try scratch.write("indent.yaml", "id: A\n  worker: Ann\n team: B\n")
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.first?.location.line, 2)
        XCTAssertTrue(result.errors.first?.message.hasPrefix("malformed YAML") ?? false)
    }

    func testDuplicatedKeyIsAnError() throws {
        let path = try scratch.write("dup.yaml", """
        id: A
        ---
        id: B
        worker: Ann
        worker: Bob
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["A"])
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(error.message, "key 'worker' appears more than once in the same mapping")
        XCTAssertEqual(error.location.line, 4)
    }

    func testRecordThatIsNotAMappingIsSkipped() throws {
        let path = try scratch.write("n.yaml", """
        - id: A
        - just text
        - [1, 2]
        - id: D
        ---
        plain words
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["A", "D"])
        XCTAssertEqual(result.rendered, [
            "n.yaml:2:3: error: list item 2 is not a case record: expected fields (name: value), found the text \"just text\"",
            "n.yaml:3:3: error: list item 3 is not a case record: expected fields (name: value), found a list",
            "n.yaml:6:1: error: this document is not a case record: expected fields (name: value) or a list of records, found the text \"plain words\"",
        ])
        XCTAssertEqual(result.counts.recordsSkipped, 3)
    }

    func testMissingIdIsAnError() throws {
        let path = try scratch.write("noid.yaml", "- upn: A1\n- id:\n- id: ''\n- id: ok\n")
        let result = read(path)
        XCTAssertEqual(result.ids, ["ok"])
        XCTAssertEqual(result.errors.map(\.message), [
            "record has no 'id'; every record needs the child's id so that findings can name the child",
            "record has no 'id'; every record needs the child's id so that findings can name the child",
            "field 'id' is empty; every record needs the child's id so that findings can name the child",
        ])
    }

    func testEmptyFileIsAWarning() throws {
        for text in ["", "# nothing here\n", "---\n"] {
            let result = read(try scratch.write("e.yaml", text))
            XCTAssertEqual(result.rendered, ["e.yaml:1: warning: the file is empty: it holds no case records"], text)
        }
    }

    func testDeepNestingIsAnErrorNotACrash() throws {
        let flow = "id: A\nextra: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let result = read(try scratch.write("deep.yaml", flow))
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.first?.message, "nesting deeper than 256 levels; the file was not read")
        XCTAssertEqual(result.errors.first?.location.line, 2)

        var block = "id: A\nextra:\n"
        for level in 1...300 { block += String(repeating: " ", count: level) + "k:\n" }
        XCTAssertEqual(read(try scratch.write("block.yaml", block)).errors.first?.message,
                       "nesting deeper than 256 levels; the file was not read")

        // Under the file limit but over the record limit: the record is skipped.
        let medium = "id: A\nextra: " + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "\n"
        let mediumResult = read(try scratch.write("medium.yaml", medium))
        XCTAssertEqual(mediumResult.records.count, 0)
        XCTAssertTrue(mediumResult.errors.first?.message.hasSuffix("nesting deeper than 64 levels") ?? false,
                      "\(mediumResult.errors)")
    }

    func testInvalidUTF8IsReportedWithPosition() throws {
        let data = Data("id: A\nworker: B".utf8) + Data([0xFF]) + Data("\n".utf8)
        let result = read(try scratch.write("u.yaml", data))
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.rendered.first, "u.yaml:2:10: error: the file is not valid UTF-8 text; it was not read\n  hint: save the file as UTF-8")
    }

    func testRecordDecoderTypesANode() throws {
        let node = try XCTUnwrap(Yams.compose(yaml: """
        examples:
          - case: {id: X1, cp_plans: [{start_date: 2024-01-10, reviews: [2024-04-02]}]}
          - case: {id: X2, cp_plans: [{start_date: 2024-13-10}]}
        """))
        let examples = try XCTUnwrap(node["examples"]?.sequence)
        let decoder = YAMLCaseRecordDecoder(schema: TestSchema.child)
        let good = decoder.decode(try XCTUnwrap(examples[0]["case"]), file: "rules/cp.yaml")
        XCTAssertEqual(good.diagnostics, [])
        XCTAssertEqual(good.record?.id, "X1")
        XCTAssertEqual(good.record?.location, SourceLocation(file: "rules/cp.yaml", line: 2, column: 0))
        XCTAssertEqual(good.record?.value["cp_plans"]?[0]?["reviews"]?[0]?.asDate, date("2024-04-02"))
        let bad = decoder.decode(try XCTUnwrap(examples[1]["case"]), file: "rules/cp.yaml")
        XCTAssertNil(bad.record)
        XCTAssertEqual(bad.diagnostics.first?.description,
                       "rules/cp.yaml:3:44: error: field 'cp_plans[0].start_date': '2024-13-10' is not a date: month 13 does not exist (months run 01 to 12)")
    }

    func testWrappedRecordsGetAHint() throws {
        let path = try scratch.write("wrapped.yaml", "children:\n  - id: A\n  - id: B\n")
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.first?.hint, "the records seem to be wrapped in 'children'; put the list of records at the top of the file")
    }

    func testBracketsInFreeTextAreNotNesting() throws {
        var text = ""
        for i in 0..<400 { text += "- id: C\(i)\n  team: see [page \(i) {draft\n" }
        let result = read(try scratch.write("prose.yaml", text))
        XCTAssertEqual(result.records.count, 400)
        XCTAssertEqual(result.diagnostics, [])
    }

    func testNestingBehindTagsAnchorsAndQuotesIsStillCaught() throws {
        for (name, opener) in [("tags", "!!seq ["), ("anchors", "&a ["), ("quote inside a word", "[a'b, ")] {
            let text = "id: A\nextra: " + String(repeating: opener, count: 50_000) + String(repeating: "]", count: 50_000) + "\n"
            let result = read(try scratch.write("deep-\(name.count).yaml", text))
            XCTAssertEqual(result.records.count, 0, name)
            XCTAssertEqual(result.errors.first?.message, "nesting deeper than 256 levels; the file was not read", name)
        }
    }

    func testByteOrderMarkAndWindowsLineEnds() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + Data("- id: A\r\n  birth_date: 2015-06-01\r\n- id: B\r\n".utf8)
        let result = read(try scratch.write("bom.yaml", data))
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.ids, ["A", "B"])
        XCTAssertEqual(result.records.map(\.location.line), [1, 3])
        XCTAssertEqual(result.records.first?.value["birth_date"]?.asDate, date("2015-06-01"))
    }

    func testTabIndentationGetsAHint() throws {
        let result = read(try scratch.write("tabs.yaml", "id: A\nvisits:\n\t- date: 2024-01-01\n"))
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.first?.location.line, 3)
        XCTAssertEqual(result.errors.first?.hint, "indent with spaces: YAML does not allow tabs for indentation")
    }

    func testComplexKeyIsAnError() throws {
        let result = read(try scratch.write("key.yaml", "- id: A\n  ? [a, b]\n  : x\n- id: B\n"))
        XCTAssertEqual(result.ids, ["B"])
        XCTAssertEqual(result.errors.first?.message, "field names must be plain text, not a list or an object")
        XCTAssertEqual(result.errors.first?.location.line, 2)
    }

    func testAnchorsAreExpandedAndMergeKeysAreJustUnknownFields() throws {
        let text = """
        - id: A
          visits: [&v {date: 2024-01-01, seen: true}]
        - id: B
          visits: [*v]
          <<: {team: North}
        """
        let result = read(try scratch.write("anchors.yaml", text))
        XCTAssertEqual(result.ids, ["A", "B"])
        XCTAssertEqual(result.records[1].value["visits"]?[0]?["date"]?.asDate, date("2024-01-01"))
        XCTAssertNil(result.records[1].value["team"], "merge keys are not applied")
        XCTAssertEqual(result.warnings.map(\.message),
                       ["field '<<' is not in the schema (child); it is kept without type checks (reported once a file)"])
    }
}
