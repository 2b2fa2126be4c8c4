import Reports

/// The terminal colours live with the text report in Reports; the CLI's diagnostics use the same.
typealias Colour = Reports.Colour
