import CaseModel
import XCTest
@testable import Rules

/// Deliberately broken rule files, each with the exact diagnostics expected (position,
/// message, hint). None may crash, none may load silently.
final class BrokenRuleTests: XCTestCase {
    private func diagnostics(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        Fixture.load(yaml, name: "r.yaml").1.map(\.description)
    }

    private func assertDiagnostics(_ yaml: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(diagnostics(yaml), expected, file: file, line: line)
    }

    func testUnknownKeyWithDidYouMean() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            tilte: x
            expect: child.id != ""
        """, ["r.yaml:5:5: error: unknown key 'tilte' in a rule\n  hint: did you mean 'title'?"])
    }

    func testBadSeverity() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: hihg
            expect: child.id != ""
        """, ["r.yaml:4:15: error: 'severity' should be one of info, low, medium, high, critical, but is 'hihg'\n  hint: did you mean 'high'?"])
    }

    func testNoKind() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
        """, ["r.yaml:2:5: error: rule 'A' has no check; add one of: expect, deadline, cadence, duration, no_overlap, aggregate"])
    }

    func testTwoKinds() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            expect: child.id != ""
            duration: {start: child.birth_date, end: null, max: 18 years}
        """, ["r.yaml:6:5: error: rule 'A' has two checks, 'expect' (line 5) and 'duration'; a rule has exactly one\n  hint: split it into two rules with their own ids"])
    }

    func testMisspeltKindIsAnUnknownKeyNotAlsoAMissingKind() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            dedline: {start: child.birth_date, done: null, within: 1 year}
        """, ["r.yaml:5:5: error: unknown key 'dedline' in a rule\n  hint: did you mean 'deadline'?"])
    }

    func testBadDurationLiteral() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            for_each: child.assessments
            deadline:
              start: item.start_date
              done: item.authorised_date
              within: 3 monhts
        """, ["r.yaml:9:15: error: 'within': '3 monhts' is not a duration: 'monhts' is not a unit (use days, working days, weeks, months or years)\n  hint: did you mean '3 months'?"])
    }

    func testUnknownFieldInCELAgainstTheSchema() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            for_each: child.cp_plans
            as: plan
            expect: plan.end_dat != null
        """, ["r.yaml:7:18: error: in 'expect': 'cp_plan' has no field 'end_dat'\n  hint: did you mean 'end_date'?"])
    }

    func testTabIndentation() {
        assertDiagnostics("rules:\n  - id: A\n\ttitle: t\n",
                          ["r.yaml:3:1: error: a tab is used for indentation; YAML needs spaces\n  hint: replace the tab with spaces"])
    }

    func testEmptyFile() {
        let expected = ["r.yaml:1:1: error: this rule file is empty\n  hint: a rule file starts with 'rules:' followed by a list of rules"]
        assertDiagnostics("", expected)
        assertDiagnostics("# only a comment\n", expected)
    }

    func testDuplicateIdPointsAtBoth() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            expect: "true"
          - id: A
            title: t2
            severity: low
            expect: "true"
        """, ["r.yaml:6:9: error: rule id 'A' is already used by the rule at r.yaml:2:9; each rule needs its own id\n  hint: rename one of them, for example 'A-2'",
              "r.yaml:2:9: note: 'A' is first used here"])
    }

    func testDuplicateIdAcrossFiles() {
        let rule = "rules:\n  - id: SAME\n    title: t\n    severity: low\n    expect: \"true\"\n"
        let (pack, diagnostics) = RulePack.load(sources: [RuleSource(name: "a.yaml", text: rule),
                                                          RuleSource(name: "b.yaml", text: "\n" + rule)],
                                                calendar: WorkingDayCalendar.weekendsOnly)
        XCTAssertEqual(pack.rules.map(\.location.file), ["a.yaml"])
        XCTAssertEqual(diagnostics.map(\.location.description), ["b.yaml:3:9", "a.yaml:2:9"])
    }

    func testCELSyntaxErrorInsideQuotes() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            when: "child.worker == "
            expect: "true"
        """, ["r.yaml:5:28: error: in 'when': the expression ends too early"])
    }

    func testCELErrorInsideSingleQuotesWithEscapedQuotes() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            expect: 'child.id == ''x'' && child.tem == "y"'
        """, ["r.yaml:5:41: error: in 'expect': 'child' has no field 'tem'\n  hint: did you mean 'team'?"])
    }

    func testCELErrorOnTheSecondLineOfABlockScalar() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            expect: |
              child.id != "" &&
                child.wroker != ""
        """, ["r.yaml:7:15: error: in 'expect': 'child' has no field 'wroker'\n  hint: did you mean 'worker'?"])
    }

    func testBadInterpolationInMessage() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            expect: "true"
            message: "Worker {{child.wrker}} late"
        """, ["r.yaml:6:30: error: in 'message': 'child' has no field 'wrker'\n  hint: did you mean 'worker'?"])
    }

    func testUnclosedInterpolation() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            expect: "true"
            message: "Due {{due"
        """, ["r.yaml:6:19: error: in 'message': '{{' is not closed; end the expression with '}}'"])
    }

    func testWrongTypeForTitle() {
        assertDiagnostics("""
        rules:
          - id: A
            title: [t]
            severity: high
            expect: "true"
        """, ["r.yaml:3:12: error: 'title' should be a single value, but found a list"])
    }

    func testWhenThatIsNotABoolean() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            when: child.birth_date
            expect: "true"
        """, ["r.yaml:5:11: error: 'when' should give true or false, but `child.birth_date` gives a date"])
    }

    func testUnquotedColonInMessage() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            message: Review due: soon
            expect: "true"
        """, ["r.yaml:5:24: error: unexpected ':' here; text that contains ': ' must be put in quotes, or the indentation is wrong\n  hint: write the value in quotes, such as \"Review due: {{due}}\""])
    }

    func testMisspeltTopLevelKey() {
        assertDiagnostics("rulez:\n  - id: A\n", ["r.yaml:1:1: error: unknown key 'rulez' in a rule file\n  hint: did you mean 'rules'?"])
    }

    func testFileThatIsAListNotRules() {
        assertDiagnostics("- id: A\n", ["r.yaml:1:1: error: a rule file should start with 'rules:', but this one starts with a list\n  hint: add a line 'rules:' at the top and indent the list under it"])
    }

    func testDuplicateKeyPointsAtTheRepeat() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            title: u
            severity: high
            expect: "true"
        """, ["r.yaml:4:5: error: 'title' is written more than once in the same place; each key may appear only once\n  hint: remove or rename the repeated key"])
    }

    func testScheduleStepNeverReached() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            cadence:
              events: child.visits.map(v, v.date)
              from: child.birth_date
              schedule:
                - within: 1 week
                - every: 6 weeks
                - every: 3 months
        """, ["r.yaml:11:11: error: this step is never reached: the step before it (line 10) has no 'for:' and so lasts for ever\n  hint: add 'for:' to the earlier step, such as 'for: 1 year'"])
    }

    func testAggregateWithBothCountAndSum() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            aggregate: {group_by: child.worker, count: true, sum: child.hours, max: 3}
        """, ["r.yaml:5:54: error: 'aggregate' has both 'count' and 'sum'; use one"])
    }

    func testMissingRequiredKindField() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            deadline:
              start: child.birth_date
              within: 1 year
        """, ["r.yaml:5:5: error: 'deadline' needs 'done'\n  hint: for example 'done: item.authorised_date'"])
    }

    func testKindFieldLeftEmpty() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            duration:
              start: child.birth_date
              end:
              max: 18 years
        """, ["r.yaml:7:11: error: 'end' in 'duration' is empty; give it an expression\n  hint: for example 'end: plan.end_date'"])
    }

    func testBadExampleDateAndExpectation() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            expect: "true"
            examples:
              - name: x
                as_of: 2024-13-01
                expect: pas
                case: {id: X}
        """, ["r.yaml:8:16: error: 'as_of' should be a date written YYYY-MM-DD: '2024-13-01' is not a date: month 13 does not exist (months run 01 to 12)",
              "r.yaml:9:17: error: 'expect' should be one of pass, fail, but is 'pas'\n  hint: did you mean 'pass'?"])
    }

    func testUndefinedAlias() {
        assertDiagnostics("""
        rules:
          - id: A
            title: *missing
            severity: high
            expect: "true"
        """, ["r.yaml:3:12: error: this '*' refers to an anchor ('&name') that is not defined above it"])
    }

    func testAsThatHidesARuleVariable() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            for_each: child.visits
            as: child
            expect: "true"
        """, ["r.yaml:6:9: error: 'as: child' would hide the rule variable 'child'; choose another name"])
    }

    func testBareForEachNameIsAFieldOfTheChild() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            for_each: cp_plan
            expect: "true"
        """, ["r.yaml:5:15: error: in 'for_each': 'child' has no field 'cp_plan'\n  hint: did you mean 'cp_plans'?"])
    }

    func testDateComparedWithText() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            for_each: child.cp_plans
            as: plan
            expect: plan.start_date < '2024-01-01'
        """, ["r.yaml:7:29: error: in 'expect': '<' cannot compare a date with text\n  hint: write a date as date('2024-01-01'), or compare with another date field"])
    }

    func testListWhereABooleanIsNeeded() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            for_each: child.cp_plans
            as: plan
            expect: plan.reviews
        """, ["r.yaml:7:13: error: 'expect' should give true or false, but `plan.reviews` gives a list"])
    }

    func testItemUsedWhereTheRuleNamesItsItemOtherwise() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            for_each: child.cp_plans
            as: plan
            expect: item.end_date != null
        """, ["r.yaml:7:13: error: in 'expect': 'item' is not known here; expressions can use 'child', 'as_of', 'plan'\n  hint: this rule calls its item 'plan' (as: plan); write 'plan' instead of 'item'"])
    }

    func testFieldOfTheChildWithoutChildPrefix() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            expect: worker != null
        """, ["r.yaml:5:13: error: in 'expect': 'worker' is not known here; expressions can use 'child', 'as_of', 'item'\n  hint: did you mean 'child.worker'?"])
    }

    func testNoOverlapWithoutForEach() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            no_overlap: {start: child.birth_date, end: child.birth_date}
        """, ["r.yaml:5:5: error: 'no_overlap' compares the items of 'for_each', but rule 'A' has no 'for_each'\n  hint: add the list to compare, such as 'for_each: child.placements'"])
    }

    func testForEachThatIsNotAList() {
        assertDiagnostics("""
        rules:
          - id: A
            title: t
            severity: high
            for_each: child.worker
            expect: "true"
        """, ["r.yaml:5:15: error: 'for_each' should give a list, but `child.worker` gives text"])
    }

    func testABadRuleIsReportedAndTheOthersStillLoad() {
        let (pack, diagnostics) = Fixture.load("""
        rules:
          - id: BAD
            title: t
            severity: high
          - id: GOOD
            title: t
            severity: high
            expect: "true"
          - just text
          - id: ALSO-GOOD
            title: t
            severity: low
            expect: "true"
        """)
        XCTAssertEqual(pack.rules.map(\.id), ["GOOD", "ALSO-GOOD"])
        XCTAssertEqual(diagnostics.map(\.location.line), [2, 9])
        XCTAssertEqual(diagnostics.map(\.severity), [.error, .error])
    }

    func testMergeKeysAndAnchorsAreExpanded() {
        let (merged, diagnostics) = Fixture.load("""
        rules:
          - &base
            id: A
            title: t
            severity: high
            area: visits
            expect: "true"
          - <<: *base
            id: B
            severity: low
        """)
        XCTAssertEqual(diagnostics.map(\.description), [])
        XCTAssertEqual(merged.rules.map(\.id), ["A", "B"])
        XCTAssertEqual(merged.rules.map(\.severity), [.high, .low])
        XCTAssertEqual(merged.rules.last?.definition.area, "visits")
    }

    func testDeepNestingIsReportedNotACrash() {
        let deep = "rules: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        XCTAssertEqual(diagnostics(deep).map { $0.components(separatedBy: ": error: ").last ?? "" },
                       ["lists or mappings are nested too deeply here for a rule file"])
    }

    func testNothingCrashesOnRandomMutations() {
        let text = """
        rules:
          - id: CP-REVIEW
            title: Review conferences held on time
            severity: high
            for_each: child.cp_plans
            as: plan
            when: plan.start_date <= as_of
            cadence:
              events: plan.reviews
              from: plan.start_date
              until: plan.end_date
              schedule: [{within: 3 months}, {every: 6 months, for: 2 years}, {every: 1 year}]
            message: "Overdue since {{due}} ({{late}}); {{plan.id}}"
            examples:
              - {name: late, as_of: 2024-06-01, expect: fail, case: {id: X2, cp_plans: [{start_date: 2024-01-10, reviews: []}]}}
          - id: LOAD
            title: Caseload
            severity: low
            aggregate: {group_by: child.worker, count: true, max: 1}
            examples:
              - {name: two, as_of: 2024-06-01, expect: fail, cases: [{id: A, worker: W}, {id: B, worker: W}]}
        """
        let alphabet = Array(" \n\t:-{}[]'\"#&*|>!%@`,.0123456789abcXYZ{{}}")
        var seed: UInt64 = 0x5eed
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<400 {
            var chars = Array(text)
            for _ in 0..<(1 + next(4)) {
                let at = next(chars.count)
                switch next(3) {
                case 0: chars.remove(at: at)
                case 1: chars.insert(alphabet[next(alphabet.count)], at: at)
                default: chars[at] = alphabet[next(alphabet.count)]
                }
            }
            let (pack, _) = Fixture.load(String(chars))
            // Whatever loaded must also run its examples without crashing.
            for (_, results) in pack.runExamples() { _ = results.map(\.passed) }
        }
    }

    func testNothingCrashesOnRandomisedDamage() {
        // Cut a valid file at every position: each prefix must load or give diagnostics, never crash.
        let text = """
        rules:
          - id: CP-REVIEW
            title: Review conferences held on time
            severity: high
            for_each: child.cp_plans
            as: plan
            cadence: {events: plan.reviews, from: plan.start_date, until: plan.end_date, first_within: 3 months, then_every: 6 months}
            message: "Overdue since {{due}}"
        """
        let chars = Array(text)
        for cut in stride(from: 0, through: chars.count, by: 3) {
            let (pack, diagnostics) = Fixture.load(String(chars[..<cut]))
            XCTAssertTrue(pack.rules.count == 1 || !diagnostics.isEmpty, "prefix of \(cut) characters loaded nothing silently")
        }
    }
}

