import Foundation

/// ANSI colours for terminal output; plain text when off (not a terminal, or `NO_COLOR` set).
struct Colour {
    let enabled: Bool

    /// Colour for a stream, when it is a terminal and the user has not asked for none.
    static func forStream(_ fd: Int32) -> Colour {
        Colour(enabled: isatty(fd) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
    }

    func bold(_ s: String) -> String { wrap(s, "1") }
    func dim(_ s: String) -> String { wrap(s, "2") }
    func red(_ s: String) -> String { wrap(s, "31") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func yellow(_ s: String) -> String { wrap(s, "33") }
    func magenta(_ s: String) -> String { wrap(s, "35") }
    func cyan(_ s: String) -> String { wrap(s, "36") }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
