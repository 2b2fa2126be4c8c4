import Foundation

/// Excel's plain "CSV" export writes Windows-1252, not UTF-8: a curly quote or a pound
/// sign is then a byte no UTF-8 reader accepts. Such a file is read as Windows-1252, so
/// that names like "O’Neill" survive instead of turning into replacement characters.
enum CSVTextEncoding {
    /// The bytes as UTF-8: unchanged when they already are, converted from Windows-1252
    /// when they are not (and can be).
    static func utf8(from bytes: [UInt8]) -> (bytes: [UInt8], convertedFrom1252: Bool) {
        if isValidUTF8(bytes) { return (bytes, false) }
        guard let text = String(data: Data(bytes), encoding: .windowsCP1252) else { return (bytes, false) }
        return (Array(text.utf8), true)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}
