/// File paths as URI references, as SARIF's `artifactLocation.uri` requires.
enum FileURI {
    /// Unreserved characters (RFC 3986) and `/` stay; every other byte is percent-encoded.
    /// Absolute paths become `file://` URIs; relative paths stay relative references.
    static func reference(forPath path: String) -> String {
        var encoded = ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if byte < 0x80, character.isLetter || character.isNumber || "-._~/".contains(character) {
                encoded.append(character)
            } else {
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
