import CEL
import CaseModel

/// Joins the rows of the Annex A lists into one record per child, keyed by child id: a
/// child's referral (List 3), assessment (List 4), plan (List 7) and care (List 8) rows
/// become items of the one record, in the order read.
///
/// Child fields met on several lists: `team` and `worker` take the last list's value (the
/// later lists - protection, care - name the current worker); any other field keeps the
/// first value, and a different date of birth, sex or ethnicity on another list is
/// warned about, since the lists should agree.
final class AnnexAChildAssembler {
    private final class Item {
        var fields: [(String, Value)] = []
        var location: SourceLocation
        init(location: SourceLocation) { self.location = location }

        func set(_ name: String, _ value: Value) {
            if let i = fields.firstIndex(where: { $0.0 == name }) { fields[i].1 = value } else { fields.append((name, value)) }
        }

        func append(_ name: String, _ value: Value?) {
            let existing = fields.firstIndex { $0.0 == name }
            var list: [Value] = []
            if let i = existing, case .list(let items) = fields[i].1 { list = items }
            if let value { list.append(value) }
            if let i = existing { fields[i].1 = .list(list) } else { fields.append((name, .list(list))) }
        }

        func has(_ name: String) -> Bool { fields.contains { $0.0 == name && !$0.1.isNull } }
        var value: Value { .map(MapValue(stringKeyed: fields)) }
    }

    private final class Child {
        let id: String
        let first: SourceLocation
        var fields: [(String, Value)] = []
        var fieldSources: [String: SourceLocation] = [:]
        var lists: [(String, [Item])] = []
        var objects: [(String, Item)] = []
        init(id: String, first: SourceLocation) {
            self.id = id
            self.first = first
        }
    }

