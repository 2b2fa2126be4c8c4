/// One open case file being read a little at a time (a record, or a few diagnostics).
protocol CaseFileSource: AnyObject {
    /// The next events in file order; nil once the file is finished.
    func nextEvents() -> [LoadEvent]?
}
