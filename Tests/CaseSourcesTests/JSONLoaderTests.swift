import CEL
import CaseModel
import CaseSources
import XCTest

final class JSONLoaderTests: XCTestCase {
    var scratch: ScratchFolder!

    override func setUpWithError() throws { scratch = try ScratchFolder() }

    // MARK: Good input

    func testSingleRecordIsTypedBySchema() throws {
        let path = try scratch.write("one.json", """
        {"id": "C1", "birth_date": "2015-06-01", "score": 3, "disabilities": ["HEAR"],
         "cp_plans": [{"start_date": "2024-01-10", "end_date": null, "previous_plans": 2,
                       "reviews": ["2024-04-02", "2024-10-01"]}],
         "visits": [{"date": "2024-01-12", "seen": true, "seen_alone": false}]}
        """)
        let result = read(path)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.ids, ["C1"])
        let child = try XCTUnwrap(result.records.first).value
        XCTAssertEqual(child["birth_date"]?.asDate, date("2015-06-01"))
        XCTAssertEqual(child["score"]?.doubleValue, 3.0, "an int in a double field reads as a double")
        XCTAssertEqual(child["disabilities"]?[0]?.stringValue, "HEAR")
        let plan = try XCTUnwrap(child["cp_plans"]?[0])
        XCTAssertEqual(plan["start_date"]?.asDate, date("2024-01-10"))
        XCTAssertEqual(plan["end_date"]?.isNullValue, true, "null stays null")
        XCTAssertEqual(plan["previous_plans"]?.intValue, 2)
        XCTAssertEqual(plan["reviews"]?[1]?.asDate, date("2024-10-01"))
        XCTAssertEqual(child["visits"]?[0]?["seen"]?.boolValue, true)
        XCTAssertNil(child["upn"], "a missing optional field stays absent")
        XCTAssertEqual(result.counts.recordsLoaded, 1)
        XCTAssertEqual(result.counts.recordsSkipped, 0)
    }

    func testListOfRecordsKeepsRecordAndItemLines() throws {
        let path = try scratch.write("list.json", """
        [
          {"id": "A",
           "cp_plans": [
             {"start_date": "2024-01-01"},
             {"start_date": "2024-05-01"}
           ]},
          {"id": "B", "visits": [{"date": "2024-02-02"}]}
        ]
        """)
        let result = read(path)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.ids, ["A", "B"])
        XCTAssertEqual(result.records.map(\.location.line), [2, 7])
        XCTAssertEqual(result.records[0].location.file, path)
        XCTAssertEqual(result.records[0].itemLines, ["cp_plans[0]": 4, "cp_plans[1]": 5])
        XCTAssertEqual(result.records[1].itemLines, [:], "an item on its record's line is not listed")
    }

    func testUntypedValuesAreKeptAsRead() throws {
        let path = try scratch.write("untyped.json", #"""
        {"id": "C1", "extra": {"n": -12, "x": 1.5e2, "t": "a\"b\u00e9\ud83d\ude00", "l": [true, null]}}
        """#)
        let result = read(path)
        XCTAssertEqual(result.diagnostics, [])
        let extra = try XCTUnwrap(result.records.first?.value["extra"])
        XCTAssertEqual(extra["n"]?.intValue, -12)
        XCTAssertEqual(extra["x"]?.doubleValue, 150)
        XCTAssertEqual(extra["t"]?.stringValue, "a\"bé😀")
        XCTAssertEqual(extra["l"]?[0]?.boolValue, true)
        XCTAssertEqual(extra["l"]?[1]?.isNullValue, true)
    }

    func testByteOrderMarkIsSkipped() throws {
        let path = try scratch.write("bom.json", Data([0xEF, 0xBB, 0xBF]) + Data(#"{"id": "C1"}"#.utf8))
        XCTAssertEqual(read(path).ids, ["C1"])
    }

    // MARK: Schema errors: the record is skipped, the rest go on

    func testInvalidDateNamesFileLineAndField() throws {
        let path = try scratch.write("a.json", """
        [{"id": "C1"},
         {"id": "C2",
          "cp_plans": [{"start_date": "2024-02-30"}]},
         {"id": "C3"}]
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C1", "C3"])
        XCTAssertEqual(result.rendered, [
            "a.json:3:31: error: field 'cp_plans[0].start_date': '2024-02-30' is not a date: February 2024 has 29 days, not 30",
            "a.json:2:2: note: record 'C2' skipped (1 error)",
        ])
        XCTAssertEqual(result.counts.recordsSkipped, 1)
        XCTAssertEqual(result.counts.recordsLoaded, 2)
        XCTAssertEqual(result.counts.recordsRead, 3)
        XCTAssertEqual(result.counts.filesWithErrors, 1)
    }

    func testBadlyShapedDateIsAnError() throws {
        let path = try scratch.write("a.json", #"{"id": "C1", "birth_date": "01/02/2015"}"#)
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.first?.message,
                       "field 'birth_date': '01/02/2015' is not a date; write dates as YYYY-MM-DD, for example 2024-03-01")
    }

    func testWrongTypesNameTheField() throws {
        let path = try scratch.write("types.json", """
        {"id": "C1", "visits": [{"date": "2024-01-01", "seen": "yes"}],
         "cp_plans": [{"start_date": "2024-01-01", "previous_plans": 1.5}],
         "team": 7, "disabilities": "HEAR", "birth_date": 20150601}
        """)
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.map(\.message), [
            "field 'visits[0].seen': expected true or false, found the text \"yes\"",
            "field 'cp_plans[0].previous_plans': expected a whole number, found the number 1.5",
            "field 'team': expected text, found the number 7",
            "field 'disabilities': expected a list, found the text \"HEAR\"",
            "field 'birth_date': expected a date (YYYY-MM-DD), found the number 20150601",
        ])
        XCTAssertEqual(result.errors[0].hint, "write true or false without quotes")
        XCTAssertEqual(result.errors[2].hint, "write it in double quotes: \"7\"")
        XCTAssertEqual(result.errors[0].location.line, 1)
        XCTAssertEqual(result.errors[2].location.line, 3)
    }

    func testObjectWhereTextExpectedIsAnError() throws {
        let path = try scratch.write("obj.json", #"{"id": "C1", "worker": {"name": "A"}, "cp_plans": [["x"]]}"#)
        let result = read(path)
        XCTAssertEqual(result.errors.map(\.message), [
            "field 'worker': expected text, found an object",
            "field 'cp_plans[0]': expected an object (a set of named fields), found a list",
        ])
    }

    func testUnknownFieldIsKeptWithOneWarningAFile() throws {
        let path = try scratch.write("unknown.json", """
        [{"id": "C1", "cp_plans": [{"start_date": "2024-01-01", "reveiws": ["2024-02-01"]}]},
         {"id": "C2", "cp_plans": [{"start_date": "2024-01-01", "reveiws": []}], "wroker": "Ann"}]
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C1", "C2"], "unknown fields do not skip records")
        XCTAssertEqual(result.warnings.count, 2)
        XCTAssertEqual(result.warnings[0].message,
                       "field 'cp_plans[0].reveiws' is not in the schema (cp_plan); it is kept without type checks (reported once a file)")
        XCTAssertEqual(result.warnings[0].hint, "did you mean 'reviews'?")
        XCTAssertEqual(result.warnings[0].location.line, 1)
        XCTAssertEqual(result.warnings[1].hint, "did you mean 'worker'?")
        XCTAssertEqual(result.warnings[1].location.line, 2)
        let kept = result.records[0].value["cp_plans"]?[0]?["reveiws"]?[0]
        XCTAssertEqual(kept?.stringValue, "2024-02-01", "unknown fields are kept untyped")
        XCTAssertEqual(result.counts.warnings, 2)
    }

    func testUnknownFieldFarFromAnyNameHasNoHint() throws {
        let path = try scratch.write("unknown.json", #"{"id": "C1", "postcode_district": "L8"}"#)
        let result = read(path)
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertNil(result.warnings[0].hint)
    }

    func testMissingIdIsAnError() throws {
        let path = try scratch.write("noid.json", #"[{"upn": "A1"}, {"id": ""}, {"id": null}, {"id": 42}, {"id": "ok"}]"#)
        let result = read(path)
        XCTAssertEqual(result.ids, ["ok"])
        XCTAssertEqual(result.counts.recordsSkipped, 4)
        XCTAssertEqual(result.errors.map(\.message), [
            "record has no 'id'; every record needs the child's id so that findings can name the child",
            "field 'id' is empty; every record needs the child's id so that findings can name the child",
            "record has no 'id'; every record needs the child's id so that findings can name the child",
            "field 'id': expected text, found the number 42",
        ])
    }

    func testMissingRequiredFieldIsAnError() throws {
        let path = try scratch.write("req.json", #"{"id": "C1", "cp_plans": [{"end_date": "2024-01-01"}]}"#)
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.map(\.message), ["field 'cp_plans[0].start_date' is required but missing"])
    }

    func testDuplicatedKeyIsAnError() throws {
        let path = try scratch.write("dup.json", """
        [{"id": "C1",
          "worker": "Ann",
          "worker": "Bob"},
         {"id": "C2"}]
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C2"])
        XCTAssertEqual(result.rendered.first, "dup.json:3:3: error: field 'worker' appears twice in the same object\n  hint: remove one of the two, or rename it")
    }

    func testRecordThatIsNotAnObjectIsSkipped() throws {
        let path = try scratch.write("mixed.json", #"[{"id": "C1"}, "C2", [1], {"id": "C3"}]"#)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C1", "C3"])
        XCTAssertEqual(result.errors.map(\.message), [
            "list item 2 is not a case record: expected an object in braces, found the text \"C2\"",
            "list item 3 is not a case record: expected an object in braces, found a list",
        ])
        XCTAssertEqual(result.counts.recordsSkipped, 2)
    }

    func testTopLevelScalarIsAnError() throws {
        let path = try scratch.write("scalar.json", "42")
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.rendered, ["scalar.json:1:1: error: unexpected '4': expected a case record (an object in braces) or a list of records"])
    }

    // MARK: Numbers

    func testHugeIntegerIsAnErrorInAnIntFieldAndADoubleElsewhere() throws {
        let path = try scratch.write("huge.json", """
        [{"id": "C1", "cp_plans": [{"start_date": "2024-01-01", "previous_plans": 99999999999999999999}]},
         {"id": "C2", "extra": 99999999999999999999, "score": 1e400},
         {"id": "C3", "extra": -9223372036854775808}]
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C3"])
        XCTAssertEqual(result.errors.map(\.message), [
            "field 'cp_plans[0].previous_plans': the number 99999999999999999999 is too large for a whole-number field (the limit is 9223372036854775807)",
            "field 'score': the number 1e400 is too large",
        ])
        XCTAssertEqual(result.records[0].value["extra"]?.intValue, Int64.min)

        let untyped = try scratch.write("huge2.json", #"{"id": "C4", "extra": 99999999999999999999}"#)
        XCTAssertEqual(read(untyped).records.first?.value["extra"]?.doubleValue, 1e20)
    }

    func testMalformedNumbers() throws {
        for (text, message) in [
            (#"{"id": "C1", "extra": 012}"#, "1:23: error: invalid number: a number may not start with 0"),
            (#"{"id": "C1", "extra": 1.}"#, "1:25: error: invalid number: expected a digit after the decimal point"),
            (#"{"id": "C1", "extra": -}"#, "1:24: error: invalid number: expected a digit after '-'"),
            (#"{"id": "C1", "extra": 1e}"#, "1:25: error: invalid number: expected a digit in the exponent"),
        ] {
            let path = try scratch.write("n.json", text)
            let result = read(path)
            XCTAssertEqual(result.records.count, 0, text)
            XCTAssertEqual(result.rendered.first?.components(separatedBy: "\n").first, "n.json:" + message, text)
        }
    }

    // MARK: Malformed JSON

    func testMissingCommaIsReportedWithLineAndColumn() throws {
        let path = try scratch.write("bad.json", """
        [{"id": "C1"},
         {"id": "C2" "worker": "Ann"},
         {"id": "C3"}]
        """)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C1"], "records before the fault are kept")
        XCTAssertEqual(result.rendered, [
            "bad.json:2:14: error: unexpected '\"': expected ',' or '}' after object member",
            "bad.json:2:14: note: the rest of this file was not read",
        ])
        XCTAssertEqual(result.counts.recordsSkipped, 1)
    }

    func testCommonMistakesGetHints() throws {
        let cases: [(String, String, String?)] = [
            (#"{"id": 'C1'}"#, "1:8: error: unexpected ''': expected a value", "JSON text is written in double quotes: \"like this\""),
            (#"{"id": C1}"#, "1:8: error: unexpected 'C': expected a value", "text must be in double quotes; the only bare words are true, false and null"),
            (#"{"id": "C1",}"#, "1:13: error: unexpected '}': expected a field name in double quotes", "is there a comma too many just before it?"),
            ("{\"id\": \"C1\", \"disabilities\": [\"A\",]}", "1:35: error: expected a value after ','", "remove the comma before ']'"),
            (#"{"id": "C1" "#, "1:13: error: unexpected end of file: expected ',' or '}' after object member", nil),
            (#"{"id": "C1"#, "1:8: error: unterminated text: the closing '\"' is missing", nil),
            (#"{"id" "C1"}"#, "1:7: error: unexpected '\"': expected ':' after the field name \"id\"", nil),
            (#"{"id": True}"#, "1:8: error: unexpected 'T': expected a value", "text must be in double quotes; the only bare words are true, false and null"),
            (#"{"id": "C1"} {"id": "C2"}"#, "1:14: error: unexpected text after the end of the JSON value; it was not read",
             "a .json file holds one record or one list of records; for one record a line, name the file .ndjson"),
        ]
        for (text, expected, hint) in cases {
            let path = try scratch.write("m.json", text)
            let result = read(path)
            let first = try XCTUnwrap(result.errors.first, text)
            var located = first
            located.location.file = "m.json"
            XCTAssertEqual("\(located.location): error: \(first.message)", "m.json:" + expected, text)
            XCTAssertEqual(first.hint, hint, text)
        }
    }

    func testBadEscapesAndControlCharacters() throws {
        let cases: [(String, String)] = [
            (#"{"id": "a\qb"}"#, "1:10: error: invalid escape '\\q' in text"),
            (#"{"id": "\u12G4"}"#, "1:9: error: \\u must be followed by four hexadecimal digits"),
            (#"{"id": "\ud83d"}"#, "1:9: error: invalid \\u escape: a high surrogate not followed by a low one"),
            (#"{"id": "\ude00x"}"#, "1:9: error: invalid \\u escape: a lone low surrogate (\\uDE00)"),
            ("{\"id\": \"a\tb\"}", "1:10: error: control character (byte 9) inside text"),
            ("{\"id\": \"a\nb\"}", "1:10: error: line break inside text"),
        ]
        for (text, expected) in cases {
            let path = try scratch.write("e.json", text)
            let result = read(path)
            XCTAssertEqual(result.records.count, 0, text)
            let first = try XCTUnwrap(result.errors.first, text)
            XCTAssertEqual("\(first.location.line):\(first.location.column): error: \(first.message)", expected, text)
        }
    }

    func testInvalidUTF8IsAnErrorWithPosition() throws {
        var bytes = Data(#"[{"id": "C1"}, {"id": "ab"#.utf8)
        bytes.append(contentsOf: [0xC3, 0x28])  // a lead byte followed by a non-continuation byte
        bytes.append(contentsOf: Data(#""}]"#.utf8))
        let path = try scratch.write("utf8.json", bytes)
        let result = read(path)
        XCTAssertEqual(result.ids, ["C1"])
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(error.message, "text is not valid UTF-8 (byte 0xC3)")
        XCTAssertEqual(error.location.line, 1)
        XCTAssertEqual(error.location.column, 26)
    }

    func testNonASCIITextColumnsCountCharacters() throws {
        let path = try scratch.write("cols.json", #"{"team": "Équipe Nord", "id": 5}"#)
        let result = read(path)
        XCTAssertEqual(result.records.first?.value["team"]?.stringValue, nil)
        XCTAssertEqual(result.errors.first?.location.column, 31, "columns count characters, not bytes")
    }

    func testDeepNestingIsAnErrorNotACrash() throws {
        let depth = 100_000
        let text = #"{"id": "C1", "extra": "# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        let path = try scratch.write("deep.json", text)
        let result = read(path)
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.first?.message, "nesting deeper than 64 levels")

        let shallow = #"{"id": "C1", "extra": "# + String(repeating: "[", count: 10) + String(repeating: "]", count: 10) + "}"
        XCTAssertEqual(read(try scratch.write("ok.json", shallow)).ids, ["C1"])
    }

    // MARK: Empty and missing files

    func testEmptyFileIsAWarning() throws {
        for text in ["", "  \n"] {
            let path = try scratch.write("empty.json", text)
            let result = read(path)
            XCTAssertEqual(result.records.count, 0)
            XCTAssertEqual(result.rendered, ["empty.json:1: warning: the file is empty: it holds no case records"])
            XCTAssertEqual(result.counts.errors, 0)
        }
    }

    func testEmptyListHasNoRecordsAndNoDiagnostics() throws {
        let result = read(try scratch.write("empty.json", "[ ]"))
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.diagnostics, [])
    }

    func testUnclosedListIsAnError() throws {
        let result = read(try scratch.write("open.json", #"[{"id": "C1"}, "#))
        XCTAssertEqual(result.ids, ["C1"])
        XCTAssertEqual(result.errors.first?.message, "unexpected end of file: the list of records has no closing ']'")
    }

    func testUTF16FileGetsAHint() throws {
        var data = Data([0xFF, 0xFE])
        data += #"{"id": "C1"}"#.data(using: .utf16LittleEndian)!
        let result = read(try scratch.write("utf16.json", data))
        XCTAssertEqual(result.records.count, 0)
        XCTAssertEqual(result.errors.first?.hint, "the file looks like UTF-16 text; save it as UTF-8")
    }

    func testNestedItemLinesHaveFullPaths() throws {
        let path = try scratch.write("nested.json", """
        {"id": "C1", "extra": [
          {"parts": [
            {"n": 1},
            {"n": 2}
          ]}
        ]}
        """)
        let result = read(path)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.records.first?.itemLines, ["extra[0]": 2, "extra[0].parts[0]": 3, "extra[0].parts[1]": 4])
    }

    /// A list of records with every kind of trouble, pretty-printed over many lines.
    private func troubledList(count: Int, breakAt: Int?) -> String {
        var items: [String] = []
        for i in 0..<count {
            if i == breakAt { items.append(#"{"id": "C\#(i)", "team": "A" "worker": "B"}"#); continue }
            switch i % 6 {
            case 0: items.append(#"{"id": "C\#(i)", "wroker": "W", "team": "brace } and [ \" quote",\#n "visits": [\#n {"date": "2024-01-0\#(i % 9 + 1)", "sean": true}]}"#)
            case 1: items.append(#"{"id": "C\#(i)",\#n "birth_date": "2024-02-30"}"#)
            case 2: items.append(#""not a record \#(i)""#)
            case 3: items.append(#"{"id": "C\#(i)", "team": "x", "team": "y"}"#)
            default: items.append(#"{"id": "C\#(i)", "cp_plans": [\#n  {"start_date": "2024-03-01", "reviews": ["2024-06-01"]}]}"#)
            }
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    func testParallelParsingGivesTheSameOutput() throws {
        for breakAt in [nil, 1_234] as [Int?] {
            let path = try scratch.write("list.json", troubledList(count: 2_000, breakAt: breakAt))
            let serial = read([path], batchSize: 100)
            XCTAssertGreaterThan(serial.records.count, 500)
            XCTAssertEqual(serial.ids.contains("C1998"), breakAt == nil, "a syntax error ends the file")
            for threads in [2, 3] {
                let parallel = read([path], batchSize: 100, parallelism: threads)
                XCTAssertEqual(parallel.ids, serial.ids, "threads: \(threads)")
                XCTAssertEqual(parallel.records.map(\.location.line), serial.records.map(\.location.line))
                XCTAssertEqual(parallel.records.map(\.itemLines), serial.records.map(\.itemLines))
                XCTAssertEqual(parallel.diagnostics, serial.diagnostics, "threads: \(threads), break at \(String(describing: breakAt))")
                XCTAssertEqual(parallel.counts, serial.counts)
            }
        }
    }

    func testDatesAgreeWithCaseModel() throws {
        let texts = ["2024-02-29", "2023-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2024-13-01", "2024-00-10",
                     "2024-1a-01", "+024-01-01", "2024-01-1", "2024/01/01", "2024-04-31", "1900-02-29", "2000-02-29"]
        for text in texts {
            let path = try scratch.write("d.json", #"{"id": "C1", "birth_date": "\#(text)"}"#)
            let result = read(path)
            if let expected = CalendarDate(iso: text) {
                XCTAssertEqual(result.records.first?.value["birth_date"]?.asDate, expected, text)
            } else {
                XCTAssertEqual(result.records.count, 0, text)
                XCTAssertTrue(result.errors.first?.message.hasPrefix("field 'birth_date': '\(text)' is not a date") ?? false, text)
            }
        }
    }

    func testManyErrorsInOneRecordAreCappedButCounted() throws {
        let visits = (0..<25).map { _ in #"{"seen": "yes"}"# }.joined(separator: ", ")
        let path = try scratch.write("many.json", #"{"id": "C1", "visits": [\#(visits)]}"#)
        let result = read(path)
        XCTAssertEqual(result.errors.count, 20)
        XCTAssertEqual(result.diagnostics.last?.message, "record 'C1' skipped (25 errors, 5 not shown)")
        XCTAssertEqual(result.counts.recordsSkipped, 1)
    }
}
