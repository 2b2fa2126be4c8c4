#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file a line at a time through a fixed-size buffer, so that a file of any size
/// is never held whole in memory. The buffer grows only to hold one very long line, up to
/// `maxLineBytes`; a longer line is skipped and reported.
final class ChunkedLineReader {
    /// One line handed to the caller: its bytes (without the newline) and 1-based number.
    enum Line {
        case text(UnsafeBufferPointer<UInt8>, number: Int)
        case tooLong(number: Int)
        /// Reading failed at this line.
        case readError(number: Int, String)
    }

    private let fd: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var endOfFile = false
    private var lineNumber = 0
    private let maxLineBytes: Int
    /// Set while skipping the rest of a line that was too long.
    private var discarding = false

    /// Opens the file; nil with the system's reason when it cannot be opened.
    init(path: String, chunkSize: Int = 1 << 20, maxLineBytes: Int = 64 << 20) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw SystemError(errno: errno) }
        self.fd = fd
        self.capacity = chunkSize
        self.buffer = .allocate(capacity: chunkSize)
        self.maxLineBytes = maxLineBytes
    }

    /// Reads lines from bytes already in memory.
    init(bytes: [UInt8], maxLineBytes: Int = 64 << 20) {
        fd = -1
        capacity = max(1, bytes.count)
        let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        bytes.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.update(from: base, count: source.count) }
        }
        buffer = storage
        end = bytes.count
        endOfFile = true
        self.maxLineBytes = maxLineBytes
    }

    deinit {
        if fd >= 0 { close(fd) }
        buffer.deallocate()
    }

    /// Calls `body` with the next line; returns nil at the end of the file. The bytes are
    /// valid only during the call.
    func withNextLine<R>(_ body: (Line) -> R) -> R? {
        while true {
            // Look for the end of a line in what is buffered.
            if let newline = findNewline() {
                let lineStart = start
                start = newline + 1
                lineNumber += 1
                if discarding {
                    discarding = false
                    continue
                }
                return body(.text(UnsafeBufferPointer(start: buffer + lineStart, count: newline - lineStart), number: lineNumber))
            }
            if endOfFile {
                guard start < end else { return nil }
                let lineStart = start
                start = end
                lineNumber += 1
                if discarding { return nil }
                return body(.text(UnsafeBufferPointer(start: buffer + lineStart, count: end - lineStart), number: lineNumber))
            }
            if let failure = fill() {
                endOfFile = true
                start = end
                return body(.readError(number: lineNumber + 1, failure))
            }
            if !discarding && end - start >= maxLineBytes {
                // Report the long line once, then drop its bytes until its newline.
                discarding = true
                start = end
                return body(.tooLong(number: lineNumber + 1))
            }
            if discarding { start = end }
        }
    }

    private func findNewline() -> Int? {
        guard start < end else { return nil }
        let found = memchr(buffer + start, 0x0A, end - start)
        guard let found else { return nil }
        return buffer.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Moves unread bytes to the front, grows the buffer if it is full, reads more.
    /// Returns a message when reading fails.
    private func fill() -> String? {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { memmove(buffer, buffer + start, remaining) }
            start = 0
            end = remaining
        }
        if end == capacity {
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            bigger.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = bigger
            capacity *= 2
        }
        while true {
            let n = read(fd, buffer + end, capacity - end)
            if n > 0 {
                end += n
                return nil
            }
            if n == 0 {
                endOfFile = true
                return nil
            }
            if errno == EINTR { continue }
            return SystemError(errno: errno).description
        }
    }
}
