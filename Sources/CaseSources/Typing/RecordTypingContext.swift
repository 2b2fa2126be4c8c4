import CEL
import CaseModel

/// The state shared by the JSON and YAML loaders while they type one file's records by the
/// schema: what went wrong in the record so far, the line of each list item, and which
/// unknown fields this file has already been warned about. The callers keep the path
/// inside the record themselves and pass it in with each problem.
final class RecordTypingContext {
    let file: String
    private(set) var errors: [Diagnostic] = []
    private(set) var warnings: [(Diagnostic, key: String)] = []
    /// Lines of list items that start on a different line from their record (an item on
    /// the record's own line, as in every NDJSON record, adds nothing and is left out).
    var itemLines: [String: Int] = [:]
    /// The line the current record starts on.
    var recordLine = 0
    /// Errors past this many in one record are counted but not reported one by one.
    let maxErrorsPerRecord = 20
    private var suppressedErrors = 0
    private var warnedSchemaPaths: Set<String> = []
    /// Shapes made so far, by schema object and field order: objects read with the same
    /// fields in the same order share one. A context serves one thread, so no locking.
    private var shapes: [(object: ObjectIdentifier, order: UInt64, shape: MapShape)] = []
    /// Past this many kinds of object the shapes are made afresh each time, so that a file
    /// whose objects list their fields in every possible order cannot grow the cache.
    private let maxShapes = 256

    init(file: String) { self.file = file }

    /// The shape for objects of `object` whose keys are the schema fields listed in
    /// `order`: 4 bits a field, the field's index plus one, the first field lowest.
    func shape(of object: ResolvedObject, order: UInt64) -> MapShape {
        let id = ObjectIdentifier(object)
        for i in shapes.indices where shapes[i].order == order && shapes[i].object == id { return shapes[i].shape }
        let shape = MapShape(stringKeys: JSONParser.fieldNames(order, of: object))!
        if shapes.count < maxShapes { shapes.append((id, order, shape)) }
        return shape
    }

    /// Stands in for a value that failed its type check (already reported): unlike null it
    /// does not also read as "missing", and its record is never handed out.
    static let rejected = Value.error(EvalError(.invalidArgument, "value rejected by the case schema"))

    func beginRecord(line: Int = 0) {
        recordLine = line
        errors.removeAll(keepingCapacity: true)
        warnings.removeAll(keepingCapacity: true)
        itemLines = [:]
        suppressedErrors = 0
    }

