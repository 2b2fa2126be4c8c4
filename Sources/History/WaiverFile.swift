import CEL
import CaseModel
import Foundation
import Rules
import Yams

/// Reads a reviewed waivers file (kept in the rules repository, changed by pull request):
///
/// ```yaml
/// waivers:
///   - fingerprint: 3f2a9c0d1e4b5a67
///     reason: Visits agreed at the review of 2024-05-01 to be monthly
///     by: J Smith, IRO
///     until: 2025-01-31
///     created: 2024-05-02        # optional: the day it was agreed (default: the day imported)
///     status: overdue            # optional: the state waived (status, and due date if any);
///     due: 2024-06-01            #   left out, it is the finding's state when first recorded
/// ```
///
/// Every mistake is a diagnostic at file:line:column and only that entry is left out; the
/// other entries load. File waivers and ``RunStore/waive(fingerprint:reason:by:until:today:)``
/// give the same ``Waiver`` values and are applied alike.
public enum WaiverFile {
    static let keys = ["fingerprint", "reason", "by", "until", "created", "status", "due"]

    /// Reads the file at `path`; `today` is the day made for entries without `created`.
    public static func load(path: String, today: CalendarDate) -> LoadResult<[Waiver]> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return LoadResult(value: nil, diagnostics: [Diagnostic(.error, at: SourceLocation(file: path, line: 0),
                                                                   "cannot read the waivers file")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return LoadResult(value: nil, diagnostics: [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1),
                                                                   "the waivers file is not UTF-8 text")])
        }
        return parse(text, file: path, today: today)
    }

    /// Reads waivers from `text`, reporting positions in `file`.
    public static func parse(_ text: String, file: String, today: CalendarDate) -> LoadResult<[Waiver]> {
        let (root, syntax) = YAMLDocument.compose(text, file: file)
        var diagnostics = syntax
        guard let root else {
            if syntax.isEmpty { return LoadResult(value: [], diagnostics: []) }
            return LoadResult(value: nil, diagnostics: diagnostics)
        }
        let list: Node
        if case .mapping(let top) = root {
            for (key, _) in top where key.string != "waivers" {
                diagnostics.append(Diagnostic(.error, at: YAMLDocument.location(file, key.mark),
                                              "unknown key '\(key.string ?? "?")' at the top of the waivers file",
                                              hint: hint(for: key.string ?? "", among: ["waivers"])))
            }
            guard let waivers = top["waivers"] else {
                diagnostics.append(Diagnostic(.error, at: YAMLDocument.location(file, root.mark),
                                              "the waivers file needs a 'waivers:' list"))
                return LoadResult(value: [], diagnostics: diagnostics)
            }
            list = waivers
        } else if case .sequence = root {
            list = root
        } else {
            diagnostics.append(Diagnostic(.error, at: YAMLDocument.location(file, root.mark),
                                          "the waivers file should hold 'waivers:' followed by a list of waivers"))
            return LoadResult(value: [], diagnostics: diagnostics)
        }
        if list.null != nil { return LoadResult(value: [], diagnostics: diagnostics) }
        guard case .sequence(let entries) = list else {
            diagnostics.append(Diagnostic(.error, at: YAMLDocument.location(file, list.mark),
                                          "'waivers' should be a list, each entry starting with '- fingerprint:'"))
            return LoadResult(value: [], diagnostics: diagnostics)
        }
        var waivers: [Waiver] = []
        var seen: [String: Int] = [:]
        for entry in entries {
            guard let waiver = readEntry(entry, file: file, today: today, diagnostics: &diagnostics) else { continue }
            let line = entry.mark?.line ?? 0
            if let first = seen[waiver.fingerprint] {
                diagnostics.append(Diagnostic(.error, at: YAMLDocument.location(file, entry.mark),
                                              "fingerprint \(waiver.fingerprint) is already waived at line \(first); this entry is ignored",
                                              hint: "keep one entry a finding"))
                continue
            }
            seen[waiver.fingerprint] = line
            waivers.append(waiver)
        }
        return LoadResult(value: waivers, diagnostics: diagnostics)
    }

    private static func readEntry(_ entry: Node, file: String, today: CalendarDate,
                                  diagnostics: inout [Diagnostic]) -> Waiver? {
        let at = { (node: Node?) in YAMLDocument.location(file, node?.mark ?? entry.mark) }
        guard case .mapping(let mapping) = entry else {
            diagnostics.append(Diagnostic(.error, at: at(entry),
                                          "each waiver should be a set of keys (fingerprint, reason, by, until)"))
            return nil
        }
        let before = diagnostics.count
        var values: [String: (text: String, node: Node)] = [:]
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            guard keys.contains(key) else {
                diagnostics.append(Diagnostic(.error, at: at(keyNode), "unknown key '\(key)' in a waiver",
                                              hint: hint(for: key, among: keys)))
                continue
            }
            guard case .scalar(let scalar) = valueNode, valueNode.null == nil,
                  !scalar.string.trimmingCharacters(in: .whitespaces).isEmpty else {
                diagnostics.append(Diagnostic(.error, at: at(valueNode), "'\(key)' needs a value written on one line"))
                continue
            }
            values[key] = (scalar.string.trimmingCharacters(in: .whitespaces), valueNode)
        }
        for key in ["fingerprint", "reason", "by", "until"] where values[key] == nil {
            // A key present but badly written has its own diagnostic already.
            if mapping.contains(where: { $0.key.string == key }) { continue }
            diagnostics.append(Diagnostic(.error, at: at(entry), "this waiver has no '\(key)'",
                                          hint: key == "until" ? "every waiver ends: give the last day it covers, as YYYY-MM-DD" : nil))
        }
        if let (text, node) = values["fingerprint"], !isFingerprint(text) {
            diagnostics.append(Diagnostic(.error, at: at(node), "'\(text)' is not a finding fingerprint",
                                          hint: "a fingerprint is 16 hexadecimal digits, as printed in casecheck's output"))
        }
        func date(_ key: String) -> CalendarDate? {
            guard let (text, node) = values[key] else { return nil }
            do {
                return try CalendarDate(validatingISO: text)
            } catch {
                diagnostics.append(Diagnostic(.error, at: at(node), "'\(key)' is not a date: \(error)",
                                              hint: "write dates as YYYY-MM-DD"))
                return nil
            }
        }
        let until = date("until")
        let created = date("created")
        let due = date("due")
        var status: FindingStatus?
        if let (text, node) = values["status"] {
            status = FindingStatus(rawValue: text)
            if status == nil {
                diagnostics.append(Diagnostic(.error, at: at(node), "'\(text)' is not a finding status",
                                              hint: hint(for: text, among: FindingStatus.allCases.map(\.rawValue))
                                                ?? "one of: \(FindingStatus.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        } else if let (_, node) = values["due"] {
            diagnostics.append(Diagnostic(.error, at: at(node), "'due' is given without 'status'",
                                          hint: "give both to say which state is waived, or neither"))
        }
        if let until, let created, until < created {
            diagnostics.append(Diagnostic(.error, at: at(values["until"]?.node), "the waiver ends (\(until)) before it was made (\(created))"))
        }
        guard diagnostics.count == before, let fingerprint = values["fingerprint"]?.text, let reason = values["reason"]?.text,
              let by = values["by"]?.text, let until else { return nil }
        return Waiver(fingerprint: fingerprint.lowercased(), reason: reason, by: by, until: until, created: created ?? today,
                      status: status, due: status == nil ? nil : due,
                      source: "\(file):\(entry.mark?.line ?? 0)")
    }

    static func isFingerprint(_ text: String) -> Bool {
        text.count == 16 && text.allSatisfy(\.isHexDigit)
    }

    private static func hint(for word: String, among candidates: [String]) -> String? {
        Suggestion.hint(for: word, among: candidates)
    }
}
