import CEL
import CaseModel

/// Turns one parsed `<Child>` element into a canonical case record (see
/// ``CINCensusFileSource`` for the shape), collecting the problems met on the way.
///
/// Values the census schema types are checked as they are mapped: a date that is not a
/// real `YYYY-MM-DD` date, a yes/no flag other than `1`, `0`, `true` or `false`, or a count
/// that is not a whole number is a warning naming the field and its element, and the field
/// reads as missing, as it does for the DfE's own validator; the DfE rules then report what
/// a missing value means. Unknown elements are warnings, once a file for each place.
final class CINChildMapper {
    let file: String
    /// Warnings and errors of the record being mapped (cleared by ``map(_:census:)``).
    private(set) var events: [LoadEvent] = []
    private var itemLines: [String: Int] = [:]
    private var recordLine = 0
    /// Once-a-file warnings already given.
    private var warnedKeys: Set<String> = []
    /// Shared key layouts, one cache for each kind of map.
    private let childShapes = CINShapeCache(), episodeShapes = CINShapeCache(), assessmentShapes = CINShapeCache()
    private let cinPlanShapes = CINShapeCache(), section47Shapes = CINShapeCache(), cpPlanShapes = CINShapeCache()

    init(file: String) { self.file = file }

    /// The record for one child, or nil (with an error among ``events``) when it has no
    /// `LAchildID`, since a finding must be able to name the child.
    func map(_ child: XMLElementNode, census: MapValue) -> CaseRecord? {
        events.removeAll(keepingCapacity: true)
        itemLines = [:]
        recordLine = child.line
        var fields: [(String, Value)] = []
        var episodes: [Value] = [], assessments: [Value] = [], cinPlans: [Value] = []
        var section47s: [Value] = [], cpPlans: [Value] = []
        var disabilities: [Value]?

        for part in child.children {
            switch part.name {
            case "ChildIdentifiers":
                fields += leafFields(of: part.children, CINCensusFields.identifiers, path: "ChildIdentifiers", prefix: "")
            case "ChildCharacteristics":
                var rest: [XMLElementNode] = []
                for node in part.children {
                    if node.name == "Disabilities" {
                        disabilities = (disabilities ?? []) + node.children.compactMap { d in
                            guard d.name == "Disability" else { unknownElement(d, path: "Disabilities"); return nil }
                            return d.trimmedText.map(Value.string) ?? .null
                        }
                    } else {
                        rest.append(node)
                    }
                }
                fields += leafFields(of: rest, CINCensusFields.characteristics, path: "ChildCharacteristics", prefix: "")
            case "CINdetails":
                mapEpisode(part, number: episodes.count + 1, episodes: &episodes, assessments: &assessments,
                           cinPlans: &cinPlans, section47s: &section47s, cpPlans: &cpPlans)
            default:
                unknownElement(part, path: "Child")
            }
        }
        if let disabilities { fields.append(("disabilities", .list(disabilities))) }
        fields.append(("episodes", .list(episodes)))
        fields.append(("assessments", .list(assessments)))
        fields.append(("cin_plans", .list(cinPlans)))
        fields.append(("section47s", .list(section47s)))
        fields.append(("cp_plans", .list(cpPlans)))
        fields.append(("census", .map(census)))

        // Items are mapped before their episode's own fields: put the problems back in file order.
        if events.count > 1 {
            events = events.enumerated().sorted { a, b in
                let (la, lb) = (CINChildMapper.line(of: a.element), CINChildMapper.line(of: b.element))
                return la != lb ? la < lb : a.offset < b.offset
            }.map(\.element)
        }
        guard case .string(let id)? = fields.first(where: { $0.0 == "id" })?.1 else {
            events.append(.diagnostic(Diagnostic(
                .error, at: SourceLocation(file: file, line: child.line),
                "child has no LAchildID (DfE rule 8500: LA Child ID missing); the child is left out, since findings must name the child",
                hint: "add <LAchildID> inside <ChildIdentifiers>")))
            events.append(.skipped)
            return nil
        }
        return CaseRecord(id: id, value: .map(childShapes.map(fields)),
                          location: SourceLocation(file: file, line: child.line), itemLines: itemLines)
    }

