import Foundation

/// The process's peak resident memory, from Linux's `/proc/self/status` (`VmHWM`).
enum PeakMemory {
    /// Peak resident set size in bytes; nil where `/proc` is not available.
    static func bytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
            return kilobytes.map { $0 * 1024 }
        }
        return nil
    }

    /// Starts peak measurement afresh (Linux `clear_refs` 5 resets `VmHWM` to the current RSS),
    /// so that each run's figure is its own. Returns false where the kernel does not allow it.
    @discardableResult
    static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        handle.write(Data("5".utf8))
        return true
    }
}
