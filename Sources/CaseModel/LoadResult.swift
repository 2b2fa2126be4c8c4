/// What a loader produced from a file: the value (nil when errors prevented building one;
/// some loaders, such as the schema's, return what they could read alongside errors)
/// and every problem found, in file order. Loaders keep going after a problem so that one
/// run reports all of them.
public struct LoadResult<Loaded> {
    public var value: Loaded?
    public var diagnostics: [Diagnostic]

    public init(value: Loaded?, diagnostics: [Diagnostic]) {
        self.value = value
        self.diagnostics = diagnostics
    }

    /// The error-severity diagnostics.
    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The value when there were no errors.
    /// - Throws: ``DiagnosticsError`` holding all diagnostics when any is an error.
    public func get() throws -> Loaded {
        if let value, !hasErrors { return value }
        throw DiagnosticsError(diagnostics: diagnostics)
    }
}

extension LoadResult: Sendable where Loaded: Sendable {}

/// Problems that stopped a file from loading, reported all together.
public struct DiagnosticsError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    /// One diagnostic a line, `file:line:column: error: message`.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
