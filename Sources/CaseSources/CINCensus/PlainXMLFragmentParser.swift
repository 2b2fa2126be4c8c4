/// Parses a census child written in the plain form census exports take (elements and
/// text, XML's five predefined entities, comments and CDATA sections, in ASCII) straight
/// from the file's bytes into an ``XMLElementNode`` tree.
///
/// Foundation's `XMLParser` costs tens of microseconds a child (a parser context, a
/// delegate call and a bridged string for every element and every run of text), which was
/// most of the time spent reading a census file. For the plain form this parser builds the
/// tree `XMLParser` builds (same names, lines and trimmed texts; a test holds the two
/// together; see ``Text`` for the white space it leaves out). For anything else it gives nil and the child goes to ``XMLFragmentParser``:
/// attributes, processing instructions, character references, bytes outside printable
/// ASCII, a tag broken over lines, a bare carriage return (or any in CDATA), and every kind of XML that is
/// not well formed. So errors are always worded and placed by `XMLParser`, and no DTD or
/// entity is ever read here either.
enum PlainXMLFragmentParser {
    /// The tree of the one element in `bytes`, or nil when the bytes are not in the plain form.
    /// - Parameters:
    ///   - firstLine: the line of the file the bytes start on.
    ///   - names: element names already made (a file's children share them).
    static func parse(_ bytes: UnsafeRawBufferPointer, firstLine: Int, names: XMLNameTable = XMLNameTable()) -> XMLElementNode? {
        var state = State(bytes: bytes, line: firstLine, names: names)
        return state.run()
    }

    /// The text of an element being read: while it is one run of plain bytes it stays a
    /// range of the input; a second run, a decoded entity or a line end to normalise
    /// copies it into a buffer.
    ///
    /// A run of white space before any text is dropped, and one after some text is held
    /// back until more text follows it (dropped when none does): so the layout between a
    /// container's elements is never copied, and an element's text can lack white space
    /// at its start or end that `XMLParser` keeps. Nothing reads a census element's text
    /// but through ``XMLElementNode/trimmedText``, which is the same either way.
    private struct Text {
        var run: Range<Int>?
        var buffer: [UInt8] = []
        var copied = false
        /// A run of white space not yet taken into the text.
        var blank: Range<Int>?

        mutating func append(_ range: Range<Int>, of bytes: UnsafeRawBufferPointer) {
            guard !range.isEmpty else { return }
            if Text.isBlank(range, bytes) {
                // Before any text it is trimmed away in any case; after some, it is held.
                guard copied || run != nil else { return }
                takeBlank(bytes)
                blank = range
                return
            }
            takeBlank(bytes)
            store(range, bytes)
        }

        mutating func append(byte: UInt8, of bytes: UnsafeRawBufferPointer) {
            takeBlank(bytes)
            spill(bytes)
            buffer.append(byte)
        }

        private mutating func takeBlank(_ bytes: UnsafeRawBufferPointer) {
            guard let held = blank else { return }
            blank = nil
            store(held, bytes)
        }