/// CEL errors inside every YAML scalar style land on the right file line and column (CEL
/// reports a misspelt field at the field's name).
final class ExpressionPositionTests: XCTestCase {
    private func location(_ yaml: String) -> String {
        Fixture.load(yaml, name: "r.yaml").1.first?.location.description ?? "none"
    }

    func testFoldedBlockScalar() {
        XCTAssertEqual(location("""
        rules:
          - id: A
            title: t
            severity: high
            expect: >-
              child.id != "" &&
              child.tema != ""
        """), "r.yaml:7:13")
    }

    func testPlainScalarOverSeveralLines() {
        XCTAssertEqual(location("""
        rules:
          - id: A
            title: t
            severity: high
            expect: child.id != "" &&
              child.tema != ""
        """), "r.yaml:6:13")
    }

    func testPlainScalarWithTrailingBlanksBeforeTheFold() {
        XCTAssertEqual(location("rules:\n  - id: A\n    title: t\n    severity: high\n    expect: child.id != ''   \n      && child.tema != ''\n"),
                       "r.yaml:6:16")
    }

    func testDoubleQuotedWithEscapes() {
        XCTAssertEqual(location("""
        rules:
          - id: A
            title: t
            severity: high
            expect: "child.id != \\"x\\" && child.tema != ''"
        """), "r.yaml:5:41")
    }

    func testFlowMappingValue() {
        XCTAssertEqual(location("""
        rules:
          - {id: A, title: t, severity: high, expect: "child.tema != ''"}
        """), "r.yaml:2:54")
    }

    func testWindowsLineEndings() {
        let yaml = "rules:\r\n  - id: A\r\n    title: t\r\n    severity: high\r\n    expect: |\r\n      child.id != '' &&\r\n        child.tema != ''\r\n"
        XCTAssertEqual(location(yaml), "r.yaml:7:15")
    }

    func testByteOrderMarkAtTheStart() {
        XCTAssertEqual(location("\u{FEFF}rules:\n  - id: A\n    title: t\n    severity: high\n    expect: child.tema != ''\n"),
                       "r.yaml:5:19")
    }

    func testMessageInterpolationOnALaterLineOfABlock() {
        XCTAssertEqual(location("""
        rules:
          - id: A
            title: t
            severity: high
            expect: "false"
            message: |
              Child {{child.id}}
              worker {{child.wroker}}
        """), "r.yaml:8:22")
    }
}
