import CaseModel
import Foundation

/// Writes synthetic children as NDJSON in the canonical shape: a few episodes, assessments,
/// protection plans with reviews and core groups, and 20–100 visits each. Most records meet
/// the rules; some are late, as a real caseload would be.
struct ChildGenerator {
    var random: SeededGenerator
    let asOf: CalendarDate

    init(seed: UInt64, asOf: CalendarDate) {
        random = SeededGenerator(seed: seed)
        self.asOf = asOf
    }

    /// Writes `count` children to `path`, returning the file's size in bytes.
    mutating func write(count: Int, to path: String) throws -> Int {
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        var buffer = ""
        buffer.reserveCapacity(1 << 20)
        var size = 0
        for n in 0..<count {
            buffer += child(n)
            buffer += "\n"
            if buffer.utf8.count > (1 << 20) - 16_384 {
                size += buffer.utf8.count
                handle.write(Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        size += buffer.utf8.count
        handle.write(Data(buffer.utf8))
        return size
    }

    private mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    private func date(_ d: CalendarDate) -> String { "\"\(d.isoString)\"" }

    private mutating func child(_ n: Int) -> String {
        let worker = "Worker \(int(0...3_999))"
        let birth = asOf.addingDays(-int(200...6_500))
        var fields = ["\"id\":\"C\(String(n, radix: 10))\"", "\"worker\":\"\(worker)\"", "\"team\":\"Team \(int(1...40))\"",
                      "\"birth_date\":\(date(birth))"]

        // Episodes: the last may still be open.
        var episodes: [String] = []
        var start = asOf.addingDays(-int(400...1_800))
        let episodeCount = int(1...3)
        var planStarts: [CalendarDate] = []
        for e in 0..<episodeCount {
            let referral = start
            let open = e == episodeCount - 1 && chance(0.7)
            let closure = referral.addingDays(int(60...500))
            var episode = "{\"id\":\"E\(e)\",\"referral_date\":\(date(referral)),\"decision_date\":\(date(referral.addingDays(int(0...2))))"
            if !open && closure < asOf { episode += ",\"closure_date\":\(date(closure))" }
            episodes.append(episode + "}")
            planStarts.append(referral.addingDays(int(10...40)))
            start = min(closure.addingDays(int(30...200)), asOf.addingDays(-60))
        }
        fields.append("\"episodes\":[\(episodes.joined(separator: ","))]")

        var assessments: [String] = []
        for (e, planStart) in planStarts.enumerated() where chance(0.8) {
            let s = planStart.addingDays(-int(5...15))
            var a = "{\"id\":\"A\(e)\",\"episode\":\"E\(e)\",\"start_date\":\(date(s))"
            if chance(0.9) { a += ",\"authorised_date\":\(date(s.addingDays(int(20...75))))" }
            assessments.append(a + "}")
        }
        fields.append("\"assessments\":[\(assessments.joined(separator: ","))]")

        var plans: [String] = []
        var planSpans: [(CalendarDate, CalendarDate)] = []
        for (e, planStart) in planStarts.enumerated() where chance(0.5) && planStart < asOf {
            let end = planStart.addingDays(int(60...450))
            var reviews: [String] = []
            var r = planStart.addingDays(int(70...95))
            while r < min(end, asOf) {
                reviews.append(date(r))
                r = r.addingDays(int(150...185))
            }
            var plan = "{\"id\":\"P\(e)\",\"episode\":\"E\(e)\",\"start_date\":\(date(planStart))"
            if end < asOf { plan += ",\"end_date\":\(date(end))" }
            plan += ",\"reviews\":[\(reviews.joined(separator: ","))],\"core_groups\":[\(date(planStart.addingDays(10)))]}"
            plans.append(plan)
            planSpans.append((planStart, min(end, asOf)))
        }
        fields.append("\"cp_plans\":[\(plans.joined(separator: ","))]")

        // Visits: about weekly while a plan is open (the odd one missed), the rest spread
        // over the last year; 20 to 100 in all.
        var visits: [String] = []
        let visitCount = int(20...100)
        func visit(_ d: CalendarDate, _ kind: String) -> String {
            let seen = chance(0.95)
            return "{\"date\":\(date(d)),\"kind\":\"\(kind)\",\"seen\":\(seen),\"seen_alone\":\(seen && chance(0.6)),\"worker\":\"\(worker)\"}"
        }
        for (from, to) in planSpans where visits.count < visitCount {
            var d = from.addingDays(int(2...6))
            while d <= to && visits.count < visitCount {
                visits.append(visit(d, "cp"))
                d = d.addingDays(int(5...9))
            }
        }
        var d = asOf.addingDays(-365)
        let step = max(3, 365 / max(1, visitCount - visits.count))
        while visits.count < visitCount {
            visits.append(visit(d, chance(0.8) ? "cin" : "other"))
            d = d.addingDays(step + int(-2...2))
        }
        fields.append("\"visits\":[\(visits.joined(separator: ","))]")
        return "{" + fields.joined(separator: ",") + "}"
    }
}
