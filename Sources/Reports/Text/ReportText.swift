/// Makes text from case data safe to show in any report: characters that could disguise
/// what a reader sees are made visible or replaced, while ordinary letters in any script,
/// right-to-left ones and emoji included, pass through untouched.
enum ReportText {
    /// Replaces bidirectional embedding, override and isolate controls by a visible
    /// `[U+202E]` (they can make text read backwards, hiding what it says: "Trojan source"),
    /// and control characters other than tab and line breaks, and the non-characters
    /// U+FFFE/U+FFFF, by U+FFFD. The result is valid in XML 1.0, HTML, CSV and JSON.
    static func neutralised(_ text: String) -> String {
        guard mayNeedAttention(text), text.unicodeScalars.contains(where: needsAttention) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isBidiControl(scalar) {
                result.append(contentsOf: "[U+\(hex(scalar))]".unicodeScalars)
            } else if isForbiddenControl(scalar) {
                result.append("\u{FFFD}")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// ``neutralised(_:)`` on one line: line breaks and tabs become spaces, for formats
    /// where a line break would end a table row.
    static func singleLine(_ text: String) -> String {
        // By character, so a CRLF pair becomes one space, not two.
        String(neutralised(text).map { $0.isNewline || $0 == "\t" ? " " : $0 })
    }

    /// A quick byte scan: every character this type changes is a control below 0x20, DEL,
    /// or starts with byte 0xC2 (C1 controls), 0xE2 (bidi controls) or 0xEF (U+FFFE/U+FFFF).
    /// Most text has none of these, and is passed through without a closer look.
    private static func mayNeedAttention(_ text: String) -> Bool {
        text.utf8.contains { byte in
            (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D) || byte == 0x7F || byte == 0xC2 || byte == 0xE2 || byte == 0xEF
        }
    }

    private static func needsAttention(_ scalar: Unicode.Scalar) -> Bool {
        isBidiControl(scalar) || isForbiddenControl(scalar)
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A ... 0x202E).contains(scalar.value) || (0x2066 ... 0x2069).contains(scalar.value)
    }

    private static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v == 0x09 || v == 0x0A || v == 0x0D { return false }
        return v < 0x20 || (0x7F ... 0x9F).contains(v) || v == 0xFFFE || v == 0xFFFF
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
