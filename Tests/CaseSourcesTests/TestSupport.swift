import CEL
import CaseModel
import CaseSources
import Foundation
import XCTest

/// A schema shaped like the core of rules/schema.yaml, small enough to read in a test.
enum TestSchema {
    static let cpPlan = ObjectSchema(name: "cp_plan", fields: [
        .init(name: "id", type: .string),
        .init(name: "start_date", type: .date, required: true),
        .init(name: "end_date", type: .date),
        .init(name: "previous_plans", type: .int),
        .init(name: "reviews", type: .list(.date)),
    ])
    static let visit = ObjectSchema(name: "visit", fields: [
        .init(name: "date", type: .date),
        .init(name: "kind", type: .string),
        .init(name: "seen", type: .bool),
        .init(name: "seen_alone", type: .bool),
        .init(name: "worker", type: .string),
    ])
    static let child = ObjectSchema(name: "child", fields: [
        .init(name: "id", type: .string, required: true),
        .init(name: "upn", type: .string),
        .init(name: "birth_date", type: .date),
        .init(name: "team", type: .string),
        .init(name: "worker", type: .string),
        .init(name: "score", type: .double),
        .init(name: "disabilities", type: .list(.string)),
        .init(name: "extra", type: .any),
        .init(name: "cp_plans", type: .list(.object(cpPlan))),
        .init(name: "visits", type: .list(.object(visit))),
    ])
}

/// A scratch folder for case files, removed after the test.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("casesources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Data(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// What reading some paths gave.
struct ReadResult {
    var records: [CaseRecord]
    var diagnostics: [Diagnostic]
    var counts: CaseReadCounts

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    var ids: [String] { records.compactMap(\.id) }

    /// Diagnostics as the CLI would print them, file names shortened to their last component.
    var rendered: [String] {
        diagnostics.map { d in
            var d = d
            d.location.file = URL(fileURLWithPath: d.location.file).lastPathComponent
            return d.description
        }
    }
}

func read(_ paths: [String], batchSize: Int = 1000, maxDepth: Int = 64, parallelism: Int = 1) -> ReadResult {
    let reader = CaseReader(paths: paths, schema: TestSchema.child, batchSize: batchSize, maxDepth: maxDepth,
                            parallelism: parallelism)
    var records: [CaseRecord] = [], diagnostics: [Diagnostic] = []
    while let batch = reader.nextBatch() {
        records += batch.records
        diagnostics += batch.diagnostics
    }
    return ReadResult(records: records, diagnostics: diagnostics, counts: reader.counts)
}

func read(_ path: String, maxDepth: Int = 64) -> ReadResult { read([path], maxDepth: maxDepth) }

extension Value {
    /// A field of a map value, for tests.
    subscript(_ key: String) -> Value? {
        guard case .map(let m) = self else { return nil }
        return m[string: key]
    }

    subscript(_ index: Int) -> Value? {
        guard case .list(let l) = self, index < l.count else { return nil }
        return l[index]
    }

    var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    var intValue: Int64? { if case .int(let i) = self { return i }; return nil }
    var doubleValue: Double? { if case .double(let d) = self { return d }; return nil }
    var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    var isNullValue: Bool { if case .null = self { return true }; return false }
    var listCount: Int? { if case .list(let l) = self { return l.count }; return nil }
}

func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