    func location(_ line: Int, _ column: @autoclosure () -> Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column())
    }

    // MARK: Problems

    func error(_ message: String, line: Int, column: @autoclosure () -> Int, hint: String? = nil) {
        guard errors.count < maxErrorsPerRecord else { suppressedErrors += 1; return }
        errors.append(Diagnostic(.error, at: location(line, column()), message, hint: hint))
    }

    /// A value of the wrong kind: `field 'visits[2].seen': expected true or false, found the text "yes"`.
    func typeMismatch(at path: FieldPath, expected: ResolvedType, found: String, line: Int, column: @autoclosure () -> Int, hint: String? = nil) {
        error("field '\(path.rendered)': expected \(expected.expectation), found \(found)", line: line, column: column(), hint: hint)
    }

    func invalidDate(at path: FieldPath, _ text: String, line: Int, column: @autoclosure () -> Int) {
        let reason: String
        do {
            _ = try CalendarDate(validatingISO: text)
            reason = "'\(text)' is not a date"
        } catch let e as CalendarDateParseError {
            reason = e.message
        } catch {
            reason = "'\(text)' is not a date"
        }
        self.error("field '\(path.rendered)': \(reason)", line: line, column: column())
    }

    func duplicateField(at path: FieldPath, _ key: String, line: Int, column: @autoclosure () -> Int) {
        error("field '\(path.rendered(appending: key))' appears twice in the same object",
              line: line, column: column(), hint: "remove one of the two, or rename it")
    }

    /// A field the schema does not declare: kept as read, warned about once a file.
    func unknownField(at path: FieldPath, _ key: String, in object: ResolvedObject, line: Int, column: @autoclosure () -> Int) {
        let schemaPath = path.schemaPath(appending: key)
        guard warnedSchemaPaths.insert(schemaPath).inserted else { return }
        let column = column()
        let hint = Suggestion.hint(for: key, among: object.fieldNames)
        warnings.append((Diagnostic(
            .warning, at: location(line, column),
            "field '\(path.rendered(appending: key))' is not in the schema (\(object.name)); it is kept without type checks"
                + " (reported once a file)",
            hint: hint), schemaPath))
    }

    /// Text outside the codes a field lists: kept, warned about once a file for each
    /// field and value, since an unexpected code usually means a rule will not match it.
    func unlistedCode(at path: FieldPath, _ text: String, allowed: AllowedCodes, line: Int, column: @autoclosure () -> Int) {
        let key = path.schemaPath(appending: "") + "=" + text
        guard warnedSchemaPaths.insert(key).inserted else { return }
        let hint = Suggestion.hint(for: text, among: allowed.list)
        warnings.append((Diagnostic(
            .warning, at: location(line, column()),
            "field '\(path.rendered)': \(quoted(text)) is not one of the listed values (\(allowed.list.joined(separator: ", ")));"
                + " it is kept as written (reported once a file)",
            hint: hint), key))
    }

    /// Required fields absent or null in an object that starts at `line`.
    func checkRequired(at path: FieldPath, _ object: ResolvedObject, in map: MapValue, line: Int, column: @autoclosure () -> Int) {
        for name in object.requiredFields {
            // The record's id has its own, more specific, check in finishRecord.
            if path.isEmpty && name == "id" { continue }
            let value = map[string: name]
            if value == nil || value!.isNull {
                error("field '\(path.rendered(appending: name))' is required but missing", line: line, column: column())
            }
        }
    }

    /// Notes the line of the list item at the current path.
    func noteItemLine(at path: FieldPath, _ line: Int) {
        if line != recordLine { itemLines[path.rendered] = line }
    }

    // MARK: Records

    /// Turns a record read from the file into events: the record, or its errors and a note
    /// that it was skipped. Warnings come first either way.
    func finishRecord(_ map: MapValue, line: Int, column: @autoclosure () -> Int) -> [LoadEvent] {
        var id: String?
        switch map[string: "id"] {
        case .string(let s)? where !s.isEmpty:
            id = s
        case .string?:
            error("field 'id' is empty; every record needs the child's id so that findings can name the child",
                  line: line, column: column())
        case nil, .null?:
            // A file that wraps its records (`children: [...]`) reads as one record without an id.
            var hint: String?
            if map.count == 1, case .string(let name) = map.keys[0], case .list(let items) = map.values[0],
               case .map? = items.first {
                hint = "the records seem to be wrapped in '\(name)'; put the list of records at the top of the file"
            }
            error("record has no 'id'; every record needs the child's id so that findings can name the child",
                  line: line, column: column(), hint: hint)
        default:
            break  // a wrong type was reported where the value was read
        }
        var events = warnings.map { LoadEvent.onceAFile($0.0, key: $0.key) }
        if errors.isEmpty {
            events.append(.record(CaseRecord(id: id, value: .map(map), location: location(line, 0), itemLines: itemLines)))
        } else {
            events += errors.map(LoadEvent.diagnostic)
            events.append(skippedNote(id: id, line: line, column: column()))
            events.append(.skipped)
        }
        return events
    }

    /// A record that could not be read at all (malformed, or not an object).
    func skipped(because message: String, line: Int, column: @autoclosure () -> Int, hint: String? = nil) -> [LoadEvent] {
        [.diagnostic(Diagnostic(.error, at: location(line, column()), message, hint: hint)), .skipped]
    }

    private func skippedNote(id: String?, line: Int, column: @autoclosure () -> Int) -> LoadEvent {
        var text = id.map { "record '\($0)' skipped" } ?? "record skipped"
        let total = errors.count + suppressedErrors
        text += " (\(total) \(total == 1 ? "error" : "errors")"
        if suppressedErrors > 0 { text += ", \(suppressedErrors) not shown" }
        text += ")"
        return .diagnostic(Diagnostic(.note, at: location(line, column()), text))
    }
}

extension Value {
    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
