import XCTest
import CEL
import CaseModel

final class CaseSchemaTests: XCTestCase {
    private func shipped() throws -> CaseSchema {
        let result = CaseSchema.load(path: packageRoot + "/rules/schema.yaml")
        XCTAssertEqual(result.diagnostics, [])
        return try result.get()
    }

    func testShippedSchemaHasEveryDesignField() throws {
        let schema = try shipped()
        XCTAssertEqual(schema.root.name, "child")
        let expected: [String: [String]] = [
            "": ["id", "upn", "sex", "birth_date", "expected_birth_date", "death_date", "ethnicity", "disabilities", "team", "worker"],
            "episodes": ["id", "referral_date", "referral_source", "primary_need", "referral_nfa", "decision_date", "closure_date", "closure_reason"],
            "assessments": ["id", "episode", "start_date", "authorised_date", "factors"],
            "section47s": ["id", "episode", "start_date", "icpc_target_date", "icpc_date", "icpc_not_required"],
            "cin_plans": ["id", "episode", "start_date", "end_date"],
            "cp_plans": ["id", "episode", "start_date", "end_date", "initial_category", "latest_category", "previous_plans", "reviews", "core_groups"],
            "visits": ["date", "kind", "seen", "seen_alone", "worker"],
            "care_periods": ["id", "start_date", "end_date", "legal_status"],
            "placements": ["id", "care_period", "start_date", "end_date", "type", "long_term"],
            "lac_reviews": ["date"], "health_assessments": ["date", "kind"], "peps": ["date"],
        ]
        for (list, names) in expected {
            let object = list.isEmpty ? schema.root : schema.itemSchema(ofList: list)
            guard let object else { XCTFail("no list \(list)"); continue }
            for name in names {
                guard let field = object.field(named: name) else { XCTFail("\(list) has no \(name)"); continue }
                XCTAssertFalse(field.description?.isEmpty ?? true, "\(list).\(name) has no description")
                XCTAssertNotNil(field.location)
            }
        }
        XCTAssertEqual(schema.root.field(named: "id")?.required, true)
        XCTAssertEqual(schema.root.field(named: "birth_date")?.type, .date)
        XCTAssertEqual(schema.itemSchema(ofList: "cp_plans")?.field(named: "reviews")?.type, .list(.date))
        XCTAssertEqual(schema.itemSchema(ofList: "cp_plans")?.name, "cp_plan")
        XCTAssertEqual(schema.itemSchema(ofList: "visits")?.field(named: "kind")?.allowedValues, ["cin", "cp", "lac", "other"])
        XCTAssertEqual(schema.itemSchema(ofList: "episodes")?.field(named: "referral_nfa")?.type, .bool)
        XCTAssertEqual(schema.itemSchema(ofList: "cp_plans")?.field(named: "previous_plans")?.type, .int)
        XCTAssertEqual(schema.root.field(named: "disabilities")?.type, .list(.string))
        XCTAssertNil(schema.itemSchema(ofList: "disabilities"))
        // Declaration order is kept.
        XCTAssertEqual(schema.root.fields.prefix(3).map(\.name), ["id", "upn", "sex"])
    }

    func testCelTypes() throws {
        let schema = try shipped()
        XCTAssertEqual(FieldType.date.celType, .opaque("date"))
        XCTAssertEqual(FieldType.list(.date).celType, .listOf(.opaque("date")))
        XCTAssertEqual(FieldType.string.celType, .string)
        XCTAssertEqual(FieldType.any.celType, .dyn)
        guard case .object(let child) = schema.celType else { return XCTFail("child is not an object type") }
        XCTAssertEqual(child.name, "child")
        guard case .listOf(.object(let plan))? = child.fields["cp_plans"] else { return XCTFail("cp_plans type") }
        XCTAssertEqual(plan.name, "cp_plan")
        XCTAssertEqual(plan.fields["start_date"], .opaque("date"))
        XCTAssertEqual(plan.fields["reviews"], .listOf(.opaque("date")))
    }

