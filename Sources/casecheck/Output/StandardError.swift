import Foundation

/// Writing to standard error, where diagnostics and progress go (reports go to stdout or
/// `--output`), and whether it is a terminal.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
