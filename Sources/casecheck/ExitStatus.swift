/// The exit codes casecheck uses, as linters do.
enum ExitStatus {
    /// No findings at or above `--fail-on`; every example passed; no rule-file errors.
    static let clean: Int32 = 0
    /// Findings at or above `--fail-on`, or a rule example that failed.
    static let findings: Int32 = 1
    /// A usage error, a rule-file error, or a case file or record that could not be read.
    static let usageOrInputError: Int32 = 2
}