    private func mapEpisode(_ node: XMLElementNode, number: Int, episodes: inout [Value], assessments: inout [Value],
                            cinPlans: inout [Value], section47s: inout [Value], cpPlans: inout [Value]) {
        let episodeID = String(number)
        let path = "episodes[\(episodes.count)]"
        noteLine(path, node.line)
        var leaves: [XMLElementNode] = []
        var counters = (a: 0, c: 0, s: 0, p: 0)
        func item(_ kind: String, _ n: Int) -> String { "\(episodeID).\(n)" }
        for part in node.children {
            switch part.name {
            case "Assessments":
                counters.a += 1
                let itemPath = "assessments[\(assessments.count)]"
                noteLine(itemPath, part.line)
                var own: [XMLElementNode] = [], factors: [Value]?
                for leaf in part.children {
                    if leaf.name == "FactorsIdentifiedAtAssessment" {
                        factors = (factors ?? []) + leaf.children.compactMap { f in
                            guard f.name == "AssessmentFactors" else { unknownElement(f, path: "FactorsIdentifiedAtAssessment"); return nil }
                            return f.trimmedText.map(Value.string) ?? .null
                        }
                    } else {
                        own.append(leaf)
                    }
                }
                var fields = [("id", Value.string(item("a", counters.a))), ("episode", .string(episodeID))]
                fields += leafFields(of: own, CINCensusFields.assessment, path: "Assessments", prefix: itemPath)
                fields.append(("factors", .list(factors ?? [])))
                assessments.append(.map(assessmentShapes.map(fields)))
            case "CINPlanDates":
                counters.c += 1
                let itemPath = "cin_plans[\(cinPlans.count)]"
                noteLine(itemPath, part.line)
                var fields = [("id", Value.string(item("c", counters.c))), ("episode", .string(episodeID))]
                fields += leafFields(of: part.children, CINCensusFields.cinPlan, path: "CINPlanDates", prefix: itemPath)
                cinPlans.append(.map(cinPlanShapes.map(fields)))
            case "Section47":
                counters.s += 1
                let itemPath = "section47s[\(section47s.count)]"
                noteLine(itemPath, part.line)
                var fields = [("id", Value.string(item("s", counters.s))), ("episode", .string(episodeID))]
                fields += leafFields(of: part.children, CINCensusFields.section47, path: "Section47", prefix: itemPath)
                section47s.append(.map(section47Shapes.map(fields)))
            case "ChildProtectionPlans":
                counters.p += 1
                let itemPath = "cp_plans[\(cpPlans.count)]"
                noteLine(itemPath, part.line)
                var own: [XMLElementNode] = [], reviews: [Value] = [], missing = 0
                for leaf in part.children {
                    guard leaf.name == "Reviews" else { own.append(leaf); continue }
                    for r in leaf.children {
                        guard r.name == "CPPreviewDate" else { unknownElement(r, path: "Reviews"); continue }
                        let v = convert(r, kind: .date, field: "\(itemPath).reviews")
                        if v.asDate != nil { reviews.append(v) } else { missing += 1 }
                    }
                }
                var fields = [("id", Value.string(item("p", counters.p))), ("episode", .string(episodeID))]
                fields += leafFields(of: own, CINCensusFields.cpPlan, path: "ChildProtectionPlans", prefix: itemPath)
                fields.append(("reviews", .list(reviews)))
                fields.append(("reviews_missing_date", .int(Int64(missing))))
                cpPlans.append(.map(cpPlanShapes.map(fields)))
            default:
                leaves.append(part)
            }
        }
        var fields = [("id", Value.string(episodeID))]
        fields += leafFields(of: leaves, CINCensusFields.episode, path: "CINdetails", prefix: path)
        episodes.append(.map(episodeShapes.map(fields)))
    }

    /// The fields of `node`'s leaf children named in `table`; other children are unknown.
    private func leafFields(of leaves: [XMLElementNode], _ table: [CINCensusFields.Field], path: String, prefix: String)
        -> [(String, Value)] {
        var out: [(String, Value)] = []
        out.reserveCapacity(leaves.count)
        // Which table entries were met: tables are short, so a bit mask beats a set of names.
        var seen: UInt64 = 0
        for leaf in leaves {
            guard let index = table.firstIndex(where: { $0.element == leaf.name }) else {
                unknownElement(leaf, path: path)
                continue
            }
            let entry = table[index]
            // Paths are built only for messages: most fields never need one.
            let fieldPath = { prefix.isEmpty ? entry.field : "\(prefix).\(entry.field)" }
            guard seen & (1 << UInt64(index)) == 0 else {
                warn(at: leaf.line, "field '\(fieldPath())' (<\(leaf.name)>) appears twice; the first is used",
                     hint: "remove the repeated <\(leaf.name)>")
                continue
            }
            seen |= 1 << UInt64(index)
            out.append((entry.field, convert(leaf, kind: entry.kind, field: fieldPath())))
        }
        return out
    }

