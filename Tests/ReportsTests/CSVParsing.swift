/// A strict RFC 4180 reader for checking CSV output: quoted fields, doubled quotes, CRLF
/// records. Throws on anything malformed, so a broken quote fails the test.
enum CSVParsing {
    struct Malformed: Error, CustomStringConvertible { var description: String }

    static func records(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false, wasQuoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let c = characters.popFirst() {
            if quoted {
                if c == "\"" {
                    if characters.first == "\"" { characters.removeFirst(); field.unicodeScalars.append("\"") } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw Malformed(description: "quote inside an unquoted field: \(field)") }
                quoted = true
                wasQuoted = true
            case ",":
                record.append(field); field = ""; wasQuoted = false
            case "\r":
                guard characters.popFirst() == "\n" else { throw Malformed(description: "bare CR outside quotes after \(field)") }
                record.append(field); records.append(record); record = []; field = ""; wasQuoted = false
            case "\n":
                throw Malformed(description: "bare LF outside quotes after \(field)")
            default:
                guard !wasQuoted else { throw Malformed(description: "text after a closing quote") }
                field.unicodeScalars.append(c)
            }
        }
        guard !quoted else { throw Malformed(description: "unterminated quoted field") }
        if !field.isEmpty || !record.isEmpty { throw Malformed(description: "last record does not end with CRLF") }
        return records
    }
}
