/// Declares what an expression may refer to — variables (each given a slot) and functions —
/// and compiles expressions into ``Program``s.
///
/// ```swift
/// var env = Environment()
/// let child = env.declare("child", type: .dyn)
/// let program = try env.compile("child.worker != null")
/// var activation = env.makeActivation()
/// activation[child] = record
/// let result = program.evaluate(activation)
/// ```
///
/// Checking: names must be declared; a variable declared with an ``ObjectType`` (or a list
/// of them) has its field names checked, with a "did you mean" hint, and a declared field
/// that is absent from the record reads as `null`. Variables of type `.dyn` are plain CEL
/// maps: an absent key is a `no such key` error, and `has()` tells absent from present.
/// Host types (opaque values) become nameable with ``declareType(_:named:)``; functions and
/// operator overloads for them are registered in ``functions``.
public struct Environment: Sendable {
    /// A declared variable.
    public struct Variable: Sendable {
        public var name: String
        public var type: CELType
        public var slot: Int
    }

    public private(set) var variables: [Variable] = []
    public var functions: FunctionRegistry
    /// Host types that expressions can name, such as `date` in `type(x) == date`.
    public private(set) var types: [String: CELType] = [:]
    /// The deepest nesting of an expression accepted by ``compile(_:)``; deeper input is a
    /// compile error rather than a risk to the stack.
    public var maxNestingDepth = 200

    public init(functions: FunctionRegistry = .standard) {
        self.functions = functions
    }

    /// Declares a variable (or re-declares its type) and returns its slot.
    @discardableResult
    public mutating func declare(_ name: String, type: CELType = .dyn) -> Int {
        if let i = variables.firstIndex(where: { $0.name == name }) {
            variables[i].type = type
            return variables[i].slot
        }
        variables.append(Variable(name: name, type: type, slot: variables.count))
        return variables.count - 1
    }

    /// Makes a type nameable in expressions: after `declareType(.opaque("date"))`,
    /// `type(d) == date` holds for a date value.
    public mutating func declareType(_ type: CELType, named name: String? = nil) {
        types[name ?? type.description] = type
    }

    /// The slot of a declared variable.
    public func slot(of name: String) -> Int? {
        variables.first(where: { $0.name == name })?.slot
    }

    /// An activation with one empty (null) slot per declared variable.
    public func makeActivation() -> Activation {
        Activation(count: variables.count)
    }
}

/// The values of an environment's variables for one evaluation, indexed by slot.
public struct Activation: Sendable {
    public var slots: [Value]

    public init(count: Int) { slots = Array(repeating: .null, count: count) }

    @inlinable public subscript(slot: Int) -> Value {
        get { slots[slot] }
        set { slots[slot] = newValue }
    }
}

/// Bounds on one evaluation, so a careless expression cannot hang a run.
public struct EvaluationLimits: Sendable {
    /// Maximum evaluation steps: the expression's nodes, each comprehension iteration's
    /// body, and one step per byte or element of every string, bytes or list built.
    public var maxSteps: Int
    /// Maximum total comprehension iterations.
    public var maxIterations: Int
    /// Maximum size of any string or bytes value (in bytes) or list (in elements) built
    /// during evaluation.
    public var maxStringSize: Int

    public init(maxSteps: Int = 10_000_000, maxIterations: Int = 1_000_000, maxStringSize: Int = 10_000_000) {
        self.maxSteps = maxSteps
        self.maxIterations = maxIterations
        self.maxStringSize = maxStringSize
    }

    public static let `default` = EvaluationLimits()
    public static let unlimited = EvaluationLimits(maxSteps: .max, maxIterations: .max, maxStringSize: .max)
}
