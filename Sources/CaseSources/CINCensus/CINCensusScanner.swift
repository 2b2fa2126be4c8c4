import Foundation

/// Finds the pieces of a CIN census file by scanning its bytes, without parsing the whole
/// document: the prolog (what comes before the first `<Child>`), the `<Header>` element, and
/// one `<Child>...</Child>` slice at a time.
///
/// Cutting the file into children first is what lets the loader stream (only one child's
/// bytes are parsed at a time), carry on past a malformed child (its slice fails alone),
/// and never hand a DTD to the XML parser (the prolog is inspected, not parsed), so that
/// external entities and entity expansion ("billion laughs") cannot happen at all.
/// Comments and CDATA sections are skipped, so a `<Child>` inside them is not a child.
struct CINCensusScanner {
    /// One child's bytes, with the line its `<Child` tag starts on.
    struct Slice {
        var range: Range<Int>
        var line: Int
        /// False when the slice ran into the next `<Child>` or the end of the file before
        /// its `</Child>`: the child is not closed.
        var closed: Bool
    }

    private let bytes: UnsafeRawBufferPointer
    /// Where scanning resumes, and the line of that byte.
    private(set) var position = 0
    private(set) var line = 1

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The byte offset and line of the first `<Child>` tag (the end of the prolog and
    /// header), or the end of the file when there is none. Does not move the scanner.
    func firstChildStart() -> (offset: Int, line: Int) {
        var copy = self
        if let (start, startLine) = copy.nextTag(named: "Child", closing: false) { return (start, startLine) }
        return (bytes.count, copy.line)
    }

    /// The next child, or nil when no `<Child>` tag is left.
    mutating func nextChild() -> Slice? {
        guard let (start, startLine) = nextTag(named: "Child", closing: false) else { return nil }
        // Skip past the opening tag's name so that the search below does not find it again.
        position = start + 6
        var probe = self
        while let (tag, _) = probe.nextAnyChildTag() {
            if tag.closing {
                // Include the closing tag itself, up to its '>'.
                var end = tag.offset + 7
                while end < bytes.count && bytes[end] != UInt8(ascii: ">") {
                    if bytes[end] == 0x0A { probe.line += 1 }
                    end += 1
                }
                end = min(end + 1, bytes.count)
                probe.position = end
                self = probe
                return Slice(range: start..<end, line: startLine, closed: true)
            }
            // Another child begins before this one ended.
            let end = tag.offset
            var rewound = self
            rewound.advance(to: end)
            self = rewound
            return Slice(range: start..<end, line: startLine, closed: false)
        }
        advance(to: bytes.count)
        return Slice(range: start..<bytes.count, line: startLine, closed: false)
    }

    /// The range of the first element named `name` inside `range` (open tag to close tag),
    /// with the line it starts on.
    func element(named name: String, in range: Range<Int>) -> (range: Range<Int>, line: Int)? {
        var scanner = self
        scanner.position = 0
        scanner.line = 1
        guard let (start, startLine) = scanner.nextTag(named: name, closing: false, before: range.upperBound),
              start >= range.lowerBound,
              let (closeStart, _) = scanner.nextTag(named: name, closing: true, before: range.upperBound) else { return nil }
        var end = closeStart
        while end < range.upperBound && bytes[end] != UInt8(ascii: ">") { end += 1 }
        return (start..<min(end + 1, range.upperBound), startLine)
    }

    /// Offset and line of `<!DOCTYPE` or `<!ENTITY` inside `range`, if any.
    func dtdDeclaration(in range: Range<Int>) -> (offset: Int, line: Int)? {
        var lineNumber = 1
        var i = range.lowerBound
        while i < range.upperBound {
            let b = bytes[i]
            if b == 0x0A { lineNumber += 1 }
            if b == UInt8(ascii: "<"), i + 1 < range.upperBound, bytes[i + 1] == UInt8(ascii: "!"),
               matches("DOCTYPE", at: i + 2) || matches("ENTITY", at: i + 2) {
                return (i, lineNumber)
            }
            i += 1
        }
        return nil
    }

    /// The XML declaration (`<?xml ... ?>`) at the start of the file, if any, so that each
    /// child can be parsed in the file's declared encoding.
    func xmlDeclaration() -> [UInt8]? {
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3 }
        guard matches("<?xml", at: i) else { return nil }
        var j = i
        while j + 1 < bytes.count && !(bytes[j] == UInt8(ascii: "?") && bytes[j + 1] == UInt8(ascii: ">")) {
            if bytes[j] == 0x0A { return nil }  // kept on one line so that child line numbers stay right
            j += 1
        }
        guard j + 1 < bytes.count else { return nil }
        return Array(bytes[i..<(j + 2)])
    }

