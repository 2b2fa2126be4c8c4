import CEL

/// One child's case record in canonical form: a CEL map typed by the schema (dates are
/// `date` values), plus where it was read from.
public struct CaseRecord: Sendable {
    /// The child's id (`id` field), or nil when the record has none.
    public var id: String?
    /// The whole record as CEL sees it (`child` in rules).
    public var value: Value
    /// File and line of the record's start.
    public var location: SourceLocation
    /// Line numbers of list items, keyed by path such as `cp_plans[1]`, where known.
    public var itemLines: [String: Int]

    public init(id: String?, value: Value, location: SourceLocation, itemLines: [String: Int] = [:]) {
        self.id = id
        self.value = value
        self.location = location
        self.itemLines = itemLines
    }
}
