/// The counts that show nothing went missing unseen: how many records were read, how many
/// could not be read (and were reported as diagnostics), and how many children were checked.
public struct ReportCounts: Hashable, Sendable {
    public var recordsRead: Int
    public var recordsSkipped: Int
    public var childrenChecked: Int

    public init(recordsRead: Int, recordsSkipped: Int, childrenChecked: Int) {
        self.recordsRead = recordsRead
        self.recordsSkipped = recordsSkipped
        self.childrenChecked = childrenChecked
    }
}
