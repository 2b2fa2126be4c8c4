import ArgumentParser
import CaseModel
import Engine
import Foundation
import Rules

/// Where `casecheck lint` finds its rules, and loading them.
enum LintRules {
    /// The rules folder: the one named, else `./rules`, else `$CASECHECK_RULES`, else the
    /// `rules` folder of the checkout the executable was built in (`.build/<config>/casecheck`
    /// sits three or four folders below it), so that a pre-commit hook run in another
    /// repository still finds the packs.
    static func folder(explicit: String?) throws -> String {
        if let explicit { return explicit }
        let fm = FileManager.default
        var candidates = ["rules"]
        if let env = ProcessInfo.processInfo.environment["CASECHECK_RULES"], !env.isEmpty { candidates.append(env) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = executable.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("rules").path)
            candidates.append(dir.appendingPathComponent("share/casecheck/rules").path)
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates where fm.fileExists(atPath: (c as NSString).appendingPathComponent("schema.yaml")) {
            return c
        }
        StandardError.write("casecheck: error: no rules folder found (looked in ./rules, $CASECHECK_RULES and next to the program)\n"
                            + "  hint: name one with --rules\n")
        throw ExitCode(ExitStatus.usageOrInputError)
    }

    /// Loads a pack with the folder's schema and calendar, keeping only the rules of `area`
    /// when one is given. Any error stops the command (exit 2), as for `run`.
    static func load(rulePaths: [String], folder: String, area: String?) throws -> CheckSetup {
        let schema = (folder as NSString).appendingPathComponent("schema.yaml")
        let calendar = ((folder as NSString).appendingPathComponent("calendars") as NSString)
            .appendingPathComponent(CheckSetup.defaultCalendarName)
        var setup = try PackLoading.load(rulePaths: rulePaths, schema: schema,
                                         calendar: FileManager.default.fileExists(atPath: calendar) ? calendar : nil)
        if let area {
            let kept = setup.pack.rules.filter { $0.definition.area == area }
            let files = Set(kept.map(\.location.file))
            setup.pack = RulePack(rules: kept, files: setup.pack.files.filter(files.contains))
        }
        return setup
    }
}