    private let map: AnnexAColumnMap
    private var children: [String: Child] = [:]
    private var order: [String] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// The diagnostics so far, which are then forgotten (to interleave them with others in
    /// file order).
    func takeDiagnostics() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }
    private(set) var skippedRows = 0

    init(map: AnnexAColumnMap) {
        self.map = map
    }

    /// Reads the rows of `table`, which `match` says is which list. `place` is the file
    /// name diagnostics and items are located in (`Annex_A.xlsx#List 3`, or the CSV path).
    func add(_ table: SpreadsheetTable, _ match: AnnexAHeaderMatcher.Match, dateSystem: ExcelDateSystem, locatedIn place: String) {
        let list = match.list
        let reader = AnnexACellReader(dateSystem: dateSystem)
        let headerRow = table.rows[match.headerRowIndex].number
        for (column, header) in match.unknownHeaders.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(Diagnostic(
                .warning, at: SourceLocation(file: place, line: headerRow, column: column + 1),
                "\(list.name): column '\(header)' is not an Annex A column of this list; it is not read",
                hint: closestHeader(to: header, in: list).map { "did you mean '\($0)'?" }))
        }
        for column in match.missingColumns where column.required {
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: place, line: headerRow),
                                          "\(list.name) has no '\(column.header)' column"))
        }
        guard let rowsMake = list.rowsMake else {
            let count = table.rows.dropFirst(match.headerRowIndex + 1).filter { !$0.isEmpty }.count
            diagnostics.append(Diagnostic(.note, at: SourceLocation(file: place, line: headerRow),
                                          "\(list.name) lists adopters, not children: its \(count) rows are not checked"))
            return
        }
        let idIndex = AnnexAHeaderMatcher(map: map).idColumn(of: list)
        let idColumn = match.columns.first { $0.value == idIndex }?.key
        let columnsInOrder = match.columns.sorted { $0.key < $1.key }
        for row in table.rows.dropFirst(match.headerRowIndex + 1) where !row.isEmpty {
            let rowPlace = SourceLocation(file: place, line: row.number)
            var idText = ""
            if let idColumn, case .value(.string(let text)) = reader.read(row.cells[idColumn] ?? .blank, as: .text) { idText = text }
            guard !idText.isEmpty else {
                diagnostics.append(Diagnostic(
                    .error, at: rowPlace, "\(list.name) row \(row.number) has no '\(list.columns[idIndex].header)'; the row is left out",
                    hint: "every row needs the child's id so that it can be joined to the child's other lists"))
                skippedRows += 1
                continue
            }
            let child = childRecord(idText, at: rowPlace)
            let main = Item(location: rowPlace)
            var extras: [String: Item] = [:]
            for (sheetColumn, index) in columnsInOrder {
                let column = list.columns[index]
                guard let target = column.target, target != .child("id") else { continue }
                let cell = row.cells[sheetColumn] ?? .blank
                let cellPlace = SourceLocation(file: place, line: row.number, column: sheetColumn + 1)
                // Messages quote the header as the file writes it: that is what the reader sees.
                let header = AnnexACellReader.tidy(match.headers[sheetColumn] ?? column.header)
                var value: Value?
                switch reader.read(cell, as: column.kind) {
                case .value(let v):
                    value = v
                case .blank:
                    if column.required {
                        diagnostics.append(Diagnostic(.warning, at: cellPlace,
                                                      "\(list.name) row \(row.number), child \(idText): '\(header)' is blank"))
                    }
                case .blankWithWarning(let message):
                    diagnostics.append(Diagnostic(.warning, at: cellPlace,
                                                  "\(list.name) row \(row.number), child \(idText), '\(header)': \(message)"))
                case .problem(let message):
                    diagnostics.append(Diagnostic(
                        .error, at: cellPlace, "\(list.name) row \(row.number), child \(idText), '\(header)': \(message)",
                        hint: "the rest of the row is read; this cell is left empty"))
                }
                switch target {
                case .child(let name):
                    if let value { setChildField(child, name, value, at: cellPlace, header: header) }
                case .item(let listName, let field, let appends):
                    let item: Item
                    if listName == rowsMake {
                        item = main
                    } else if let existing = extras[listName] {
                        item = existing
                    } else {
                        item = Item(location: rowPlace)
                        extras[listName] = item
                    }
                    if appends { item.append(field, value) } else if let value { item.set(field, value) }
                }
            }
            add(main, to: rowsMake, of: child)
            for (name, extra) in list.extraItems.sorted(by: { $0.key < $1.key }) {
                guard let item = extras[name] else { continue }
                if let key = extra.whenPresent { guard item.has(key) else { continue } } else if !item.fields.contains(where: { !$0.1.isNull }) {
                    continue
                }
                for (field, constant) in extra.constants where !item.has(field) { item.set(field, constant) }
                add(item, to: name, of: child)
            }
        }
    }

    private func closestHeader(to header: String, in list: AnnexAColumnMap.List) -> String? {
        Suggestion.closest(to: header, among: list.columns.map(\.header))
    }

    private func childRecord(_ id: String, at place: SourceLocation) -> Child {
        if let child = children[id] { return child }
        let child = Child(id: id, first: place)
        child.fields.append(("id", .string(id)))
        children[id] = child
        order.append(id)
        return child
    }

    private static let lastListWins: Set<String> = ["team", "worker"]
    private static let mustAgree: Set<String> = ["birth_date", "sex", "ethnicity"]

    private func setChildField(_ child: Child, _ name: String, _ value: Value, at place: SourceLocation, header: String) {
        guard let i = child.fields.firstIndex(where: { $0.0 == name }) else {
            child.fields.append((name, value))
            child.fieldSources[name] = place
            return
        }
        let old = child.fields[i].1
        if AnnexAChildAssembler.lastListWins.contains(name) {
            child.fields[i].1 = value
            child.fieldSources[name] = place
        } else if AnnexAChildAssembler.mustAgree.contains(name), !AnnexAChildAssembler.same(old, value), let first = child.fieldSources[name] {
            diagnostics.append(Diagnostic(
                .warning, at: place,
                "child \(child.id): '\(header)' is \(AnnexAChildAssembler.show(value)) here but \(AnnexAChildAssembler.show(old)) at \(first); the first is kept",
                hint: "the lists should agree about the child"))
        }
    }

    private static func same(_ a: Value, _ b: Value) -> Bool {
        if let x = a.asDate, let y = b.asDate { return x == y }
        if case .string(let x) = a, case .string(let y) = b { return x == y }
        if case .bool(let x) = a, case .bool(let y) = b { return x == y }
        return false
    }

    private static func show(_ v: Value) -> String {
        if let d = v.asDate { return d.isoString }
        if case .string(let s) = v { return "'\(s)'" }
        if case .bool(let b) = v { return b ? "yes" : "no" }
        return "a value"
    }

    private func add(_ item: Item, to name: String, of child: Child) {
        if map.objects.contains(name) {
            if let existing = child.objects.first(where: { $0.0 == name }) {
                diagnostics.append(Diagnostic(.warning, at: item.location,
                                              "child \(child.id) appears again in the list that fills '\(name)' (first at \(existing.1.location)); this row replaces it"))
                child.objects.removeAll { $0.0 == name }
            }
            child.objects.append((name, item))
            return
        }
        if let i = child.lists.firstIndex(where: { $0.0 == name }) {
            child.lists[i].1.append(item)
        } else {
            child.lists.append((name, [item]))
        }
    }

    /// The children in the order first met, each with its record and item locations.
    /// `recordFile` is the workbook every record is located in; nil for CSV files, where
    /// a record is located in the file the child first appears in. Items from another
    /// sheet or file carry their own location (``CaseRecord/itemLocations``), so a finding
    /// names the sheet and row it is about.
    func children(recordFile: String?) -> [AnnexAChild] {
        order.map { id in
            let child = children[id]!
            let file = recordFile ?? child.first.file
            var fields = child.fields
            var itemLines: [String: Int] = [:]
            var locations: [String: SourceLocation] = ["": child.first]
            var elsewhere: [String: SourceLocation] = [:]
            func note(_ path: String, _ item: Item) {
                locations[path] = item.location
                if item.location.file == file { itemLines[path] = item.location.line } else { elsewhere[path] = item.location }
            }
            for (name, items) in child.lists {
                fields.append((name, .list(items.map(\.value))))
                for (n, item) in items.enumerated() { note("\(name)[\(n)]", item) }
            }
            for (name, item) in child.objects {
                fields.append((name, item.value))
                note(name, item)
            }
            let record = CaseRecord(id: id, value: .map(MapValue(stringKeyed: fields)),
                                    location: SourceLocation(file: file, line: child.first.line), itemLines: itemLines,
                                    itemLocations: elsewhere)
            return AnnexAChild(record: record, itemLocations: locations)
        }
    }
}