    /// The value of a leaf element as its field's kind; an invalid value is a warning and
    /// reads as null. An empty element reads as null.
    func convert(_ leaf: XMLElementNode, kind: CINCensusFields.Kind, field: @autoclosure () -> String) -> Value {
        guard let text = leaf.trimmedText else { return .null }
        switch kind {
        case .text:
            return .string(text)
        case .date:
            // A date-time is accepted for its date, as the DfE's tools accept it.
            let datePart = text.count > 10 && text.utf8.dropFirst(10).first == UInt8(ascii: "T") ? String(text.prefix(10)) : text
            do {
                return .date(try CalendarDate(validatingISO: datePart))
            } catch let e as CalendarDateParseError {
                warn(at: leaf.line, "field '\(field())' (<\(leaf.name)>): \(e.message); read as missing")
            } catch {
                warn(at: leaf.line, "field '\(field())' (<\(leaf.name)>): '\(text)' is not a date; read as missing")
            }
            return .null
        case .flag:
            switch text.lowercased() {
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            default:
                warn(at: leaf.line, "field '\(field())' (<\(leaf.name)>): \(quoted(text)) is not a yes/no value; read as missing",
                     hint: "use 1 or true for yes, 0 or false for no")
                return .null
            }
        case .integer:
            if let n = Int64(text) { return .int(n) }
            warn(at: leaf.line, "field '\(field())' (<\(leaf.name)>): \(quoted(text)) is not a whole number; read as missing")
            return .null
        }
    }

    /// An element the census schema does not have here: one warning a file for each place.
    func unknownElement(_ node: XMLElementNode, path: String) {
        let key = "\(path)/\(node.name)"
        guard warnedKeys.insert(key).inserted else { return }
        let known = CINChildMapper.knownElements(under: path)
        let hint = Suggestion.closest(to: node.name, among: known).map { "did you mean <\($0)>?" }
        events.append(.onceAFile(Diagnostic(
            .warning, at: SourceLocation(file: file, line: node.line),
            "unknown element <\(node.name)> in <\(path)>; it is ignored (reported once a file)", hint: hint),
            key: "cin-unknown:" + key))
    }

    /// Problems met outside a child (the header), handed out and cleared.
    func takeEvents() -> [LoadEvent] {
        defer { events.removeAll() }
        return events
    }

    private static func line(of event: LoadEvent) -> Int {
        switch event {
        case .diagnostic(let d), .onceAFile(let d, _): return d.location.line
        default: return Int.max
        }
    }

    private func warn(at line: Int, _ message: String, hint: String? = nil) {
        events.append(.diagnostic(Diagnostic(.warning, at: SourceLocation(file: file, line: line), message, hint: hint)))
    }

    private func noteLine(_ path: String, _ line: Int) {
        if line != recordLine { itemLines[path] = line }
    }

    private static func knownElements(under path: String) -> [String] {
        switch path {
        case "Child": return ["ChildIdentifiers", "ChildCharacteristics", "CINdetails"]
        case "ChildIdentifiers": return CINCensusFields.identifiers.map(\.element)
        case "ChildCharacteristics": return CINCensusFields.characteristics.map(\.element) + ["Disabilities"]
        case "CINdetails":
            return CINCensusFields.episode.map(\.element) + ["Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans"]
        case "Assessments": return CINCensusFields.assessment.map(\.element) + ["FactorsIdentifiedAtAssessment"]
        case "CINPlanDates": return CINCensusFields.cinPlan.map(\.element)
        case "Section47": return CINCensusFields.section47.map(\.element)
        case "ChildProtectionPlans": return CINCensusFields.cpPlan.map(\.element) + ["Reviews"]
        case "Header": return ["CollectionDetails", "Source"] + CINCensusFields.header.map(\.element)
        case "Disabilities": return ["Disability"]
        case "FactorsIdentifiedAtAssessment": return ["AssessmentFactors"]
        case "Reviews": return ["CPPreviewDate"]
        default: return []
        }
    }
}