    /// The point of the schema: the checker rejects misspelt fields in rules.
    func testCheckerCatchesMisspeltFields() throws {
        let schema = try shipped()
        var env = Environment()
        DateFunctions.install(into: &env, calendar: .weekendsOnly)
        env.declare("child", type: schema.celType)
        env.declare("plan", type: schema.itemSchema(ofList: "cp_plans")!.celType)
        env.declare("as_of", type: DateValue.celType)
        XCTAssertNoThrow(try env.compile("plan.start_date + span('3 months') <= as_of"))
        XCTAssertNoThrow(try env.compile("plan.end_date == null || plan.end_date > plan.start_date"))
        XCTAssertNoThrow(try env.compile("child.cp_plans.exists(p, p.reviews.size() == 0)"))
        XCTAssertNoThrow(try env.compile("child.visits.filter(v, v.seen_alone).size() > 0"))
        XCTAssertThrowsError(try env.compile("plan.start_dat <= as_of")) { error in
            XCTAssertTrue("\(error)".contains("start_date"), "\(error)")
        }
        XCTAssertThrowsError(try env.compile("child.cp_plans.exists(p, p.reveiws.size() == 0)"))
        XCTAssertThrowsError(try env.compile("child.vists.size() > 0"))
    }

    // MARK: - Bad input

    private func load(_ yaml: String) -> LoadResult<CaseSchema> { CaseSchema.parse(yaml: yaml, file: "schema.yaml") }

    private func assertDiagnostic(_ result: LoadResult<CaseSchema>, line: Int, column: Int, contains text: String,
                                  hint: String? = nil, file: StaticString = #filePath, testLine: UInt = #line) {
        guard let d = result.diagnostics.first(where: { $0.location.line == line && $0.message.contains(text) }) else {
            return XCTFail("no diagnostic at line \(line) containing '\(text)'; got:\n\(result.diagnostics)", file: file, line: testLine)
        }
        XCTAssertEqual(d.location.file, "schema.yaml", file: file, line: testLine)
        XCTAssertEqual(d.location.column, column, "\(d)", file: file, line: testLine)
        XCTAssertEqual(d.severity, .error, file: file, line: testLine)
        if let hint { XCTAssertEqual(d.hint, hint, "\(d)", file: file, line: testLine) }
    }

    func testShorthandForms() throws {
        let schema = try CaseSchema(yaml: """
            child:
              fields:
                id: string
                reviews: list of date
                address:
                  type: object
                  fields:
                    postcode: string
            """, file: "schema.yaml")
        XCTAssertEqual(schema.root.field(named: "id")?.type, .string)
        XCTAssertEqual(schema.root.field(named: "reviews")?.type, .list(.date))
        guard case .object(let address)? = schema.root.field(named: "address")?.type else { return XCTFail() }
        XCTAssertEqual(address.field(named: "postcode")?.type, .string)
    }

    func testAllProblemsAreReportedAndTheRestLoads() {
        let result = load("""
            child:
              fields:
                id: {type: string, required: true}
                birth_date: {type: dat}
                count: {type: integer}
                visits:
                  type: list
                  fields:
                    date: {type: date}
                    seen: {type: boolean, descripton: Seen or not}
                team: string
            """)
        XCTAssertEqual(result.errors.count, 4, "\(result.diagnostics)")
        assertDiagnostic(result, line: 4, column: 24, contains: "unknown type 'dat' for field 'birth_date'", hint: "did you mean 'date'?")
        assertDiagnostic(result, line: 5, column: 19, contains: "unknown type 'integer'", hint: "did you mean 'int'?")
        assertDiagnostic(result, line: 10, column: 31, contains: "unknown key 'descripton'", hint: "did you mean 'description'?")
        assertDiagnostic(result, line: 10, column: 22, contains: "unknown type 'boolean'", hint: "did you mean 'bool'?")
        // What could be read was kept.
        XCTAssertEqual(result.value?.root.fields.map(\.name), ["id", "visits", "team"])
        XCTAssertEqual(result.value?.itemSchema(ofList: "visits")?.fields.map(\.name), ["date"])
        XCTAssertThrowsError(try result.get())
    }

