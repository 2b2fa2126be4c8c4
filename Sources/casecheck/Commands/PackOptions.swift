import ArgumentParser

/// Where the rules, the case schema and the calendar come from; shared by every command
/// that loads a rule pack.
struct PackOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file or folder (repeatable; default: rules).", valueName: "path"))
    var rulePaths: [String] = []

    @Option(help: ArgumentHelp("The case schema (default: schema.yaml in the rules folder).", valueName: "path"))
    var schema: String?

    @Option(help: ArgumentHelp("The bank-holiday calendar (default: calendars/england-and-wales.yaml in the rules folder).",
                               valueName: "path"))
    var calendar: String?
}
