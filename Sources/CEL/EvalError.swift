/// An evaluation error carried as a value.
///
/// A class so that `Value` stays small and errors are cheap to pass along.
public final class EvalError: Error, @unchecked Sendable, CustomStringConvertible {
    /// Broad category; conformance tests only check that evaluation failed, hosts may
    /// want to tell a cost-limit stop from a data problem.
    public enum Kind: Sendable {
        case noSuchOverload, noSuchKey, noSuchField, divideByZero, overflow, invalidArgument,
             outOfRange, costLimitExceeded, other
    }

    public let kind: Kind
    public let message: String
    /// Offset into the expression source of the node that failed, when known.
    public let offset: Int?

    public init(_ kind: Kind, _ message: String, offset: Int? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
    }

    public var description: String { message }
}
