import CEL
import CaseModel
import Foundation

/// Reads case files into canonical ``CaseRecord``s in bounded batches, for the engine to
/// stream from.
///
/// ```swift
/// let reader = CaseReader(paths: ["cases/"], schema: schema)   // a CaseSchema
/// while let batch = reader.nextBatch() {
///     diagnostics += batch.diagnostics
///     check(batch.records)
/// }
/// print(reader.counts.recordsRead, reader.counts.recordsSkipped)
/// ```
///
/// - Paths: files are read in the order given; a directory is read recursively with its
///   files sorted by path (byte order). Formats by extension (see ``CaseFileFormat``); in a
///   directory, other files, hidden files and folders (`.name`) are passed over, and
///   symbolic links to folders are not followed. A missing path, or a file named outright
///   whose extension is unknown, is an error and the other paths are still read.
/// - Typing: each record is typed by the schema: a date field's ISO `YYYY-MM-DD` text becomes
///   a CEL `date`; ints, doubles (an int is accepted), bools, text, lists and objects are
///   checked, and a wrong type is an error naming the field (`cp_plans[0].start_date`).
///   In YAML a plain scalar in a text field is its text (`id: 12345` is "12345"); in JSON
///   text must be quoted. Unknown fields are kept untyped, with one warning a file for each
///   (with a did-you-mean); text outside a field's listed `values` is kept with a warning.
///   Null and missing optional fields stay null or absent; a missing (or null) required
///   field is an error. Untyped JSON numbers: 64-bit ints where they fit, else doubles; an
///   integer too big for 64 bits is an error in an `int` field.
/// - Errors: a record with any error is reported (`file:line:column: error: ...`), then a
///   note naming the record, and left out (counted as skipped); the next record is read.
///   Every record needs a non-empty text `id` (findings must name the child); a record
///   without one is an error. A key given twice in one object is an error. Malformed JSON
///   ends that file (records before the fault are kept), as does malformed YAML (including
///   a key repeated in one mapping, which the YAML composer refuses: the documents before
///   it are kept); the next file is read. In NDJSON a malformed line is skipped and the next
///   line read. An empty file is a warning. Whole-file problems have line 0. A child id
///   met again (in any file) is a warning naming where it was first seen; both records
///   are loaded.
/// - Lines: ``CaseRecord/location`` is the line where the record starts;
///   ``CaseRecord/itemLines`` gives the line of each list item that is an object (paths such
///   as `cp_plans[1]`, or `extra[0].parts[2]` deeper down) when it differs from the record's
///   line, so it is empty for NDJSON: use `itemLines[path] ?? location.line`.
/// - Memory: NDJSON streams through a 1 MiB buffer; JSON files are mapped, not copied;
///   YAML is composed a document at a time. Only the current batch of records is held.
/// - Annex A (`.xlsx`, `.csv`): see ``AnnexAReader``. A workbook, or the CSV files of one
///   folder, is read whole, since a child's rows on every list make one record.
/// - Limits: nesting deeper than `maxDepth` inside a record is an error (never a crash);
///   at most ``maxDiagnosticsPerFile`` diagnostics are shown a file, the rest are counted.
/// - Not thread-safe: call ``nextBatch()`` from one thread at a time (the engine can read
///   on one thread and check the batches on others; batches are `Sendable`).
///   `parallelism` > 1 parses NDJSON and JSON lists on that many threads inside
///   ``nextBatch()``, with the same output.
public final class CaseReader: @unchecked Sendable {
    /// Records per batch (at most); a batch is also cut when it has this many diagnostics.
    public let batchSize: Int
    /// Deepest nesting of objects and lists accepted inside a record.
    public let maxDepth: Int
    /// Diagnostics shown for one file; past this they are counted (in ``counts``) but left
    /// out of the batches, after a note saying so, so that a file of garbage cannot flood
    /// the output.
    public var maxDiagnosticsPerFile = 1000
    /// Whether a child id met a second time is warned about (the record is still loaded).
    /// Costs about 40 bytes of memory a child; turn off for inputs known to be unique.
    public var reportsDuplicateIds = true
    /// How Annex A headers are matched and mapped (`.xlsx`, `.csv`).
    /// (The built-in map is read from its YAML only when first needed.)
    public lazy var annexAColumns = AnnexAColumnMap.builtIn
    /// Threads used to parse NDJSON lines and the records of JSON lists (YAML is read on the
    /// calling thread).
    public let parallelism: Int
    /// Totals so far; final once ``nextBatch()`` has returned nil.
    public private(set) var counts = CaseReadCounts()

