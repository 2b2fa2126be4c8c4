import CEL
import CaseModel
import Yams

/// Reads a rule's `examples:`: each a name, a health-check date, pass or fail, and a case.
struct ExampleParser {
    var reader: NodeReader
    let schema: ObjectSchema?

    static let keys = ["name", "as_of", "expect", "case", "cases", "findings", "status"]

    mutating func parse(_ node: Node) -> [RuleExample] {
        guard case .sequence(let list) = node else {
            reader.error(node, "'examples' should be a list (each item starting with '- name:'), but found \(NodeReader.describe(node))")
            return []
        }
        var examples: [RuleExample] = []
        for (n, item) in list.enumerated() {
            if let example = parseOne(item, number: n + 1) { examples.append(example) }
        }
        return examples
    }

    private mutating func parseOne(_ node: Node, number: Int) -> RuleExample? {
        guard let entries = reader.entries(node, what: "an example") else { return nil }
        reader.rejectUnknownKeys(entries, allowed: ExampleParser.keys, in: "an example")
        func v(_ k: String) -> Node? { entries.first { $0.key == k }?.value }
        let name = v("name").flatMap { reader.text($0, key: "name") } ?? "example \(number)"
        var asOf: CalendarDate?
        if let d = v("as_of") { asOf = reader.date(d, key: "as_of") } else {
            reader.error(node, "example '\(name)' needs 'as_of', the date the check is run for", hint: "for example 'as_of: 2024-09-01'")
        }
        var expect: RuleExample.Expectation?
        if let e = v("expect") {
            expect = reader.choice(e, key: "expect", among: ["pass", "fail"]).flatMap(RuleExample.Expectation.init(rawValue:))
        } else {
            reader.error(node, "example '\(name)' needs 'expect: pass' or 'expect: fail'")
        }
        var records: [Value]?
        switch (v("case"), v("cases")) {
        case (let one?, nil):
            var builder = CaseValueBuilder(reader: reader)
            records = builder.record(one, schema: schema).map { [$0] }
            reader = builder.reader
        case (nil, let many?):
            guard case .sequence(let list) = many, !list.isEmpty else {
                reader.error(many, "'cases' should be a list of case records, but found \(NodeReader.describe(many))")
                break
            }
            var builder = CaseValueBuilder(reader: reader)
            let built = list.compactMap { builder.record($0, schema: schema) }
            reader = builder.reader
            if built.count == list.count { records = built }
        case (_?, _?):
            reader.error(node, "example '\(name)' has both 'case' and 'cases'; use 'case' for one record, 'cases' for several")
        case (nil, nil):
            reader.error(node, "example '\(name)' needs 'case:', the case record to check (or 'cases:', a list of them)")
        }
        let count = v("findings").flatMap { reader.integer($0, key: "findings") }
        let status = v("status").flatMap {
            reader.choice($0, key: "status", among: FindingStatus.allCases.map(\.rawValue)).flatMap(FindingStatus.init(rawValue:))
        }
        if expect == .pass, let count, count != 0, let f = v("findings") {
            reader.error(f, "example '\(name)' expects to pass but also expects \(count) findings")
        }
        guard let asOf, let expect, let records else { return nil }
        return RuleExample(name: name, asOf: asOf, expect: expect, records: records, findingCount: count,
                           status: status, location: reader.location(node))
    }
}
