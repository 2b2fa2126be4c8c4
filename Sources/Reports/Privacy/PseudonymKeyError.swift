/// A key that could not be found or is unfit, with a message saying what to do.
public struct PseudonymKeyError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }
}
