import Crypto
import Foundation

/// The page's Content-Security-Policy: nothing may be fetched from anywhere, and only the
/// page's own stylesheet and script (named by their SHA-256 hashes) may run. Should any
/// text from case data ever slip through unescaped, the browser still refuses to run it.
enum ContentSecurityPolicy {
    static func policy(style: String, script: String) -> String {
        "default-src 'none'; style-src '\(hash(style))'; script-src '\(hash(script))'; "
            + "img-src 'none'; base-uri 'none'; form-action 'none'"
    }

    /// `sha256-` and the base64 SHA-256 of the text, as CSP names inline content.
    static func hash(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }
}
