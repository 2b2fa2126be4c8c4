/// What importing waivers from a file changed.
public struct WaiverImport: Hashable, Sendable {
    /// Waivers recorded for the first time (or with new terms).
    public var added: Int
    /// Waivers already recorded with the same terms.
    public var unchanged: Int

    public init(added: Int, unchanged: Int) {
        self.added = added
        self.unchanged = unchanged
    }
}
