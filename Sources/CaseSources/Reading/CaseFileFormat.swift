/// The case file formats read by ``CaseReader``, recognised by file extension.
public enum CaseFileFormat: String, Sendable, CaseIterable {
    /// Canonical YAML (`.yaml`, `.yml`): one record, a list, or a `---` stream of documents.
    case yaml
    /// JSON (`.json`): one record (object) or a list (array) of records.
    case json
    /// JSON Lines (`.ndjson`, `.jsonl`): one record a line, streamed.
    case ndjson
    /// An Ofsted Annex A workbook (`.xlsx`): the case lists, joined into one record a child.
    case annexAWorkbook
    /// One Annex A list exported as CSV (`.csv`); the CSV files of one folder are read
    /// together, each child's rows on them joined into one record.
    case annexACSV
    /// DfE children in need census XML (`.xml`), read one `<Child>` at a time.
    case cinCensus

    /// The format a file name's extension names (case-insensitive); nil for other files.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "ndjson", "jsonl": self = .ndjson
        case "xlsx": self = .annexAWorkbook
        case "csv": self = .annexACSV
        case "xml": self = .cinCensus
        default: return nil
        }
    }

    /// The extensions recognised, for messages.
    public static let knownExtensions = [".yaml", ".yml", ".json", ".ndjson", ".jsonl", ".xml", ".xlsx", ".csv"]
}
