import CEL

/// One conformance test case: an expression, the variables it may use, and what it must
/// evaluate to.
public struct ConformanceTest: Sendable {
    /// What a test expects.
    public enum Expectation: Sendable {
        case value(Value)
        /// Evaluation (or compilation) must fail; the text is only a hint.
        case error(String)
    }

    public var file: String
    public var section: String
    public var name: String
    public var expression: String
    /// Variables and their values.
    public var bindings: [(String, Value)]
    /// Declared variable names (all of type dyn).
    public var typeEnvironment: [String]
    /// When true, names and types are not checked at compile time.
    public var disableCheck: Bool
    public var expectation: Expectation

    public init(file: String, section: String, name: String, expression: String, bindings: [(String, Value)],
                typeEnvironment: [String], disableCheck: Bool, expectation: Expectation) {
        self.file = file
        self.section = section
        self.name = name
        self.expression = expression
        self.bindings = bindings
        self.typeEnvironment = typeEnvironment
        self.disableCheck = disableCheck
        self.expectation = expectation
    }

    /// `file/section/name`, the key used in exclusion lists.
    public var identifier: String { "\(file)/\(section)/\(name)" }
}
