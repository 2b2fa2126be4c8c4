import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, as `Data` without a copy, whose pages already read
/// can be handed back to the system: a census file or a JSON list of any size is read front
/// to back once, so resident memory stays at a few megabytes instead of growing to the
/// file's size.
final class MappedFile {
    let data: Data
    private let base: UnsafeMutableRawPointer?
    private let length: Int
    /// Bytes before this offset have been released.
    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    init(path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw SystemError(errno: errno) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw SystemError(errno: errno) }
        length = Int(info.st_size)
        guard length > 0 else {
            base = nil
            data = Data()
            return
        }
        guard let p = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { throw SystemError(errno: errno) }
        base = p
        let size = length
        data = Data(bytesNoCopy: p, count: length, deallocator: .custom { pointer, _ in munmap(pointer, size) })
    }

    /// Starts of the blocks handed out lately (see ``handedOutBlock(at:)``).
    private var recentBlockStarts: [Int] = []

    /// Notes that a block starting at `offset` went to a worker: pages are released only
    /// behind the sixteenth block back, so that no block still being read loses its pages
    /// (it could read them again from the file, but at a cost).
    func handedOutBlock(at offset: Int) {
        recentBlockStarts.append(offset)
        if recentBlockStarts.count > 16 { release(before: recentBlockStarts.removeFirst()) }
    }

    /// Tells the system the bytes before `offset` will not be read again (whole pages only).
    func release(before offset: Int) {
        guard let base else { return }
        let end = offset / MappedFile.pageSize * MappedFile.pageSize
        guard end - released >= 8 << 20 else { return }  // in 8 MiB steps: one call, not one a child
        madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }
}
