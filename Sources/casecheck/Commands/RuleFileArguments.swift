import ArgumentParser

/// The rule files a `casecheck rules` subcommand works on, and the schema and calendar
/// their expressions are checked against.
struct RuleFileArguments: ParsableArguments {
    @Argument(help: ArgumentHelp("Rule files or folders (default: rules).", valueName: "path"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("The case schema (default: schema.yaml in the rules folder).", valueName: "path"))
    var schema: String?

    @Option(help: ArgumentHelp("The bank-holiday calendar (default: calendars/england-and-wales.yaml in the rules folder).",
                               valueName: "path"))
    var calendar: String?
}
