/// Where a value sits inside a record while it is being read: `cp_plans`, `1`, `start_date`
/// renders as `cp_plans[1].start_date`. Kept as components so that no string is built
/// unless a message or an item line needs one.
struct FieldPath {
    enum Component {
        case key(String)
        /// A field of a schema object, by its index: named only when the path is rendered,
        /// so that reading a field costs no string copy. The schema outlives every parse.
        case field(Unmanaged<ResolvedObject>, Int)
        case index(Int)

        /// The field name of a key or field component.
        var name: String? {
            switch self {
            case .key(let k): return k
            case .field(let object, let i): return object.takeUnretainedValue().fieldNames[i]
            case .index: return nil
            }
        }
    }

    private(set) var components: [Component] = []

    var isEmpty: Bool { components.isEmpty }

    mutating func push(_ c: Component) { components.append(c) }
    mutating func pop() { components.removeLast() }

    /// `cp_plans[1].start_date`.
    var rendered: String {
        var s = ""
        for c in components {
            if let k = c.name {
                if !s.isEmpty { s += "." }
                s += k
            } else if case .index(let i) = c {
                s += "[\(i)]"
            }
        }
        return s
    }

    /// The path with list indices dropped (`cp_plans[].reveiws`): the same misspelt field in
    /// every plan of every record is one schema problem, reported once a file.
    func schemaPath(appending key: String) -> String {
        var s = ""
        for c in components {
            if let k = c.name {
                if !s.isEmpty { s += "." }
                s += k
            } else {
                s += "[]"
            }
        }
        return s.isEmpty ? key : s + "." + key
    }

    /// The path of a field of the object at this path.
    func rendered(appending key: String) -> String {
        let base = rendered
        return base.isEmpty ? key : base + "." + key
    }
}
