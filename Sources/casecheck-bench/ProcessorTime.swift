import Foundation

/// CPU time used by the process (user plus system, all threads), so that a run on a busy
/// machine can be told from a slow one: wall time alone counts time spent waiting for a core.
enum ProcessorTime {
    static func seconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func s(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return s(usage.ru_utime) + s(usage.ru_stime)
    }
}
