import History

/// `--history` may be given without a path (`casecheck run --history`), meaning the default
/// database. ArgumentParser options always take a value, so the default path is put in
/// before parsing when `--history` is last or followed by another option.
enum HistoryArguments {
    static func normalise(_ arguments: [String]) -> [String] {
        var out: [String] = []
        for (index, argument) in arguments.enumerated() {
            out.append(argument)
            guard argument == "--history" else { continue }
            let next = index + 1 < arguments.count ? arguments[index + 1] : nil
            if next == nil || next!.hasPrefix("-") { out.append(RunStore.defaultPath) }
        }
        return out
    }
}
