import CEL
import CaseModel
import Foundation

/// A DfE children in need census file (`.xml`): one `Message` with a `Header` and
/// `Children/Child` elements, read one child at a time.
///
/// Each `<Child>` becomes one case record:
///
/// | census | record |
/// |---|---|
/// | `LAchildID`, `UPN`, `FormerUPN`, `UPNunknown` | `id`, `upn`, `former_upn`, `upn_unknown` |
/// | `PersonBirthDate`, `ExpectedPersonBirthDate`, `PersonDeathDate` | `birth_date`, `expected_birth_date`, `death_date` |
/// | `Sex`, `GenderCurrent`, `Ethnicity`, `Disabilities/Disability` | `sex`, `gender_current`, `ethnicity`, `disabilities` |
/// | each `CINdetails` | an item of `episodes`, `id` "1", "2"... in file order: `referral_date`, `referral_source`, `primary_need`, `closure_date`, `closure_reason`, `initial_cpc_date` (`DateOfInitialCPC`), `referral_nfa` |
/// | `Assessments` | `assessments`: `id`, `episode`, `start_date`, `internal_review_date`, `authorised_date`, `factors` |
/// | `CINPlanDates` | `cin_plans`: `id`, `episode`, `start_date`, `end_date` |
/// | `Section47` | `section47s`: `id`, `episode`, `start_date`, `icpc_target_date`, `icpc_date`, `icpc_not_required` |
/// | `ChildProtectionPlans` | `cp_plans`: `id`, `episode`, `start_date`, `end_date`, `initial_category`, `latest_category`, `previous_plans`, `reviews` (dates), `reviews_missing_date` (review entries without a valid date) |
/// | `Header` | `census` (see ``CINCensusHeader``), the same in every record |
///
/// Items of the lists under an episode carry `episode`, the episode's `id`, and their own
/// `id` (`"2.1"`: the first of its kind in episode 2). Every record has the line of its
/// `<Child>` tag, and every item the line of its element (``CaseRecord/itemLines``).
///
/// Safety and robustness: the file is mapped, not read into memory, and only one child's
/// bytes are parsed at a time (see ``CINCensusScanner``). A DTD is never given to the
/// parser: a `<!DOCTYPE>` or `<!ENTITY>` in the file is a warning, and any entity reference
/// other than XML's five makes its child malformed. A malformed child (XML that is not well
/// formed, an element left open) is an error with its line, and is skipped; the children
/// after it are still read.
final class CINCensusFileSource: CaseFileSource {
    let data: Data
    let file: String
    /// One mapper and name table a slot (a thread reading children); slot 0 serves
    /// ``nextEvents()`` and the header.
    /// Where the scanner resumes (byte offset and line); the scanner itself is rebuilt on
    /// the mapped bytes each call so that no pointer into them outlives a call.
    private var resume = (position: 0, line: 1)
    private(set) var census = CINCensusHeader.empty
    let declaration: [UInt8]
    /// Whether children may be read by ``PlainXMLFragmentParser``: the file's XML
    /// declaration (if any) reads ASCII as ASCII, as a probe through `XMLParser` shows.
    let plainChildren: Bool
    private var slots: [Slot]
    private var mapper: CINChildMapper { slots[0].mapper }
    /// Children in a block handed to a worker (``nextChunk()``).
    static let childrenPerBlock = 32

    /// What one thread reads children with.
    struct Slot {
        let mapper: CINChildMapper
        let names = XMLNameTable()
    }
    private var started = false
    private var finished = false
    private var childCount = 0

    /// Pages of the mapped file already read, released as reading moves on; nil for text in memory.
    private let mapping: MappedFile?

    /// Reads a census file from disk, mapped rather than copied.
    convenience init(mapping path: String) throws {
        let mapped = try MappedFile(path: path)
        self.init(data: mapped.data, file: path, mapping: mapped)
    }

    init(data: Data, file: String, mapping: MappedFile? = nil) {
        self.mapping = mapping
        self.data = data
        self.file = file
        self.slots = [Slot(mapper: CINChildMapper(file: file))]
        self.declaration = data.withUnsafeBytes { CINCensusScanner(bytes: $0).xmlDeclaration() } ?? []
        self.plainChildren = CINCensusFileSource.declarationReadsASCII(declaration)
    }

    /// True when a plain ASCII element after the declaration parses as itself with
    /// `XMLParser`; false for a declaration it rejects or an encoding that is not ASCII-based,
    /// so that every child then goes through `XMLParser` and fails or succeeds there.
    private static func declarationReadsASCII(_ declaration: [UInt8]) -> Bool {
        guard !declaration.isEmpty else { return true }
        guard case .success(let probe) = XMLFragmentParser.parse(Data(declaration + Array("<a>x</a>".utf8)), firstLine: 1)
        else { return false }
        return probe.name == "a" && probe.text == "x" && probe.children.isEmpty
    }

    func reserveSlots(_ count: Int) {
        while slots.count < count { slots.append(Slot(mapper: CINChildMapper(file: file))) }
    }

    func nextEvents() -> [LoadEvent]? {
        guard let (events, slices) = nextSlices(upTo: 1) else { return nil }
        guard let slice = slices.first else { return events.isEmpty ? nil : events }
        let read = data.withUnsafeBytes { raw in readChild(slice, raw, with: slots[0]) }
        mapping?.release(before: slice.range.upperBound)
        return events + read
    }

