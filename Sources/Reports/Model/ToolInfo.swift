/// The tool that produced a report, as SARIF and JUnit name it.
public struct ToolInfo: Hashable, Sendable {
    public var name: String
    public var version: String
    /// Where to read about the tool; nil leaves it out.
    public var informationURI: String?

    public init(name: String, version: String, informationURI: String? = nil) {
        self.name = name
        self.version = version
        self.informationURI = informationURI
    }

    /// casecheck itself; the CLI passes its real version.
    public static func casecheck(version: String) -> ToolInfo {
        ToolInfo(name: "casecheck", version: version)
    }
}