        private mutating func store(_ range: Range<Int>, _ bytes: UnsafeRawBufferPointer) {
            if !copied && run == nil { run = range; return }
            spill(bytes)
            buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[range]))
        }

        private static func isBlank(_ range: Range<Int>, _ bytes: UnsafeRawBufferPointer) -> Bool {
            for k in range {
                let b = bytes[k]
                guard b == 0x20 || b == 0x0A || b == 0x09 else { return false }
            }
            return true
        }

        private mutating func spill(_ bytes: UnsafeRawBufferPointer) {
            guard !copied else { return }
            copied = true
            if let run { buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[run])) }
            run = nil
        }

        func string(_ bytes: UnsafeRawBufferPointer) -> String {
            if copied { return String(decoding: buffer, as: UTF8.self) }
            guard let run else { return "" }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[run]), as: UTF8.self)
        }
    }

    private struct Open {
        let node: XMLElementNode
        let nameRange: Range<Int>
        var text = Text()
    }

    private struct State {
        let bytes: UnsafeRawBufferPointer
        var i = 0
        var line: Int
        var stack: [Open] = []
        /// The children met so far of each open element (by depth). Kept apart and copied
        /// once, at the end tag, into an array of the exact size: appending to the node's
        /// own array grew it three or four times for every container.
        var childLists: [[XMLElementNode]] = []
        var root: XMLElementNode?
        let names: XMLNameTable

        init(bytes: UnsafeRawBufferPointer, line: Int, names: XMLNameTable) {
            self.bytes = bytes
            self.line = line
            self.names = names
            stack.reserveCapacity(8)
        }

        private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), amp = UInt8(ascii: "&")
        private static let slash = UInt8(ascii: "/"), bang = UInt8(ascii: "!"), newline: UInt8 = 0x0A
        private static let cr: UInt8 = 0x0D, tab: UInt8 = 0x09, space: UInt8 = 0x20
        private static let entities: [(StaticString, UInt8)] = [
            ("&lt;", UInt8(ascii: "<")), ("&gt;", UInt8(ascii: ">")), ("&amp;", UInt8(ascii: "&")),
            ("&quot;", UInt8(ascii: "\"")), ("&apos;", UInt8(ascii: "'")),
        ]

        mutating func run() -> XMLElementNode? {
            let n = bytes.count
            while i < n {
                if bytes[i] == State.lt {
                    guard i + 1 < n else { return nil }
                    switch bytes[i + 1] {
                    case State.slash: guard endTag() else { return nil }
                    case State.bang: guard commentOrCDATA() else { return nil }
                    default: guard startTag() else { return nil }
                    }
                } else {
                    guard text() else { return nil }
                }
            }
            guard stack.isEmpty else { return nil }
            return root
        }

        // MARK: Tags

        /// A name's bytes from `i`: an ASCII letter or `_`, then letters, digits, `_`, `-`, `.`.
        /// (A `:` would bring namespaces in: not plain.)
        private mutating func name() -> Range<Int>? {
            let start = i
            guard i < bytes.count, State.isNameStart(bytes[i]) else { return nil }
            i += 1
            while i < bytes.count && State.isNameByte(bytes[i]) { i += 1 }
            return start..<i
        }

        private static func isNameStart(_ b: UInt8) -> Bool {
            (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == UInt8(ascii: "_")
        }

        private static func isNameByte(_ b: UInt8) -> Bool {
            isNameStart(b) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".")
        }

        /// Spaces and tabs inside a tag (a line break inside a tag is not plain: the line
        /// `XMLParser` gives the element is then where the tag ends).
        private mutating func skipTagSpace() {
            while i < bytes.count && (bytes[i] == State.space || bytes[i] == State.tab) { i += 1 }
        }

        private mutating func startTag() -> Bool {
            // Only one root element: anything after it is not plain.
            guard !(stack.isEmpty && root != nil) else { return false }
            i += 1
            guard let nameRange = name() else { return false }
            skipTagSpace()
            guard i < bytes.count else { return false }
            var selfClosing = false
            if bytes[i] == State.slash {
                selfClosing = true
                i += 1
                guard i < bytes.count else { return false }
            }
            guard bytes[i] == State.gt else { return false }
            i += 1
            let node = XMLElementNode(name: names.name(UnsafeRawBufferPointer(rebasing: bytes[nameRange])), line: line)
            if stack.isEmpty {
                root = node
            } else {
                childLists[stack.count - 1].append(node)
            }
            if !selfClosing {
                if childLists.count == stack.count { childLists.append([]) }
                childLists[stack.count].removeAll(keepingCapacity: true)
                stack.append(Open(node: node, nameRange: nameRange))
            }
            return true
        }

        private mutating func endTag() -> Bool {
            guard let open = stack.last else { return false }
            i += 2
            guard let nameRange = name(), sameBytes(nameRange, open.nameRange) else { return false }
            skipTagSpace()
            guard i < bytes.count, bytes[i] == State.gt else { return false }
            i += 1
            open.node.text = open.text.string(bytes)
            let depth = stack.count - 1
            if !childLists[depth].isEmpty { open.node.children = childLists[depth].withUnsafeBufferPointer { Array($0) } }
            stack.removeLast()
            return true
        }

        private func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            guard a.count == b.count else { return false }
            var x = a.lowerBound, y = b.lowerBound
            while x < a.upperBound {
                if bytes[x] != bytes[y] { return false }
                x += 1
                y += 1
            }
            return true
        }

        // MARK: Comments and CDATA

        private mutating func commentOrCDATA() -> Bool {
            guard !stack.isEmpty else { return false }
            if matches("<!--") {
                i += 4
                // `--` may not appear inside a comment; `-->` ends it.
                while i + 1 < bytes.count {
                    let b = bytes[i]
                    if b == UInt8(ascii: "-") && bytes[i + 1] == UInt8(ascii: "-") {
                        guard i + 2 < bytes.count, bytes[i + 2] == State.gt else { return false }
                        i += 3
                        return true
                    }
                    guard State.isPlainByte(b) else { return false }
                    if b == State.newline { line += 1 }
                    i += 1
                }
                return false
            }
            if matches("<![CDATA[") {
                i += 9
                let runStart = i
                while i + 2 < bytes.count {
                    let b = bytes[i]
                    if b == UInt8(ascii: "]") && bytes[i + 1] == UInt8(ascii: "]") && bytes[i + 2] == State.gt {
                        stack[stack.count - 1].text.append(runStart..<i, of: bytes)
                        i += 3
                        return true
                    }
                    // XMLParser hands CDATA over with its carriage returns: not plain.
                    guard State.isPlainByte(b) else { return false }
                    if b == State.newline { line += 1 }
                    i += 1
                }
                return false
            }
            return false
        }

        private func matches(_ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard i + count <= bytes.count else { return false }
            let p = literal.utf8Start
            for k in 0..<count where bytes[i + k] != p[k] { return false }
            return true
        }

        // MARK: Text

        /// Printable ASCII, tab and line feed (a carriage return is handled by the caller).
        private static func isPlainByte(_ b: UInt8) -> Bool {
            (b >= 0x20 && b < 0x7F) || b == 0x0A || b == 0x09
        }

        /// A run of character data up to the next tag.
        private mutating func text() -> Bool {
            // Text outside the one element is not plain.
            guard !stack.isEmpty else { return false }
            var runStart = i
            let top = stack.count - 1
            while i < bytes.count {
                let b = bytes[i]
                if b == State.lt { break }
                if b == State.amp {
                    stack[top].text.append(runStart..<i, of: bytes)
                    guard let decoded = entity() else { return false }
                    stack[top].text.append(byte: decoded, of: bytes)
                    runStart = i
                    continue
                }
                if b == State.cr {
                    // CR LF reads as LF, as XML requires; a bare CR is not plain.
                    guard i + 1 < bytes.count, bytes[i + 1] == State.newline else { return false }
                    stack[top].text.append(runStart..<i, of: bytes)
                    i += 1
                    runStart = i
                    continue
                }
                if b == State.gt {
                    // `]]>` may not appear in text.
                    if i >= 2 && bytes[i - 1] == UInt8(ascii: "]") && bytes[i - 2] == UInt8(ascii: "]") { return false }
                } else if b == State.newline {
                    line += 1
                } else if !State.isPlainByte(b) {
                    return false
                }
                i += 1
            }
            stack[top].text.append(runStart..<i, of: bytes)
            return true
        }

        /// At `&`: one of XML's five predefined entities, decoded; nil for anything else.
        private mutating func entity() -> UInt8? {
            for (literal, byte) in State.entities where matches(literal) {
                i += literal.utf8CodeUnitCount
                return byte
            }
            return nil
        }
    }
}
