/// The activation slots of a rule's variables. Rule expressions see `child`, `as_of` and
/// the item; message templates also see `item` (whatever the item is called), `due`,
/// `late`, `days_late`, `value`, `group` and `other`.
struct RuleVariables: Sendable {
    var child: Int
    var asOf: Int
    var item: Int
    /// `item` in templates when the rule names its item otherwise (`as: plan`).
    var itemAlias: Int?
    var due: Int
    var late: Int
    var daysLate: Int
    var value: Int
    var group: Int
    var other: Int
    /// How many slots an activation needs.
    var count: Int
}

extension RuleVariables {
    /// Names the rule itself provides, which `as:` may not take.
    static let ruleNames = ["child", "as_of", "due", "late", "days_late", "value", "group", "other"]
    /// CEL's reserved words, which cannot name a variable.
    static let celReservedWords = ["true", "false", "null", "in", "as", "break", "const", "continue", "else", "for",
                                   "function", "if", "import", "let", "loop", "package", "namespace", "return",
                                   "var", "void", "while"]
}
