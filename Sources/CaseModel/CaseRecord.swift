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
    /// Items read from somewhere other than the record's own file (an Annex A list's sheet,
    /// another CSV file), keyed like ``itemLines``; these take precedence over it.
    public var itemLocations: [String: SourceLocation]

    public init(id: String?, value: Value, location: SourceLocation, itemLines: [String: Int] = [:],
                itemLocations: [String: SourceLocation] = [:]) {
        self.id = id
        self.value = value
        self.location = location
        self.itemLines = itemLines
        self.itemLocations = itemLocations
    }

    /// Where the item at `path` (`cp_plans[1]`) was read from: its own location when known,
    /// else the record's file at the item's line, else the record's location.
    public func location(ofItem path: String) -> SourceLocation {
        if let own = itemLocations[path] { return own }
        guard let line = itemLines[path] else { return location }
        return SourceLocation(file: location.file, line: line)
    }
}
