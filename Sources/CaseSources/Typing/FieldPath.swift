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
    }

    /// A component as stored: plain data, so that pushing and popping one (for every field
    /// of every record) copies no reference; the text of `.key` components is in `keys`.
    fileprivate enum Step {
        case key(Int)
        case field(Unmanaged<ResolvedObject>, Int)
        case index(Int)
    }

    /// The innermost step, held apart: most values are text, numbers and dates, and
    /// setting this for each costs a store where pushing and popping a step costs two array
    /// updates. Committed to `steps` (``commitLeaf()``) before reading into an object or list.
    enum Leaf {
        case field(Unmanaged<ResolvedObject>, Int)
        case index(Int)

        fileprivate var step: Step {
            switch self {
            case .field(let object, let i): return .field(object, i)
            case .index(let i): return .index(i)
            }
        }
    }

    private var steps: [Step] = []
    private var keys: [String] = []
    var leaf: Leaf?

    var isEmpty: Bool { steps.isEmpty && leaf == nil }

    /// Makes the leaf an ordinary step; true when there was one (pop it afterwards).
    mutating func commitLeaf() -> Bool {
        guard let leaf else { return false }
        steps.append(leaf.step)
        self.leaf = nil
        return true
    }

    /// The steps with the leaf, if any, at the end.
    private var allSteps: [Step] { leaf.map { steps + [$0.step] } ?? steps }

    mutating func push(_ c: Component) {
        switch c {
        case .key(let k):
            keys.append(k)
            steps.append(.key(keys.count - 1))
        case .field(let object, let i): steps.append(.field(object, i))
        case .index(let i): steps.append(.index(i))
        }
    }

    mutating func pop() {
        if case .key = steps.removeLast() { keys.removeLast() }
    }

    /// The field name of a key or field step; nil for a list index.
    private func name(_ step: Step) -> String? {
        switch step {
        case .key(let k): return keys[k]
        case .field(let object, let i): return object.takeUnretainedValue().fieldNames[i]
        case .index: return nil
        }
    }

    /// `cp_plans[1].start_date`.
    var rendered: String {
        var s = ""
        for step in allSteps {
            if let k = name(step) {
                if !s.isEmpty { s += "." }
                s += k
            } else if case .index(let i) = step {
                s += "[\(i)]"
            }
        }
        return s
    }

    /// The path with list indices dropped (`cp_plans[].reveiws`): the same misspelt field in
    /// every plan of every record is one schema problem, reported once a file.
    func schemaPath(appending key: String) -> String {
        var s = ""
        for step in allSteps {
            if let k = name(step) {
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
