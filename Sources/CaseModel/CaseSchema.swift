import CEL
import Foundation

/// The canonical shape of a child's case record, read from `rules/schema.yaml`: which
/// fields and lists exist and their types. Local authorities add fields by editing the file.
///
/// The file's form (see `rules/schema.yaml` for the full schema):
///
/// ```yaml
/// child:
///   description: One child's case record
///   fields:
///     id:         {type: string, required: true, description: The child's identifier}
///     birth_date: {type: date, description: Date of birth}
///     cp_plans:
///       type: list
///       description: Child protection plans
///       fields:
///         start_date: {type: date, description: Date of the initial conference}
///         reviews:    {type: list, items: date, description: Review conference dates}
/// ```
///
/// A field is either a type name (`birth_date: date`) or a mapping with `type` and
/// optionally `description`, `required`, `items` (the item type of a list of plain values),
/// `fields` (the fields of a list's items or of an object), `values` (the allowed values of
/// a string) and `item_name` (what one item of a list is called in messages).
/// Types: `string`, `int`, `double`, `bool`, `date`, `list`, `object`, `any`, and the
/// shorthand `list of date`.
public struct CaseSchema: Hashable, Sendable {
    /// The child: the record's root object.
    public var root: ObjectSchema

    public init(root: ObjectSchema) { self.root = root }

    /// The checker type of the whole record (`child` in rules).
    public var celType: CELType { root.celType }

    /// The item schema of one of the child's lists of objects (`cp_plans` → the plan's fields).
    public func itemSchema(ofList name: String) -> ObjectSchema? {
        guard case .list(.object(let item))? = root.field(named: name)?.type else { return nil }
        return item
    }

    /// Reads and parses a schema file.
    public static func load(path: String) -> LoadResult<CaseSchema> {
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return parse(yaml: text, file: path)
        } catch {
            return LoadResult(value: nil, diagnostics: [
                Diagnostic(.error, at: SourceLocation(file: path, line: 0), "cannot read the schema file: \(error.localizedDescription)")])
        }
    }

    /// Parses schema YAML; `file` is used in diagnostics. Every problem is reported; the
    /// value holds what could be read (problem fields left out) unless the file is unusable.
    public static func parse(yaml text: String, file: String) -> LoadResult<CaseSchema> {
        // The schema reader reads every value as text (types, names, `required: true`), so
        // no YAML typing is needed.
        let (root, yamlDiagnostics) = YAMLDocument.compose(text, file: file, resolver: .basic)
        var reader = SchemaFileReader(file: file, diagnostics: yamlDiagnostics)
        guard let root else {
            if yamlDiagnostics.isEmpty { reader.error(nil, "the schema file is empty; it needs a 'child' with its fields") }
            return LoadResult(value: nil, diagnostics: reader.diagnostics)
        }
        let child = reader.readRoot(root)
        return LoadResult(value: child.map(CaseSchema.init(root:)), diagnostics: reader.diagnostics)
    }

    /// Convenience: the parsed schema, or a ``DiagnosticsError`` listing every problem.
    public init(yaml text: String, file: String) throws {
        self = try CaseSchema.parse(yaml: text, file: file).get()
    }
}