    private let schema: ResolvedObject
    private var entries: [CaseFileDiscovery.Entry]
    var nextEntry = 0
    var entryCount: Int { entries.count }
    var current: CaseFileSource?
    private var currentFileHasErrors = false
    private var currentFileDiagnostics = 0
    /// Once-a-file warnings already given in the current file: sources that read a file on
    /// several threads give each once a thread, and the repeats are dropped here, in order.
    private var warnedKeys: Set<String> = []
    /// Where each child id was first seen: file (index into `files`) and line, packed.
    private var firstSeen: [String: UInt64] = [:]
    private var filesSeen: [String] = []
    /// Events read past the end of the last batch, handed out first next time.
    private var pending: [LoadEvent] = []
    private var pendingIndex = 0
    /// True when nothing read is waiting to be handed out.
    var nothingPending: Bool { pendingIndex >= pending.count }

    /// - Parameters:
    ///   - paths: files and directories to read.
    ///   - schema: the schema of a child's record (the root object of `rules/schema.yaml`).
    ///   - batchSize: records per batch, at least 1.
    ///   - maxDepth: nesting limit inside a record (objects and lists), at least 2.
    ///   - parallelism: threads that parse NDJSON lines or JSON list records at once (1: all
    ///     on the calling thread).
    ///     Output is the same whatever the value: records and diagnostics stay in file order.
    public init(paths: [String], schema: ObjectSchema, batchSize: Int = 1000, maxDepth: Int = 64, parallelism: Int = 1) {
        self.batchSize = Swift.max(1, batchSize)
        self.maxDepth = Swift.max(2, maxDepth)
        self.parallelism = Swift.max(1, parallelism)
        self.schema = ResolvedObject(schema)
        self.entries = CaseFileDiscovery.entries(for: paths)
    }

    /// Reads records of the shape `schema` (loaded from `rules/schema.yaml`) declares.
    public convenience init(paths: [String], schema: CaseSchema, batchSize: Int = 1000, maxDepth: Int = 64, parallelism: Int = 1) {
        self.init(paths: paths, schema: schema.root, batchSize: batchSize, maxDepth: maxDepth, parallelism: parallelism)
    }

    /// The next batch: up to `batchSize` records and the diagnostics met while reading them;
    /// nil when every file has been read. A batch may hold diagnostics and no records.
    public func nextBatch() -> CaseBatch? {
        var batch = CaseBatch()
        while batch.records.count < batchSize && batch.diagnostics.count < batchSize {
            if pendingIndex < pending.count {
                take(pending[pendingIndex], into: &batch)
                pendingIndex += 1
                continue
            }
            guard let source = current ?? openNextFile(into: &batch) else {
                if nextEntry >= entries.count { break }
                continue
            }
            current = source
            guard let events = source.nextEvents() else {
                current = nil
                continue
            }
            pending = events
            pendingIndex = 0
        }
        if batch.records.isEmpty && batch.diagnostics.isEmpty && current == nil && nextEntry >= entries.count
            && pendingIndex >= pending.count {
            return nil
        }
        return batch
    }

