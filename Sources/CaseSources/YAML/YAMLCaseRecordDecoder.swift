import CEL
import CaseModel
import Yams

/// Types one case record given as an already composed YAML node, as the loaders do: for
/// records written inside other files, such as a rule's `examples: - case: {...}`.
public struct YAMLCaseRecordDecoder: Sendable {
    private let schema: ObjectSchema
    private let maxDepth: Int

    /// - Parameters:
    ///   - schema: the schema of a child's record.
    ///   - maxDepth: nesting limit inside the record.
    public init(schema: ObjectSchema, maxDepth: Int = 64) {
        self.schema = schema
        self.maxDepth = max(2, maxDepth)
    }

    public init(schema: CaseSchema, maxDepth: Int = 64) {
        self.init(schema: schema.root, maxDepth: maxDepth)
    }

    /// The typed record, or nil when it has errors; and the diagnostics (warnings for
    /// unknown fields, errors, a note when the record is rejected), located in `file` at
    /// the node's marks.
    public func decode(_ node: Node, file: String) -> (record: CaseRecord?, diagnostics: [Diagnostic]) {
        let context = RecordTypingContext(file: file)
        let typer = YAMLNodeTyper(context: context, maxDepth: maxDepth)
        let events: [LoadEvent]
        if case .mapping = node {
            events = typer.record(node, schema: ResolvedObject(schema))
        } else {
            let (line, column) = typer.position(node)
            events = context.skipped(because: "a case record must be fields (name: value)", line: line, column: column)
        }
        var record: CaseRecord?
        var diagnostics: [Diagnostic] = []
        for event in events {
            switch event {
            case .record(let r): record = r
            case .diagnostic(let d), .onceAFile(let d, _): diagnostics.append(d)
            case .skipped, .checked, .fileAbandoned: break
            }
        }
        return (record, diagnostics)
    }
}
