/// The element names a census file has used so far, so that each name is made into a
/// `String` once a file rather than once an element: most census names are longer than a
/// string holds inline (`AssessmentActualStartDate`), so each would otherwise cost an
/// allocation, a UTF-8 check and a release, thirty times a child.
final class XMLNameTable {
    private var names: [UInt64: String] = [:]
    /// A file has a few dozen names; a hostile one cannot grow the table past this.
    private let limit = 1024

    /// The name spelt by `bytes` (ASCII, checked by the caller).
    func name(_ bytes: UnsafeRawBufferPointer) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { hash = (hash ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        if let known = names[hash], known.utf8.elementsEqual(bytes) { return known }
        let made = String(decoding: bytes, as: UTF8.self)
        if names.count < limit && names[hash] == nil { names[hash] = made }
        return made
    }
}
