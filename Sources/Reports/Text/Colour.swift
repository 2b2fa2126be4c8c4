import Foundation

/// ANSI colours for terminal output; plain text when off (not a terminal, or `NO_COLOR` set).
public struct Colour: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    /// Colour for a stream, when it is a terminal and the user has not asked for none.
    public static func forStream(_ fd: Int32) -> Colour {
        Colour(enabled: isatty(fd) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    public func bold(_ s: String) -> String { wrap(s, "1") }
    public func dim(_ s: String) -> String { wrap(s, "2") }
    public func red(_ s: String) -> String { wrap(s, "31") }
    public func green(_ s: String) -> String { wrap(s, "32") }
    public func yellow(_ s: String) -> String { wrap(s, "33") }
    public func magenta(_ s: String) -> String { wrap(s, "35") }
    public func cyan(_ s: String) -> String { wrap(s, "36") }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
