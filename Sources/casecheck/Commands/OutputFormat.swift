import ArgumentParser

/// Report formats.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
