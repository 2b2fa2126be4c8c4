import ArgumentParser
import Rules

/// The lowest severity that makes `casecheck run` exit 1; `none` never does.
enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case info, low, medium, high, critical, none

    /// The severity compared against; nil for `none`.
    var severity: Severity? { Severity(rawValue: rawValue) }
}
