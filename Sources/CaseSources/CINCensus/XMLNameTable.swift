#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The element names a census file has used so far, so that each name is made into a
/// `String` once a file rather than once an element: most census names are longer than a
/// string holds inline (`AssessmentActualStartDate`), so each would otherwise cost an
/// allocation, a UTF-8 check and a release, thirty times a child.
final class XMLNameTable {
    /// Open addressing on the name's FNV-1a hash; a file has a few dozen names, so a
    /// full table (a hostile file) just makes names afresh.
    private var slots = [(hash: UInt64, name: String)?](repeating: nil, count: 256)

    /// The name spelt by `bytes` (ASCII, checked by the caller).
    func name(_ bytes: UnsafeRawBufferPointer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        var i = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        for _ in 0..<8 {
            guard let slot = slots[i] else {
                let made = String(decoding: bytes, as: UTF8.self)
                slots[i] = (hash, made)
                return made
            }
            if slot.hash == hash && XMLNameTable.same(slot.name, bytes) { return slot.name }
            i = (i + 1) & (slots.count - 1)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func same(_ name: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard name.utf8.count == bytes.count else { return false }
        return name.utf8.withContiguousStorageIfAvailable { stored in
            bytes.count == 0 || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
        } ?? name.utf8.elementsEqual(bytes)
    }
}
