import CEL
import CaseModel

/// The census return's header (`Message/Header`), given to every child's record as the
/// object `census`, so that rules can use the collection period:
///
/// - `census.reference_date`: the census reference date, the last day of the collection year
///   (`ReferenceDate`, for example 2025-03-31);
/// - `census.collection_start`: the first day of the collection year, the day after the
///   reference date one year earlier (2024-04-01), as the DfE's validator computes it;
/// - `census.year`, `census.collection`, `census.lea`, `census.source_level`,
///   `census.software_code`, `census.release`, `census.serial_no`, `census.date_time`: the
///   header's other values, as text.
///
/// A file without a header, or without a valid reference date, leaves those fields null
/// (and the loader says so once).
struct CINCensusHeader {
    var value: MapValue
    var referenceDate: CalendarDate?

    static let empty = CINCensusHeader(value: MapValue(stringKeyed: []), referenceDate: nil)

    /// Reads the header element; problems are reported through `mapper`.
    init(node: XMLElementNode, mapper: CINChildMapper) {
        var leaves: [XMLElementNode] = []
        for group in node.children {
            switch group.name {
            case "CollectionDetails", "Source": leaves += group.children
            default: mapper.unknownElement(group, path: "Header")
            }
        }
        var fields: [(String, Value)] = []
        var reference: CalendarDate?
        for (element, field, kind) in CINCensusFields.header {
            guard let leaf = leaves.first(where: { $0.name == element }) else { continue }
            let v = mapper.convert(leaf, kind: kind, field: "census.\(field)")
            fields.append((field, v))
            if field == "reference_date" { reference = v.asDate }
        }
        for leaf in leaves where !CINCensusFields.header.contains(where: { $0.element == leaf.name }) {
            mapper.unknownElement(leaf, path: "Header")
        }
        if let reference {
            let start = reference.addingMonths(-12).addingDays(1)
            fields.append(("collection_start", .date(start)))
        }
        value = MapValue(stringKeyed: fields)
        referenceDate = reference
    }

    private init(value: MapValue, referenceDate: CalendarDate?) {
        self.value = value
        self.referenceDate = referenceDate
    }
}
