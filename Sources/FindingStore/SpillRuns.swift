import Foundation
import Rules

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The sorted runs a ``FindingSpool`` wrote to disk: one file a run in a private temporary
/// folder, removed with the last reference to it.
final class SpillRuns {
    let folder: URL
    let parent: URL
    private(set) var files: [URL] = []

    init(directory: URL?) throws {
        parent = directory ?? FileManager.default.temporaryDirectory
        folder = parent.appendingPathComponent("casecheck-findings-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Writes one sorted run.
    func writeRun(_ findings: [Finding]) throws {
        let url = folder.appendingPathComponent("run-\(files.count)")
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw SpillError.cannotWrite(url.path, errno) }
        defer { close(fd) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        for finding in findings {
            FindingCodec.encode(finding, into: &buffer)
            if buffer.count >= 1 << 20 {
                try flush(&buffer, to: fd, path: url.path)
            }
        }
        try flush(&buffer, to: fd, path: url.path)
        files.append(url)
    }

    private func flush(_ buffer: inout [UInt8], to fd: Int32, path: String) throws {
        try buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw SpillError.cannotWrite(path, errno)
                }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// A reader for each run, in the order written. Each holds the folder alive.
    func readers() -> [SpillRunReader] { files.map { SpillRunReader(path: $0.path, owner: self) } }
}

/// Reads one run back, a buffer at a time.
final class SpillRunReader {
    private let path: String
    private let owner: SpillRuns
    private var fd: Int32 = -1
    private var buffer: [UInt8] = []
    private var offset = 0
    private var atEnd = false
    private static let chunk = 256 * 1024

    init(path: String, owner: SpillRuns) {
        self.path = path
        self.owner = owner
    }

    deinit { if fd >= 0 { close(fd) } }

    func next() throws -> Finding? {
        if fd < 0 && !atEnd {
            fd = open(path, O_RDONLY)
            guard fd >= 0 else { throw SpillError.cannotRead(path, errno) }
        }
        while true {
            let decoded: Finding? = buffer.withUnsafeBufferPointer { bytes in
                var at = offset
                let f = FindingCodec.decode(bytes, at: &at)
                if f != nil { offset = at }
                return f
            }
            if let decoded { return decoded }
            if atEnd {
                if offset < buffer.count { throw SpillError.truncated(path) }
                return nil
            }
            try refill()
        }
    }

    private func refill() throws {
        buffer.removeSubrange(0..<offset)
        offset = 0
        // Grow when one finding is larger than what is held (a huge message), so it always fits.
        let want = max(Self.chunk, buffer.count)
        let start = buffer.count
        buffer += repeatElement(0, count: want)
        let n = buffer.withUnsafeMutableBytes { raw in
            read(fd, raw.baseAddress! + start, want)
        }
        if n < 0 { throw SpillError.cannotRead(path, errno) }
        buffer.removeLast(want - n)
        if n == 0 {
            atEnd = true
            close(fd)
            fd = -1
        }
    }
}

/// A temporary findings file could not be written or read back.
public enum SpillError: Error, CustomStringConvertible {
    case cannotWrite(String, Int32)
    case cannotRead(String, Int32)
    case truncated(String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, code): return "cannot write the temporary findings file \(path): \(String(cString: strerror(code)))"
        case let .cannotRead(path, code): return "cannot read the temporary findings file \(path): \(String(cString: strerror(code)))"
        case let .truncated(path): return "the temporary findings file \(path) ends in the middle of a finding"
        }
    }
}