    // MARK: Scanning

    private struct Tag {
        var offset: Int
        var closing: Bool
    }

    /// Moves on to the next `<Child` or `</Child` tag, skipping comments and CDATA.
    private mutating func nextAnyChildTag() -> (Tag, Int)? {
        while position < bytes.count {
            let b = bytes[position]
            if b == 0x0A { line += 1; position += 1; continue }
            guard b == UInt8(ascii: "<") else { position += 1; continue }
            if skipCommentOrCDATA() { continue }
            let closing = position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "/")
            let nameStart = position + (closing ? 2 : 1)
            if isTag("Child", at: nameStart) {
                let tag = Tag(offset: position, closing: closing)
                let tagLine = line
                position = nameStart + 5
                return (tag, tagLine)
            }
            position += 1
        }
        return nil
    }

    /// Moves to the next tag named `name` (opening or closing as asked) before `limit`.
    private mutating func nextTag(named name: String, closing: Bool, before limit: Int? = nil) -> (Int, Int)? {
        let end = limit ?? bytes.count
        while position < end {
            let b = bytes[position]
            if b == 0x0A { line += 1; position += 1; continue }
            guard b == UInt8(ascii: "<") else { position += 1; continue }
            if skipCommentOrCDATA() { continue }
            let isClosing = position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "/")
            let nameStart = position + (isClosing ? 2 : 1)
            if isClosing == closing && isTag(name, at: nameStart) {
                let found = (position, line)
                position = nameStart + name.utf8.count
                return found
            }
            position += 1
        }
        return nil
    }

    /// At a `<`: skips a comment or CDATA section (counting its lines) and returns true.
    private mutating func skipCommentOrCDATA() -> Bool {
        // Most tags are neither: one byte tells.
        guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "!") else { return false }
        let terminator: StaticString
        if matches("<!--", at: position) {
            terminator = "-->"
        } else if matches("<![CDATA[", at: position) {
            terminator = "]]>"
        } else {
            return false
        }
        let first = terminator.utf8Start[0]
        position += 4
        while position < bytes.count {
            if bytes[position] == 0x0A { line += 1 }
            if bytes[position] == first && matches(terminator, at: position) {
                position += terminator.utf8CodeUnitCount
                return true
            }
            position += 1
        }
        return true
    }

    private mutating func advance(to offset: Int) {
        while position < offset {
            if bytes[position] == 0x0A { line += 1 }
            position += 1
        }
    }

    /// `name` at `offset`, followed by the end of a tag name.
    private func isTag(_ name: String, at offset: Int) -> Bool {
        guard matches(name, at: offset) else { return false }
        let after = offset + name.utf8.count
        guard after < bytes.count else { return true }
        switch bytes[after] {
        case UInt8(ascii: ">"), UInt8(ascii: "/"), 0x20, 0x09, 0x0A, 0x0D: return true
        default: return false
        }
    }

    // Compared byte by byte in place: these run for every tag of the file, and copying the
    // text into an array first was a fifth of the time spent reading it.
    private func matches(_ text: String, at offset: Int) -> Bool {
        var k = offset
        for c in text.utf8 {
            guard k < bytes.count, bytes[k] == c else { return false }
            k += 1
        }
        return true
    }

    private func matches(_ text: StaticString, at offset: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let p = text.utf8Start
        for k in 0..<count where bytes[offset + k] != p[k] { return false }
        return true
    }
}

extension CINCensusScanner {
    /// A scanner resuming at `position` (on `line`) of the same bytes.
    init(bytes: UnsafeRawBufferPointer, position: Int, line: Int) {
        self.init(bytes: bytes)
        self.position = position
        self.line = line
    }
}
