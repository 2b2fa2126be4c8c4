import Foundation

/// Finds an Annex A list's header row in a table and which column is which.
///
/// Matching follows the rules of `rules/annex-a/columns.yaml.example`: a header equal to a
/// column's title (case, punctuation and spacing aside) is that column; failing that, the
/// first column one of whose wordings fits. Each column is matched at most once, so a
/// repeated header is reported as not recognised.
struct AnnexAHeaderMatcher {
    /// A table read as one list.
    struct Match {
        var list: AnnexAColumnMap.List
        /// Index into the table's rows of the header row.
        var headerRowIndex: Int
        /// Sheet column (0-based) to index into `list.columns`.
        var columns: [Int: Int]
        /// Headers of the header row that name no column of the list, by sheet column.
        var unknownHeaders: [Int: String]
        /// The header text of every sheet column, for messages.
        var headers: [Int: String]

        /// Columns of the list that the table lacks.
        var missingColumns: [AnnexAColumnMap.Column] {
            let found = Set(columns.values)
            return list.columns.indices.filter { !found.contains($0) }.map { list.columns[$0] }
        }
    }

    let map: AnnexAColumnMap
    /// How many rows from the top may come before the header row (titles, notes).
    var headerSearchRows = 12

    /// The list `table` holds: the one its name gives if any, else the one its headers fit
    /// best. Nil when no header row fits any list well enough.
    func match(_ table: SpreadsheetTable, nameHint: String? = nil) -> Match? {
        if let number = AnnexAHeaderText.listNumber(inName: nameHint ?? table.name), let list = map.list(number: number) {
            return bestHeaderRow(in: table, for: list, minimum: 1)
        }
        // Most columns matched wins; among equals, the list the table covers most of.
        var best: (Match, Int, Double)?
        for list in map.lists {
            guard let m = bestHeaderRow(in: table, for: list, minimum: 3) else { continue }
            let share = Double(m.columns.count) / Double(max(1, list.columns.count))
            if best == nil || m.columns.count > best!.1 || (m.columns.count == best!.1 && share > best!.2) {
                best = (m, m.columns.count, share)
            }
        }
        return best.map(\.0)
    }

    private func bestHeaderRow(in table: SpreadsheetTable, for list: AnnexAColumnMap.List, minimum: Int) -> Match? {
        var best: Match?
        for (index, row) in table.rows.prefix(headerSearchRows).enumerated() where !row.isEmpty {
            var headers: [Int: String] = [:]
            for (column, cell) in row.cells {
                let text = cell.displayText.trimmingCharacters(in: .whitespacesAndNewlines)
                if !text.isEmpty { headers[column] = text }
            }
            let (columns, unknown) = assign(headers, to: list)
            guard columns.count >= minimum, columns.values.contains(idColumn(of: list)) else { continue }
            if best == nil || columns.count > best!.columns.count {
                best = Match(list: list, headerRowIndex: index, columns: columns, unknownHeaders: unknown, headers: headers)
            }
        }
        return best
    }

    /// The index of the list's identifier column: the one filling the child's `id`, or
    /// the first column for a list not about children.
    func idColumn(of list: AnnexAColumnMap.List) -> Int {
        list.columns.firstIndex { $0.target == .child("id") } ?? 0
    }

    private func assign(_ headers: [Int: String], to list: AnnexAColumnMap.List) -> ([Int: Int], [Int: String]) {
        let normalized = headers.mapValues(AnnexAHeaderText.normalize)
        let order = headers.keys.sorted()
        var taken = Set<Int>()
        var columns: [Int: Int] = [:]
        for sheetColumn in order {
            let text = normalized[sheetColumn]!
            if let n = list.columns.indices.first(where: { !taken.contains($0) && AnnexAHeaderText.normalize(list.columns[$0].header) == text }) {
                columns[sheetColumn] = n
                taken.insert(n)
            }
        }
        for sheetColumn in order where columns[sheetColumn] == nil {
            let text = normalized[sheetColumn]!
            if let n = list.columns.indices.first(where: { index in
                !taken.contains(index) && list.columns[index].variants.contains { AnnexAHeaderText.matches(text, variant: $0) }
            }) {
                columns[sheetColumn] = n
                taken.insert(n)
            }
        }
        var unknown: [Int: String] = [:]
        for sheetColumn in order where columns[sheetColumn] == nil { unknown[sheetColumn] = headers[sheetColumn] }
        return (columns, unknown)
    }
}
