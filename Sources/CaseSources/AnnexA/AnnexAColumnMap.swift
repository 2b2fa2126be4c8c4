import CEL
import CaseModel

/// Which header names casecheck recognises in each Annex A list, and which case record
/// field each column fills. The built-in map (``builtIn``) follows Ofsted's Annex A
/// template; a local authority whose workbook words its headers differently can load its
/// own map in the same YAML form (``load(yaml:file:)``).
public struct AnnexAColumnMap: Sendable {
    /// What a column's cells hold, and so how they are read.
    public enum ValueKind: String, Sendable, CaseIterable {
        /// Text as written (white space tidied).
        case text
        /// One of a list of answers, often written with a list label (`c) Child in need
        /// plan`): the label is dropped.
        case choice
        /// A code with its meaning (`q) 6: Police`, `N1 - Abuse or Neglect`, `a) WBRI`):
        /// just the code is kept (`6`, `N1`, `WBRI`).
        case code
        /// Sex or gender, as CIN census codes: `1` male, `2` female, `0` not known, `9` not specified.
        case sex
        /// Yes or no (`a) Yes`, `Y`, `No`): true or false.
        case yesNo = "yes_no"
        /// A whole number.
        case int
        /// A date: an Excel date, or text such as `31/12/2024` or `2024-12-31`.
        case date
        /// A category of abuse, as CIN census codes `NEG`, `PHY`, `EMO`, `SAB`, `MUL`.
        case abuseCategory = "abuse_category"
    }

    /// Where a column's value goes in the child's record.
    public enum Target: Hashable, Sendable {
        /// A field of the child (`birth_date`).
        case child(String)
        /// A field of the item this row makes in `list` (`cp_plans.start_date`); `appends`
        /// when the field is itself a list the value is added to (`cp_plans.reviews[]`).
        case item(list: String, field: String, appends: Bool)
    }

    /// One column of a list.
    public struct Column: Sendable {
        /// The header as Ofsted's template words it.
        public var header: String
        /// Other wordings accepted: each a series of word beginnings that must appear in
        /// order (`child ... id` accepts "Child Unique ID" and "LA child identifier").
        public var variants: [String]
        /// Nil for a column recognised but not kept (a child's age, worked out from the
        /// date of birth anyway).
        public var target: Target?
        public var kind: ValueKind
        /// Annex A expects a value in every row (a blank is warned about).
        public var required: Bool

        public init(header: String, variants: [String] = [], target: Target?, kind: ValueKind, required: Bool = false) {
            self.header = header
            self.variants = variants
            self.target = target
            self.kind = kind
            self.required = required
        }
    }

    /// An extra item a row can make beside its main one (a visit from a plan's "date of
    /// last statutory visit").
    public struct ExtraItem: Sendable {
        /// The item is made only when this field has a value; nil: when any field has one.
        public var whenPresent: String?
        /// Fixed fields every such item gets (`kind: cp`).
        public var constants: [(String, Value)]

        public init(whenPresent: String?, constants: [(String, Value)] = []) {
            self.whenPresent = whenPresent
            self.constants = constants
        }
    }

    /// One Annex A list.
    public struct List: Sendable {
        /// 1 to 11.
        public var number: Int
        public var title: String
        /// The case record list (or object) each row makes an item in; nil for a list
        /// that is not about children (List 11, adopters).
        public var rowsMake: String?
        public var extraItems: [String: ExtraItem]
        public var columns: [Column]

        public init(number: Int, title: String, rowsMake: String?, extraItems: [String: ExtraItem] = [:], columns: [Column]) {
            self.number = number
            self.title = title
            self.rowsMake = rowsMake
            self.extraItems = extraItems
            self.columns = columns
        }

        /// "List 3 (Referrals)".
        public var name: String { "List \(number) (\(title))" }
    }

    public var lists: [List]
    /// Record fields that hold one object per child rather than a list (`care_leaver`).
    public var objects: Set<String>

    public init(lists: [List], objects: Set<String>) {
        self.lists = lists
        self.objects = objects
    }

    public func list(number: Int) -> List? { lists.first { $0.number == number } }
}