    /// The next children, handed out unread for a worker to read (see ``CINChildBlock``).
    func nextChunk() -> SourceChunk? {
        guard let (events, slices) = nextSlices(upTo: CINCensusFileSource.childrenPerBlock) else { return nil }
        guard let first = slices.first else { return .events(events) }
        mapping?.handedOutBlock(at: first.range.lowerBound)
        let block = CINChildBlock(source: self, slices: slices, slots: slots)
        return events.isEmpty ? .deferred(block) : .events(events + block.read(slot: 0))
    }

    /// Finds up to `limit` more children, with the events of the file's start when this is
    /// the first call (and the warning for a file with no child at its end); nil once done.
    private func nextSlices(upTo limit: Int) -> (events: [LoadEvent], slices: [CINCensusScanner.Slice])? {
        guard !finished else { return nil }
        return data.withUnsafeBytes { raw in
            var current = CINCensusScanner(bytes: raw, position: resume.position, line: resume.line)
            defer { resume = (current.position, current.line) }
            var events: [LoadEvent] = []
            if !started {
                started = true
                if !raw.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
                    finished = true
                    return ([.diagnostic(Diagnostic(.warning, at: SourceLocation(file: file, line: 1),
                                                    "the file is empty: it holds no case records"))], [])
                }
                events += readProlog(current)
            }
            var slices: [CINCensusScanner.Slice] = []
            while slices.count < limit, let slice = current.nextChild() { slices.append(slice) }
            childCount += slices.count
            if slices.count < limit {
                finished = true
                if childCount == 0 {
                    events.append(.diagnostic(Diagnostic(.warning, at: SourceLocation(file: file, line: 1),
                                                         "the census file holds no <Child> elements")))
                }
            }
            return (events, slices)
        }
    }

    private func readProlog(_ scanner: CINCensusScanner) -> [LoadEvent] {
        var events: [LoadEvent] = []
        let (prologEnd, _) = scanner.firstChildStart()
        if let dtd = scanner.dtdDeclaration(in: 0..<prologEnd) {
            events.append(.diagnostic(Diagnostic(
                .warning, at: SourceLocation(file: file, line: dtd.line),
                "the file declares a DTD or entities (<!DOCTYPE>/<!ENTITY>); casecheck never reads DTDs, resolves external entities or expands declared ones",
                hint: "census files need no DTD; any &entity; reference in a child makes that child unreadable")))
        }
        guard let header = scanner.element(named: "Header", in: 0..<prologEnd) else {
            events.append(.diagnostic(Diagnostic(
                .warning, at: SourceLocation(file: file, line: 1),
                "no <Header> before the first <Child>: the census reference date is unknown, so rules about the collection year cannot be checked")))
            return events
        }
        let bytes = data.withUnsafeBytes { Data($0[header.range]) }
        switch XMLFragmentParser.parse(Data(declaration) + bytes, firstLine: header.line) {
        case .success(let node):
            census = CINCensusHeader(node: node, mapper: mapper)
            events += mapper.takeEvents()
            if census.referenceDate == nil {
                events.append(.diagnostic(Diagnostic(
                    .warning, at: SourceLocation(file: file, line: header.line),
                    "the header has no valid <ReferenceDate>: rules about the collection year cannot be checked")))
            }
        case .failure(let failure):
            events.append(.diagnostic(Diagnostic(.error, at: SourceLocation(file: file, line: failure.line),
                                                 "the <Header> could not be read: \(failure.message)")))
        }
        return events
    }

    /// The events of one child, read with a slot's mapper and names (any thread).
    func readChild(_ slice: CINCensusScanner.Slice, _ raw: UnsafeRawBufferPointer, with slot: Slot) -> [LoadEvent] {
        if plainChildren && slice.closed,
           let node = PlainXMLFragmentParser.parse(UnsafeRawBufferPointer(rebasing: raw[slice.range]), firstLine: slice.line,
                                                   names: slot.names) {
            return mapped(node, with: slot.mapper)
        }
        var bytes = Data(declaration)
        bytes.append(contentsOf: raw[slice.range])
        switch XMLFragmentParser.parse(bytes, firstLine: slice.line) {
        case .success(let node) where slice.closed:
            return mapped(node, with: slot.mapper)
        case .success:
            return notClosed(slice)
        case .failure(let failure):
            if !slice.closed { return notClosed(slice) }
            return [.diagnostic(Diagnostic(.error, at: SourceLocation(file: file, line: failure.line),
                                           "malformed child (starting on line \(slice.line)): \(failure.message); the child is skipped")),
                    .skipped]
        }
    }

    private func mapped(_ node: XMLElementNode, with mapper: CINChildMapper) -> [LoadEvent] {
        let record = mapper.map(node, census: census.value)
        var events = mapper.events
        if let record { events.append(.record(record)) }
        return events
    }

    private func notClosed(_ slice: CINCensusScanner.Slice) -> [LoadEvent] {
        [.diagnostic(Diagnostic(.error, at: SourceLocation(file: file, line: slice.line),
                                "malformed child: <Child> is not closed before the next child or the end of the file; the child is skipped",
                                hint: "add the missing </Child>")),
         .skipped]
    }
}
