import CEL
import CaseModel
import Foundation

/// Reads case files into canonical ``CaseRecord``s in bounded batches, for the engine to
/// stream from.
///
/// ```swift
/// let reader = CaseReader(paths: ["cases/"], schema: schema.child)
/// while let batch = reader.nextBatch() {
///     diagnostics += batch.diagnostics
///     check(batch.records)
/// }
/// print(reader.counts.recordsRead, reader.counts.recordsSkipped)
/// ```
///
/// - Paths: files are read in the order given; a directory is read recursively with its
///   files sorted by path. Formats by extension (see ``CaseFileFormat``); in a directory,
///   other files are passed over.
/// - Typing: each record is typed by the schema (a date field's ISO text becomes a CEL
///   `date`, ints, bools, strings, lists and objects are checked). Unknown fields are kept
///   untyped, with one warning a file for each (with a did-you-mean). Null and missing
///   optional fields stay null or absent; a missing required field is an error.
/// - Errors: a record with any error is reported (`file:line:column: error: ...`), followed
///   by a note naming the record, and left out; the next record is read. Every record needs
///   a non-empty text `id` (findings must name the child); one without is an error.
///   Malformed YAML or JSON ends that file (records before the fault are kept) and the next
///   file is read; in NDJSON a malformed line is skipped and the next line read.
/// - Memory: NDJSON streams through a 1 MiB buffer; JSON files are mapped, not copied;
///   YAML is composed a document at a time. Only the current batch of records is held.
/// - Not thread-safe: call ``nextBatch()`` from one thread at a time (the engine can read
///   on one thread and check the batches on others; batches are `Sendable`).
public final class CaseReader: @unchecked Sendable {
    /// Records per batch (at most); a batch is also cut when it has this many diagnostics.
    public let batchSize: Int
    /// Deepest nesting of objects and lists accepted inside a record.
    public let maxDepth: Int
    /// Totals so far; final once ``nextBatch()`` has returned nil.
    public private(set) var counts = CaseReadCounts()

    private let schema: ResolvedObject
    private var entries: [CaseFileDiscovery.Entry]
    private var nextEntry = 0
    private var current: CaseFileSource?
    private var currentFileHasErrors = false

    /// - Parameters:
    ///   - paths: files and directories to read.
    ///   - schema: the schema of a child's record (the root object of `rules/schema.yaml`).
    ///   - batchSize: records per batch, at least 1.
    ///   - maxDepth: nesting limit inside a record (objects and lists), at least 2.
    public init(paths: [String], schema: ObjectSchema, batchSize: Int = 1000, maxDepth: Int = 64) {
        self.batchSize = max(1, batchSize)
        self.maxDepth = max(2, maxDepth)
        self.schema = ResolvedObject(schema)
        self.entries = CaseFileDiscovery.entries(for: paths)
    }

    /// The next batch: up to `batchSize` records and the diagnostics met while reading them;
    /// nil when every file has been read. A batch may hold diagnostics and no records.
    public func nextBatch() -> CaseBatch? {
        var batch = CaseBatch()
        while batch.records.count < batchSize && batch.diagnostics.count < batchSize {
            guard let source = current ?? openNextFile(into: &batch) else {
                if nextEntry >= entries.count { break }
                continue
            }
            current = source
            guard let events = source.nextEvents() else {
                current = nil
                continue
            }
            for event in events {
                switch event {
                case .record(let record):
                    batch.records.append(record)
                    counts.recordsLoaded += 1
                case .skipped:
                    counts.recordsSkipped += 1
                case .diagnostic(let d):
                    note(d)
                    batch.diagnostics.append(d)
                }
            }
        }
        if batch.records.isEmpty && batch.diagnostics.isEmpty && current == nil && nextEntry >= entries.count {
            return nil
        }
        return batch
    }

    /// Reads everything at once: for tests, rule examples and small inputs.
    public static func readAll(paths: [String], schema: ObjectSchema, maxDepth: Int = 64)
        -> (records: [CaseRecord], diagnostics: [Diagnostic], counts: CaseReadCounts) {
        let reader = CaseReader(paths: paths, schema: schema, maxDepth: maxDepth)
        var records: [CaseRecord] = [], diagnostics: [Diagnostic] = []
        while let batch = reader.nextBatch() {
            records += batch.records
            diagnostics += batch.diagnostics
        }
        return (records, diagnostics, reader.counts)
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

    /// Opens the next file; problems with paths or opening go into the batch. Nil when the
    /// entry could not be opened (the caller moves on) or none are left.
    private func openNextFile(into batch: inout CaseBatch) -> CaseFileSource? {
        guard nextEntry < entries.count else { return nil }
        let entry = entries[nextEntry]
        nextEntry += 1
        currentFileHasErrors = false
        switch entry {
        case .problem(let d):
            counts.files += 1
            note(d)
            batch.diagnostics.append(d)
            return nil
        case .file(let path, let format):
            counts.files += 1
            do {
                return try open(path, format)
            } catch {
                let d = Diagnostic(.error, at: SourceLocation(file: path, line: 0),
                                   "the file could not be read: \(CaseReader.describe(error))")
                note(d)
                batch.diagnostics.append(d)
                return nil
            }
        }
    }

    private func open(_ path: String, _ format: CaseFileFormat) throws -> CaseFileSource {
        switch format {
        case .ndjson:
            return NDJSONFileSource(reader: try ChunkedLineReader(path: path), file: path, schema: schema, maxDepth: maxDepth)
        case .json:
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            return JSONFileSource(data: data, file: path, schema: schema, maxDepth: maxDepth)
        case .yaml:
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
            return YAMLFileSource(data: data, file: path, schema: schema, maxDepth: maxDepth)
        }
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
