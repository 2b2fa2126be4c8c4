import ArgumentParser
import CaseModel
import Foundation
import History

/// `casecheck waive FINGERPRINT --reason --by --until`: accepts a finding of the last run.
struct WaiveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waive",
        abstract: "Accept a known finding for a time, for a reason; it is still reported, apart.",
        discussion: """
        The finding comes back when the waiver ends or when the finding changes (its status or
        due date differs from when it was waived). Fingerprints are printed by
        'casecheck run --history'. Waivers can also be kept in a reviewed YAML file given to
        'casecheck run --waivers FILE'.

        Examples:
          casecheck waive 3f2a9c0d1e4b5a67 --reason "monthly visits agreed at review" --by "J Smith, IRO" --until 2025-01-31
          casecheck waive --list
        """)

    @Argument(help: ArgumentHelp("The finding's fingerprint (16 hexadecimal digits).", valueName: "fingerprint"))
    var fingerprint: String?

    @Option(help: ArgumentHelp("Why the finding is accepted.", valueName: "text"))
    var reason: String?

    @Option(help: ArgumentHelp("Who accepts it.", valueName: "name"))
    var by: String?

    @Option(help: ArgumentHelp("The last day the waiver covers (YYYY-MM-DD).", valueName: "date"))
    var until: String?

    @Flag(help: "List the waivers recorded instead.")
    var list = false

    @OptionGroup var history: HistoryPathOption

    func validate() throws {
        if list { return }
        guard fingerprint != nil else { throw ValidationError("give the fingerprint of the finding to waive, or --list") }
        guard reason != nil, by != nil, until != nil else { throw ValidationError("a waiver needs --reason, --by and --until") }
    }

    func run() throws {
        let store = try history.openExisting()
        if list {
            let waivers: [Waiver]
            do { waivers = try store.waivers() } catch { throw HistoryStoreOpening.fail(error) }
            if waivers.isEmpty { print("No waivers recorded.") }
            for w in waivers {
                let state = w.status.map { " (\($0.rawValue)\(w.due.map { ", due \($0)" } ?? ""))" } ?? ""
                print("\(w.fingerprint)\(state) until \(w.until), by \(w.by) on \(w.created) [\(w.source)]: \(w.reason)")
            }
            return
        }
        let end: CalendarDate
        do { end = try CalendarDate(validatingISO: until ?? "") } catch let error as CalendarDateParseError {
            throw ValidationError("--until: \(error.message)")
        }
        do {
            let waiver = try store.waive(fingerprint: fingerprint ?? "", reason: reason ?? "", by: by ?? "", until: end,
                                         today: CalendarDate.today())
            let state = waiver.status.map { " (\($0.rawValue)\(waiver.due.map { ", due \($0)" } ?? ""))" } ?? ""
            print("Waived \(waiver.fingerprint)\(state) until \(waiver.until), by \(waiver.by).")
        } catch {
            throw HistoryStoreOpening.fail(error)
        }
    }
}
