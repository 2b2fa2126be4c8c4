import CEL
import CaseModel
import Foundation
import Yams

/// A `.yaml` / `.yml` case file: one record (a mapping), a list of records, or a stream of
/// documents separated by `---`, each a record or a list of records.
///
/// Documents are composed one at a time, so memory holds one document's nodes. Malformed
/// YAML (including a key repeated in one mapping, which the composer refuses) ends the
/// file; the documents before it are kept.
final class YAMLFileSource: CaseFileSource {
    private let file: String
    private let schema: ResolvedObject
    private let typer: YAMLNodeTyper
    private var parser: Parser?
    /// Records of the current document still to be typed, when it is a list.
    private var pending: [Node] = []
    private var pendingIndex = 0
    private var sawContent = false
    private var finished = false
    private var startupEvents: [LoadEvent] = []

    init(data: Data, file: String, schema: ResolvedObject, maxDepth: Int) {
        self.file = file
        self.schema = schema
        let context = RecordTypingContext(file: file)
        self.typer = YAMLNodeTyper(context: context, maxDepth: maxDepth)
        let text: String? = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let line = YAMLNestingEstimate.firstLineDeeperThan(4 * maxDepth, in: bytes) {
                startupEvents.append(error("nesting deeper than \(4 * maxDepth) levels; the file was not read", line: line, column: 0))
                return nil
            }
            // A UTF-8 byte order mark would read as text before the first key, which throws
            // the first line's indentation off by one.
            let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
            let content = hasByteOrderMark ? UnsafeBufferPointer(rebasing: bytes[3...]) : bytes
            guard let text = String(validating: content, as: UTF8.self) else {
                let (line, column) = YAMLFileSource.firstInvalidUTF8(in: content)
                startupEvents.append(error("the file is not valid UTF-8 text; it was not read", line: line, column: column,
                                           hint: "save the file as UTF-8"))
                return nil
            }
            return text
        }
        guard let text else { return }
        do {
            parser = try Parser(yaml: text)
        } catch {
            startupEvents += stopped(by: error)
        }
    }

    func nextEvents() -> [LoadEvent]? {
        if !startupEvents.isEmpty {
            defer { startupEvents = [] }
            finished = finished || parser == nil
            return startupEvents
        }
        guard !finished, let parser else { return nil }
        if pendingIndex < pending.count {
            let node = pending[pendingIndex]
            pendingIndex += 1
            return events(forRecord: node, listIndex: pendingIndex)
        }
        pending = []
        pendingIndex = 0
        do {
            guard let document = try parser.nextRoot() else {
                finished = true
                if !sawContent {
                    return [.diagnostic(Diagnostic(.warning, at: SourceLocation(file: file, line: 1),
                                                   "the file is empty: it holds no case records"))]
                }
                return nil
            }
            switch document {
            case .mapping:
                sawContent = true
                return events(forRecord: document, listIndex: nil)
            case .sequence(let sequence):
                sawContent = true
                pending = Array(sequence)
                return []
            case .scalar(let scalar):
                if case .null = YAMLCoreScalar.resolve(scalar.string), scalar.style == .plain || scalar.style == .any {
                    return []  // an empty document, such as a trailing `---`
                }
                sawContent = true
                let (line, column) = typer.position(document)
                return typer.context.skipped(
                    because: "this document is not a case record: expected fields (name: value) or a list of records, found \(describeFound(.string(scalar.string)))",
                    line: line, column: column)
            case .alias:
                return []
            }
        } catch {
            finished = true
            return stopped(by: error)
        }
    }

    private func events(forRecord node: Node, listIndex: Int?) -> [LoadEvent] {
        if case .mapping = node { return typer.record(node, schema: schema) }
        let (line, column) = typer.position(node)
        let found: String
        switch node {
        case .scalar(let s): found = describeFound(YAMLCoreScalar.resolve(s.string))
        case .sequence: found = "a list"
        default: found = "a value"
        }
        let which = listIndex.map { "list item \($0)" } ?? "this document"
        return typer.context.skipped(because: "\(which) is not a case record: expected fields (name: value), found \(found)",
                                     line: line, column: column)
    }

    private func error(_ message: String, line: Int, column: Int, hint: String? = nil) -> LoadEvent {
        .diagnostic(Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message, hint: hint))
    }

    /// Malformed YAML, with the position libyaml gives and the rest of the file abandoned.
    private func stopped(by failure: Error) -> [LoadEvent] {
        var message = "malformed YAML"
        var line = 1, column = 0
        var hint: String?
        switch failure as? YamlError {
        case .scanner(let context, let problem, let mark, let yaml)?,
             .parser(let context, let problem, let mark, let yaml)?,
             .composer(let context, let problem, let mark, let yaml)?:
            message = "malformed YAML: \(problem)"
            (line, column) = (mark.line, mark.column)
            if let context { hint = "\(context.text) at line \(context.mark.line), column \(context.mark.column)" }
            let text = yaml.split(separator: "\n", maxSplits: mark.line, omittingEmptySubsequences: false)
            if mark.line >= 1, mark.line <= text.count, text[mark.line - 1].prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                hint = "indent with spaces: YAML does not allow tabs for indentation"
            }
        case .duplicatedKeysInMapping(let duplicates, let context)?:
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            message = "\(duplicates.count == 1 ? "key" : "keys") \(names) \(duplicates.count == 1 ? "appears" : "appear") more than once in the same mapping"
            (line, column) = (context.mark.line, context.mark.column)
            hint = "remove one of the two, or rename it"
        case .reader(let problem, _, _, _)?:
            message = "the file could not be read as YAML text: \(problem)"
        case let other?:
            message = "malformed YAML: \(other)"
        case nil:
            message = "malformed YAML: \(failure)"
        }
        return [error(message, line: line, column: column, hint: hint),
                .diagnostic(Diagnostic(.note, at: SourceLocation(file: file, line: line, column: column),
                                       "the rest of this file was not read"))]
    }

    /// Line and column of the first byte that is not UTF-8.
    static func firstInvalidUTF8(in bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int) {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                if s == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return (line, column)
            case .error:
                return (line, column)
            }
        }
    }
}
