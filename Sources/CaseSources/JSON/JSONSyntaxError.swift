/// Malformed JSON: what is wrong and where (1-based line and column, columns counted in
/// characters). The reader cannot go on past it in the same document.
struct JSONSyntaxError: Error {
    var message: String
    var line: Int
    var column: Int
    var hint: String?
}
