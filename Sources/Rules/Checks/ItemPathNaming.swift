import CEL

/// How a rule names the items it checks (`cp_plans[1]`) and identifies them for fingerprints.
///
/// When `for_each` is a plain field path (`cp_plans`, `child.cp_plans`) the item's path is that
/// list and its position in it (0-based, as in CEL). When `for_each` filters or maps a field
/// (`child.visits.filter(...)`), an item with an `id` is found in the underlying list by its id;
/// other items are numbered by their position in what `for_each` gave.
struct ItemPathNaming: Sendable {
    /// The record field path the items come from (`cp_plans`), when the expression starts with one.
    let basePath: [String]?
    /// Whether `for_each` is exactly the field path (no filtering), so positions are the record's.
    let isPlainPath: Bool
    let forEachText: String?

    init(forEach text: String?) {
        forEachText = text
        guard let text else {
            basePath = nil
            isPlainPath = false
            return
        }
        let trimmed = text.trimmingWhitespace()
        var components: [String] = []
        var current = ""
        var rest = Substring(trimmed)
        while let ch = rest.first, ch.isLetter || ch.isNumber || ch == "_" || ch == "." {
            if ch == "." {
                components.append(current)
                current = ""
            } else {
                current.append(ch)
            }
            rest = rest.dropFirst()
        }
        // A trailing macro call such as `.filter(` leaves its name in `current`.
        let plain = rest.isEmpty
        if plain { components.append(current) }
        if components.first == "child" { components.removeFirst() }
        if components.isEmpty || components.contains(where: { $0.isEmpty || $0.first!.isNumber }) {
            basePath = nil
            isPlainPath = false
        } else {
            basePath = components
            isPlainPath = plain
        }
    }

    /// The item's path and its identity for fingerprints.
    func name(item: Value, position: Int, in record: Value) -> (path: String, identity: String) {
        let id = ItemPathNaming.id(of: item)
        guard let base = basePath else {
            let label = forEachText ?? "item"
            return ("\(label)[\(position)]", id.map { "id:\($0)" } ?? "#\(position)")
        }
        let baseName = base.joined(separator: ".")
        if isPlainPath {
            return ("\(baseName)[\(position)]", id.map { "\(baseName) id:\($0)" } ?? "\(baseName)#\(position)")
        }
        if let id, let list = ItemPathNaming.lookup(base, in: record),
           let index = list.firstIndex(where: { ItemPathNaming.id(of: $0) == id }) {
            return ("\(baseName)[\(index)]", "\(baseName) id:\(id)")
        }
        let label = forEachText ?? baseName
        return ("\(label)[\(position)]", id.map { "\(baseName) id:\($0)" } ?? "\(label)#\(position)")
    }

    /// An item's `id` field as text, when it has one.
    static func id(of item: Value) -> String? {
        guard case .map(let m) = item, let id = m[string: "id"] else { return nil }
        switch id {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .uint(let u): return String(u)
        default: return nil
        }
    }

    private static func lookup(_ path: [String], in record: Value) -> [Value]? {
        var current = record
        for key in path {
            guard case .map(let m) = current, let next = m[string: key] else { return nil }
            current = next
        }
        if case .list(let items) = current { return items }
        return nil
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