    /// Counts an event and puts what it carries into the batch, in file order.
    func take(_ event: LoadEvent, into batch: inout CaseBatch) {
        switch event {
        case .record(let record):
            if reportsDuplicateIds, let id = record.id { checkDuplicate(id, at: record.location, into: &batch) }
            batch.records.append(record)
            counts.recordsLoaded += 1
        case .checked(let id, let location):
            if reportsDuplicateIds, let id { checkDuplicate(id, at: location, into: &batch) }
            counts.recordsLoaded += 1
        case .skipped:
            counts.recordsSkipped += 1
        case .fileAbandoned:
            break
        case .onceAFile(_, let key) where !warnedKeys.insert(key).inserted:
            break
        case .diagnostic(let d), .onceAFile(let d, _):
            note(d)
            currentFileDiagnostics += 1
            if currentFileDiagnostics <= maxDiagnosticsPerFile {
                batch.diagnostics.append(d)
            } else if currentFileDiagnostics == maxDiagnosticsPerFile + 1 {
                batch.diagnostics.append(Diagnostic(
                    .note, at: SourceLocation(file: d.location.file, line: 0),
                    "more than \(maxDiagnosticsPerFile) problems in this file; the rest are counted but not shown"))
            }
        }
    }

    /// Reads case records from text in memory (a rule example, a test, standard input), as
    /// if from a file named `file` in `format`.
    public static func read(text: String, format: CaseFileFormat, file: String, schema: ObjectSchema, maxDepth: Int = 64)
        -> (records: [CaseRecord], diagnostics: [Diagnostic], counts: CaseReadCounts) {
        let reader = CaseReader(paths: [], schema: schema, maxDepth: maxDepth)
        let bytes = Array(text.utf8)
        switch format {
        case .ndjson:
            reader.current = NDJSONFileSource(reader: ChunkedLineReader(bytes: bytes), file: file,
                                              schema: reader.schema, maxDepth: reader.maxDepth)
        case .json:
            reader.current = JSONFileSource(data: Data(bytes), file: file, schema: reader.schema, maxDepth: reader.maxDepth)
        case .yaml:
            reader.current = YAMLFileSource(data: Data(bytes), file: file, schema: reader.schema, maxDepth: reader.maxDepth)
        case .annexAWorkbook:
            reader.current = AnnexAFileSource(workbook: Data(bytes), file: file, columns: reader.annexAColumns)
        case .annexACSV:
            reader.current = AnnexAFileSource(csvFiles: [(bytes, file)], columns: reader.annexAColumns)
        case .cinCensus:
            reader.current = CINCensusFileSource(data: Data(bytes), file: file)
        }
        reader.counts.files = 1
        var records: [CaseRecord] = [], diagnostics: [Diagnostic] = []
        while let batch = reader.nextBatch() {
            records += batch.records
            diagnostics += batch.diagnostics
        }
        return (records, diagnostics, reader.counts)
    }

    /// Reads everything at once: for tests, rule examples and small inputs.
    public static func readAll(paths: [String], schema: ObjectSchema, maxDepth: Int = 64, parallelism: Int = 1)
        -> (records: [CaseRecord], diagnostics: [Diagnostic], counts: CaseReadCounts) {
        let reader = CaseReader(paths: paths, schema: schema, maxDepth: maxDepth, parallelism: parallelism)
        var records: [CaseRecord] = [], diagnostics: [Diagnostic] = []
        while let batch = reader.nextBatch() {
            records += batch.records
            diagnostics += batch.diagnostics
        }
        return (records, diagnostics, reader.counts)
    }

    private func checkDuplicate(_ id: String, at location: SourceLocation, into batch: inout CaseBatch) {
        if filesSeen.last != location.file { filesSeen.append(location.file) }
        let packed = UInt64(filesSeen.count - 1) << 32 | UInt64(UInt32(truncatingIfNeeded: location.line))
        guard let first = firstSeen[id] else {
            firstSeen[id] = packed
            return
        }
        let firstLocation = SourceLocation(file: filesSeen[Int(first >> 32)], line: Int(first & 0xFFFF_FFFF))
        take(.diagnostic(Diagnostic(.warning, at: location, "child id '\(id)' appears again; first seen at \(firstLocation)",
                                    hint: "each child should have one record; findings for both will carry the same id")),
             into: &batch)
    }

