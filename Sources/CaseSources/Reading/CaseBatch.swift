import CaseModel

/// One batch from ``CaseReader/nextBatch()``: records that loaded, in file order, and the
/// diagnostics reported while reading them (also in file order).
public struct CaseBatch: Sendable {
    public var records: [CaseRecord]
    public var diagnostics: [Diagnostic]

    public init(records: [CaseRecord] = [], diagnostics: [Diagnostic] = []) {
        self.records = records
        self.diagnostics = diagnostics
    }
}
