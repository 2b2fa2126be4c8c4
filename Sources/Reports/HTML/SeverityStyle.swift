import Rules

/// The CSS class that colours each severity in charts and badges (colours in the stylesheet).
enum SeverityStyle {
    static func cssClass(_ severity: Severity) -> String { "sev-\(severity.rawValue)" }
}
