/// The codes a text field may hold.
final class AllowedCodes {
    let list: [String]
    let set: Set<String>

    init(_ values: [String]) {
        list = values
        set = Set(values)
    }
}
