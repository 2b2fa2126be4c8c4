import CaseModel

/// A column map that cannot be used, with the diagnostic that says why.
public struct AnnexAColumnMapError: Error, CustomStringConvertible {
    public var diagnostic: Diagnostic
    public var description: String { diagnostic.description }
}