    private func note(_ d: Diagnostic) {
        switch d.severity {
        case .error:
            counts.errors += 1
            if !currentFileHasErrors {
                currentFileHasErrors = true
                counts.filesWithErrors += 1
            }
        case .warning: counts.warnings += 1
        case .note: break
        }
    }

    /// Opens the next file. Nil when the entry could not be opened (the caller moves on; the
    /// problem is in `problems`) or none are left.
    func openNextFile(problems: inout [Diagnostic]) -> CaseFileSource? {
        guard nextEntry < entries.count else { return nil }
        let entry = entries[nextEntry]
        nextEntry += 1
        switch entry {
        case .problem(let d):
            counts.files += 1
            problems.append(d)
            return nil
        case .file(let path, let format):
            counts.files += 1
            do {
                if format == .annexACSV { return try openAnnexACSVFolder(startingWith: path) }
                return try open(path, format)
            } catch {
                problems.append(Diagnostic(.error, at: SourceLocation(file: path, line: 0),
                                           "the file could not be read: \(CaseReader.describe(error))"))
                return nil
            }
        }
    }

    /// Begins a file's per-file counts (in file order, which for a parallel read is when its
    /// first events are taken), with the problems met opening it.
    func startFile(reporting problems: [Diagnostic], into batch: inout CaseBatch) {
        currentFileHasErrors = false
        currentFileDiagnostics = 0
        warnedKeys.removeAll(keepingCapacity: true)
        for d in problems {
            note(d)
            batch.diagnostics.append(d)
        }
    }

    private func openNextFile(into batch: inout CaseBatch) -> CaseFileSource? {
        guard nextEntry < entries.count else { return nil }
        var problems: [Diagnostic] = []
        let source = openNextFile(problems: &problems)
        startFile(reporting: problems, into: &batch)
        return source
    }

    private func open(_ path: String, _ format: CaseFileFormat) throws -> CaseFileSource {
        switch format {
        case .ndjson:
            return NDJSONFileSource(reader: try ChunkedLineReader(path: path), file: path, schema: schema, maxDepth: maxDepth,
                                    parallelism: parallelism)
        case .json:
            let mapped = try MappedFile(path: path)
            return JSONFileSource(data: mapped.data, file: path, schema: schema, maxDepth: maxDepth, parallelism: parallelism,
                                  mapping: mapped)
        case .yaml:
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            return YAMLFileSource(data: data, file: path, schema: schema, maxDepth: maxDepth)
        case .annexAWorkbook:
            return AnnexAFileSource(workbook: try Data(contentsOf: URL(fileURLWithPath: path)), file: path, columns: annexAColumns)
        case .annexACSV:
            return try openAnnexACSVFolder(startingWith: path)
        case .cinCensus:
            return try CINCensusFileSource(mapping: path)
        }
    }

    /// Annex A CSV files in one folder are the lists of one export: they are read together
    /// (the later ones taken out of the queue) so that each child makes one record.
    private func openAnnexACSVFolder(startingWith path: String) throws -> CaseFileSource {
        let folder = (path as NSString).deletingLastPathComponent
        var files = [(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), file: path)]
        var i = nextEntry
        while i < entries.count {
            guard case .file(let other, .annexACSV) = entries[i], (other as NSString).deletingLastPathComponent == folder,
                  let data = try? Data(contentsOf: URL(fileURLWithPath: other)) else { i += 1; continue }
            files.append((bytes: [UInt8](data), file: other))
            entries.remove(at: i)
            counts.files += 1
        }
        return AnnexAFileSource(csvFiles: files, columns: annexAColumns)
    }

    private static func describe(_ error: Error) -> String {
        if let e = error as? SystemError { return e.description }
        if let e = error as? CocoaError, let underlying = e.userInfo[NSUnderlyingErrorKey] as? NSError,
           underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}
