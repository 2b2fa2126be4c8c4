/// Why a workbook could not be read at all, in words a data officer understands.
struct WorkbookReadError: Error, Equatable, CustomStringConvertible {
    var message: String
    var hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    var description: String { message }
}
