import Foundation

/// Runs Debian's `chromium` headless on a local HTML file and reports what the page did:
/// what it logged to the console and which URLs it asked the network for.
///
/// No DevTools protocol is needed: Chromium writes every console message of the page to
/// stderr with `--enable-logging=stderr` (as `INFO:CONSOLE` lines, whatever their level,
/// so "no console output at all" is the check), and `--log-net-log` records every network
/// request in a JSON file. The browser's own background requests (update checks and the
/// like) carry the initiator "not an origin" there; anything the page asks for carries the
/// page's origin, which is how the two are told apart. Background networking is switched
/// off as well, to keep the log small.
struct HeadlessChromium {
    let executable: String

    /// The browser on PATH, or nil when none is installed.
    static func find() -> HeadlessChromium? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return HeadlessChromium(executable: candidate) }
            }
        }
        return nil
    }

    struct Visit {
        var exitStatus: Int32
        var consoleMessages: [String]
        var requestedURLs: [String]
        var standardOutput: String
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    /// Loads `page` and, depending on `action`, takes a screenshot or dumps the DOM after scripts ran.
    func visit(_ page: URL, workDirectory: URL, action: [String], windowSize: String = "1280,2000") throws -> Visit {
        let profile = workDirectory.appendingPathComponent("profile-\(UUID())")
        let netLog = workDirectory.appendingPathComponent("netlog-\(UUID()).json")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
            "--disable-extensions", "--no-pings", "--disable-domain-reliability", "--disable-client-side-phishing-detection",
            "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0",
            "--log-net-log=\(netLog.path)", "--window-size=\(windowSize)", "--hide-scrollbars",
        ] + action + [page.absoluteString]
        // Output goes to files rather than pipes, so the browser can never stall on a full pipe.
        let outFile = workDirectory.appendingPathComponent("stdout-\(UUID()).txt")
        let errFile = workDirectory.appendingPathComponent("stderr-\(UUID()).txt")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            throw Failure(description: "chromium did not finish within 90 seconds")
        }
        let outData = FileManager.default.contents(atPath: outFile.path) ?? Data()
        let errData = FileManager.default.contents(atPath: errFile.path) ?? Data()
        let stderr = String(decoding: errData, as: UTF8.self)
        let console = stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return Visit(exitStatus: process.terminationStatus, consoleMessages: console,
                     requestedURLs: try pageRequests(netLog), standardOutput: String(decoding: outData, as: UTF8.self))
    }

    /// URLs the page (not the browser itself) asked the network for.
    private func pageRequests(_ netLog: URL) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: netLog.path) else {
            throw Failure(description: "chromium wrote no network log at \(netLog.path)")
        }
        guard let log = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let events = log["events"] as? [[String: Any]] else {
            throw Failure(description: "the network log at \(netLog.path) is not complete JSON")
        }
        var urls: [String] = []
        for event in events {
            guard let params = event["params"] as? [String: Any], let url = params["url"] as? String,
                  let initiator = params["initiator"] as? String else { continue }
            if initiator != "not an origin" { urls.append(url) }
        }
        return urls
    }
}
