import CaseModel

/// One child read from Annex A: the canonical record, and where each of its items came
/// from. ``CaseRecord/location`` is the file and the first row the child appears on (in
/// list order); ``CaseRecord/itemLines`` gives each item's row. Since a row number alone
/// does not say which sheet, ``itemLocations`` names the sheet too: file
/// `Annex_A.xlsx#List 7`, line = row, column 0 (for a CSV file, just the file).
/// Which list each item came from also follows from its path: `cp_plans` from List 7,
/// `episodes` from List 3, and so on (see `rules/annex-a/columns.yaml.example`).
public struct AnnexAChild: Sendable {
    public var record: CaseRecord
    /// Keyed like ``CaseRecord/itemLines`` (`cp_plans[0]`, `visits[2]`, `care_leaver`),
    /// plus `""` for the child's first row.
    public var itemLocations: [String: SourceLocation]
}

/// What reading one Annex A file gave: the children, and the diagnostics in file order.
public struct AnnexAReadResult: Sendable {
    public var children: [AnnexAChild]
    public var diagnostics: [Diagnostic]
    /// Rows that could not be joined to a child (no child id) and were left out.
    public var skippedRows: Int

    public var records: [CaseRecord] { children.map(\.record) }
}
