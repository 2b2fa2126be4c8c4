import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a streaming report's bytes go: gathered into a buffer and written in large blocks,
/// to standard output or to a file created readable by the owner only.
///
/// A file is written under a temporary name beside its destination and renamed over it by
/// ``close()``, so a reader never sees half a report; a sink dropped without `close()` (the
/// run failed) removes its temporary file and leaves any earlier report in place.
public final class ReportSink {
    private let descriptor: Int32
    private let destination: String?
    /// For a sink held in memory: everything written so far.
    private var kept: [UInt8]?
    private let temporary: String?
    private var buffer: [UInt8] = []
    private var closed = false
    private static let blockSize = 1 << 20

    /// A sink writing to standard output.
    public static func standardOutput() -> ReportSink { ReportSink(descriptor: STDOUT_FILENO, destination: nil, temporary: nil) }

    /// A sink that keeps what is written, for ``contents``.
    public static func memory() -> ReportSink {
        let sink = ReportSink(descriptor: -1, destination: nil, temporary: nil)
        sink.kept = []
        return sink
    }

    /// What a memory sink holds (after ``flush()``); empty for other sinks.
    public var contents: Data {
        Data((kept ?? []) + buffer)
    }

    /// A sink writing to a file at `path` (created 0600, replacing what is there on ``close()``).
    public static func file(_ path: String) throws -> ReportSink {
        let directory = (path as NSString).deletingLastPathComponent
        let base = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(base).\(getpid()).\(UInt32.random(in: 0 ... .max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o600)
        guard descriptor >= 0 else { throw ReportFile.WriteError(path: path, reason: String(cString: strerror(errno))) }
        return ReportSink(descriptor: descriptor, destination: path, temporary: temporary)
    }

    private init(descriptor: Int32, destination: String?, temporary: String?) {
        self.descriptor = descriptor
        self.destination = destination
        self.temporary = temporary
        buffer.reserveCapacity(Self.blockSize + 4096)
    }

    deinit {
        if !closed, let temporary {
            systemClose(descriptor)
            unlink(temporary)
        }
    }

    /// Appends text.
    public func write(_ text: String) throws {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Appends bytes.
    public func write(bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.blockSize { try flush() }
    }

    /// Writes what is buffered.
    public func flush() throws {
        if kept != nil {
            kept!.append(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
            return
        }
        var failure: Int32 = 0
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = systemWrite(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
        if failure != 0 { throw ReportFile.WriteError(path: destination ?? "standard output", reason: String(cString: strerror(failure))) }
    }

    /// Writes the rest and, for a file, puts it in place.
    public func close() throws {
        try flush()
        guard let temporary, let destination, !closed else { return }
        closed = true
        var failure: Int32 = 0
        if fchmod(descriptor, 0o600) != 0 { failure = errno }
        if systemClose(descriptor) != 0, failure == 0 { failure = errno }
        if failure == 0, rename(temporary, destination) != 0 { failure = errno }
        if failure != 0 {
            unlink(temporary)
            throw ReportFile.WriteError(path: destination, reason: String(cString: strerror(failure)))
        }
    }
}

// The system calls, named apart from the sink's own methods.
private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int { write(fd, pointer, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