    func testDuplicateFieldsAreReportedAndLoadingContinues() {
        let result = load("""
            child:
              fields:
                id: string
                team: string
                id: int
                worker: strng
            """)
        assertDiagnostic(result, line: 5, column: 5, contains: "'id' appears more than once")
        assertDiagnostic(result, line: 6, column: 13, contains: "unknown type 'strng'", hint: "did you mean 'string'?")
        XCTAssertEqual(result.value?.root.field(named: "id")?.type, .string)
    }

    func testBadStructure() {
        let noItems = load("child:\n  fields:\n    reviews: {type: list}\n")
        assertDiagnostic(noItems, line: 3, column: 21, contains: "must say what it holds")
        let both = load("child:\n  fields:\n    reviews: {type: list, items: date, fields: {a: string}}\n")
        assertDiagnostic(both, line: 3, column: 34, contains: "both 'items' and 'fields'")
        let fieldsOnScalar = load("child:\n  fields:\n    id: {type: string, fields: {a: string}}\n")
        assertDiagnostic(fieldsOnScalar, line: 3, column: 32, contains: "'fields' only applies to lists and objects")
        let noType = load("child:\n  fields:\n    id: {description: The id}\n")
        assertDiagnostic(noType, line: 3, column: 5, contains: "has no 'type'")
        let emptyType = load("child:\n  fields:\n    id:\n")
        assertDiagnostic(emptyType, line: 3, column: 8, contains: "has no type")
        let listField = load("child:\n  fields:\n    id: [string]\n")
        assertDiagnostic(listField, line: 3, column: 9, contains: "must be a type")
        let badName = load("child:\n  fields:\n    startDate: date\n")
        assertDiagnostic(badName, line: 3, column: 5, contains: "not a valid field name", hint: "did you mean 'start_date'?")
        let badRequired = load("child:\n  fields:\n    id: {type: string, required: maybe}\n")
        assertDiagnostic(badRequired, line: 3, column: 34, contains: "'required' must be true or false")
        let badValues = load("child:\n  fields:\n    n: {type: int, values: [1, 2]}\n")
        assertDiagnostic(badValues, line: 3, column: 28, contains: "'values' only applies to string fields")
        let inlineList = load("child:\n  fields:\n    x: list of list\n")
        assertDiagnostic(inlineList, line: 3, column: 8, contains: "cannot be written inline")
        let objectNoFields = load("child:\n  fields:\n    x: {type: object}\n")
        assertDiagnostic(objectNoFields, line: 3, column: 15, contains: "needs 'fields:'")
        let fieldsNotMapping = load("child:\n  fields: [id, team]\n")
        assertDiagnostic(fieldsNotMapping, line: 2, column: 11, contains: "must be listed one a line")
    }

    func testTopLevelProblems() {
        let noChild = load("kid:\n  fields:\n    id: string\n")
        assertDiagnostic(noChild, line: 1, column: 1, contains: "unknown key 'kid'")
        XCTAssertTrue(noChild.diagnostics.contains { $0.message.contains("no 'child:' section") })
        XCTAssertNil(noChild.value)
        let childTypo = load("chld:\n  fields:\n    id: string\n")
        assertDiagnostic(childTypo, line: 1, column: 1, contains: "unknown key 'chld'", hint: "did you mean 'child'?")
        let noFields = load("child:\n  description: x\n")
        assertDiagnostic(noFields, line: 2, column: 3, contains: "'child' has no 'fields'")
        let notMapping = load("- id\n")
        assertDiagnostic(notMapping, line: 1, column: 1, contains: "must be a mapping")
        let badYAML = load("child:\n  fields:\n    id: {type: string\n")
        XCTAssertTrue(badYAML.diagnostics.first?.message.contains("not valid YAML") ?? false, "\(badYAML.diagnostics)")
        XCTAssertNil(badYAML.value)
        let empty = load("")
        XCTAssertTrue(empty.diagnostics.first?.message.contains("empty") ?? false)
        let missing = CaseSchema.load(path: "/nonexistent/schema.yaml")
        XCTAssertTrue(missing.diagnostics.first?.message.contains("cannot read the schema file") ?? false)
    }
}
