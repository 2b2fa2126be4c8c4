import CEL
import CaseModel
import Yams

extension AnnexAColumnMap {
    /// The map that ships with casecheck (``AnnexADefaultColumnMap``), parsed once.
    public static let builtIn: AnnexAColumnMap = {
        do {
            return try load(yaml: AnnexADefaultColumnMap.yaml, file: "built-in Annex A column map")
        } catch {
            preconditionFailure("the built-in Annex A column map does not load: \(error)")
        }
    }()

    /// Reads a column map written in the YAML form of `rules/annex-a/columns.yaml.example`.
    /// Throws an ``AnnexAColumnMapError`` naming what is wrong.
    public static func load(yaml text: String, file: String) throws -> AnnexAColumnMap {
        let root: Any?
        do {
            root = try Yams.load(yaml: text)
        } catch {
            throw AnnexAColumnMapError(diagnostic: Diagnostic(.error, at: SourceLocation(file: file, line: 0),
                                                              "the Annex A column map is not valid YAML: \(error)"))
        }
        let reader = MapReader(file: file)
        return try reader.map(root)
    }

    private struct MapReader {
        let file: String

        func fail(_ message: String, hint: String? = nil) -> AnnexAColumnMapError {
            AnnexAColumnMapError(diagnostic: Diagnostic(.error, at: SourceLocation(file: file, line: 0), message, hint: hint))
        }

        func map(_ root: Any?) throws -> AnnexAColumnMap {
            guard let top = root as? [String: Any] else { throw fail("the Annex A column map must be a mapping with 'lists:'") }
            var shared: [String: Column] = [:]
            for (name, spec) in (top["shared_columns"] as? [String: Any]) ?? [:] {
                shared[name] = try column(spec, where: "shared column '\(name)'")
            }
            guard let listSpecs = top["lists"] as? [Any] else { throw fail("the Annex A column map has no 'lists:'") }
            var lists: [List] = []
            for spec in listSpecs {
                lists.append(try list(spec, shared: shared, after: lists))
            }
            let objects = Set((top["objects"] as? [Any] ?? []).compactMap { $0 as? String })
            return AnnexAColumnMap(lists: lists, objects: objects)
        }

        func list(_ spec: Any, shared: [String: Column], after lists: [List]) throws -> List {
            guard let fields = spec as? [String: Any], let number = fields["list"] as? Int else {
                throw fail("each entry of 'lists:' needs 'list:' (its number, 1 to 11)")
            }
            let title = fields["title"] as? String ?? "List \(number)"
            let rowsMake: String? = (fields["children"] as? Bool) == false ? nil : fields["rows_make"] as? String
            if rowsMake == nil && (fields["children"] as? Bool) != false {
                throw fail("List \(number) needs 'rows_make:' (the case record list its rows fill) or 'children: false'")
            }
            var extras: [String: ExtraItem] = [:]
            for (name, value) in (fields["also_make"] as? [String: Any]) ?? [:] {
                let extra = value as? [String: Any] ?? [:]
                let when = extra["when"] as? String
                var constants: [(String, Value)] = []
                for (key, constant) in ((extra["set"] as? [String: Any]) ?? [:]).sorted(by: { $0.key < $1.key }) {
                    switch constant {
                    case let b as Bool: constants.append((key, .bool(b)))
                    case let i as Int: constants.append((key, .int(Int64(i))))
                    case let s as String: constants.append((key, .string(s)))
                    default: throw fail("List \(number): 'also_make.\(name).set.\(key)' must be text, a number, or true/false")
                    }
                }
                extras[name] = ExtraItem(whenPresent: when == "any" ? nil : when, constants: constants)
            }
            var columns: [Column] = []
            for (n, entry) in ((fields["columns"] as? [Any]) ?? []).enumerated() {
                if let ref = (entry as? [String: Any])?["shared"] as? String {
                    guard let column = shared[ref] else {
                        let hint = Suggestion.closest(to: ref, among: shared.keys).map { "did you mean '\($0)'?" }
                        throw fail("List \(number), column \(n + 1): no shared column '\(ref)'", hint: hint)
                    }
                    columns.append(column)
                } else {
                    columns.append(try column(entry, where: "List \(number), column \(n + 1)"))
                }
            }
            for column in columns {
                guard case .item(let listName, _, _)? = column.target, listName != rowsMake, extras[listName] == nil else { continue }
                throw fail("List \(number), column '\(column.header)': its field is in '\(listName)', which the list's rows do not make",
                           hint: "name '\(listName)' in 'rows_make' or under 'also_make', or fill a field of '\(rowsMake ?? "nothing")'")
            }
            if lists.contains(where: { $0.number == number }) { throw fail("List \(number) is described twice") }
            return List(number: number, title: title, rowsMake: rowsMake, extraItems: extras, columns: columns)
        }

        func column(_ spec: Any, where place: String) throws -> Column {
            guard let fields = spec as? [String: Any], let header = fields["header"] as? String else {
                throw fail("\(place) needs 'header:' (the column title)")
            }
            let kindName = fields["type"] as? String ?? "text"
            guard let kind = ValueKind(rawValue: kindName) else {
                let hint = Suggestion.closest(to: kindName, among: ValueKind.allCases.map(\.rawValue)).map { "did you mean '\($0)'?" }
                throw fail("\(place): unknown type '\(kindName)'", hint: hint)
            }
            var target: Target?
            if let field = fields["field"] as? String {
                let parts = field.split(separator: ".", maxSplits: 1).map(String.init)
                if parts.count == 1 {
                    target = .child(parts[0])
                } else {
                    let appends = parts[1].hasSuffix("[]")
                    target = .item(list: parts[0], field: appends ? String(parts[1].dropLast(2)) : parts[1], appends: appends)
                }
            }
            let variants = (fields["also"] as? [Any] ?? []).compactMap { $0 as? String }
            return Column(header: header, variants: variants, target: target, kind: kind,
                          required: fields["required"] as? Bool ?? false)
        }
    }
}

