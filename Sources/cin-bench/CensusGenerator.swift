import CaseModel

/// Writes synthetic DfE CIN census returns (XML) of any size, seeded, so that the same
/// arguments always give the same file. Most children are valid; about one in `errorRate`
/// values is deliberately wrong in a way one of the DfE rules catches (a UPN with the wrong
/// check letter, a protection plan ending before it starts, a closure with no reason, an
/// ICPC on a Saturday...), so that casecheck and the DfE's reference validator have plenty
/// to agree or disagree on. Synthetic: no real child's data.
struct CensusGenerator {
    var children: Int
    var seed: UInt64
    /// One value in `errorRate` (roughly) is made wrong.
    var errorRate = 25

    private static let referenceDate = CalendarDate(year: 2025, month: 3, day: 31)!
    private static let ethnicities = ["WBRI", "WIRI", "WOTH", "MWBC", "AIND", "APKN", "BAFR", "BCRB", "CHNE", "OOTH", "REFU", "NOBT"]
    private static let disabilities = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"]
    private static let sources = ["1A", "1B", "1C", "2A", "2B", "3A", "3B", "3C", "4", "5A", "5B", "6", "7", "8", "9", "10"]
    private static let factors = ["1A", "2A", "2B", "3A", "3C", "4A", "4B", "5A", "6A", "7A", "8B", "9A", "10A", "11A", "16A", "18B", "19B", "22A"]
    private static let categories = ["NEG", "PHY", "SAB", "EMO", "MUL"]

    /// Calls `write` with the file's text a piece at a time (so a large file is never held whole).
    func generate(_ write: (String) -> Void) {
        var rng = SplitMix64(seed: seed)
        write("""
            <?xml version="1.0" encoding="utf-8"?>
            <Message>
              <Header>
                <CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails>
                <Source><SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>cin-bench</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo><DateTime>2025-04-20T09:00:00</DateTime></Source>
              </Header>
              <Children>

            """)
        var buffer = ""
        for n in 0..<children {
            buffer += child(n, &rng)
            if buffer.utf8.count > 1 << 20 { write(buffer); buffer = "" }
        }
        write(buffer + "  </Children>\n</Message>\n")
    }

    private func bad(_ rng: inout SplitMix64) -> Bool { rng.next(errorRate) == 0 }

    private func child(_ n: Int, _ rng: inout SplitMix64) -> String {
        let ref = Self.referenceDate
        let unborn = rng.next(60) == 0
        let birth = ref.addingDays(-(200 + rng.next(6200)))
        var id = "CHILD\(String(n, radix: 10))"
        if bad(&rng) { id = rng.next(2) == 0 ? "CHILD-\(n)" : "CHILD\(n)LONGERTHANTWENTYCHARS" }
        var x = "    <Child>\n      <ChildIdentifiers>\n        <LAchildID>\(id)</LAchildID>\n"
        if !unborn && rng.next(5) != 0 {
            x += "        <UPN>\(upn(n, &rng))</UPN>\n"
        } else if !unborn {
            x += "        <UPNunknown>\(bad(&rng) ? "UN1" : "UN2")</UPNunknown>\n"
        }
        if bad(&rng) { x += "        <FormerUPN>X12345678901B</FormerUPN>\n" }
        if unborn {
            let expected = ref.addingDays(bad(&rng) ? 400 : rng.next(150))
            x += "        <ExpectedPersonBirthDate>\(expected.isoString)</ExpectedPersonBirthDate>\n"
            x += "        <Sex>\(bad(&rng) ? "F" : "U")</Sex>\n"
        } else {
            x += "        <PersonBirthDate>\(bad(&rng) ? ref.addingDays(10).isoString : birth.isoString)</PersonBirthDate>\n"
            if bad(&rng) { x += "        <ExpectedPersonBirthDate>\(birth.isoString)</ExpectedPersonBirthDate>\n" }
            let sex = bad(&rng) ? (rng.next(2) == 0 ? "1" : "X") : (rng.next(2) == 0 ? "M" : "F")
            x += "        <Sex>\(sex)</Sex>\n"
        }
        let died = !unborn && rng.next(200) == 0
        let death = bad(&rng) ? birth.addingDays(-30) : ref.addingDays(-rng.next(300))
        if died { x += "        <PersonDeathDate>\(death.isoString)</PersonDeathDate>\n" }
        x += "      </ChildIdentifiers>\n      <ChildCharacteristics>\n"
        x += "        <Ethnicity>\(bad(&rng) ? "WBR" : Self.ethnicities[rng.next(Self.ethnicities.count)])</Ethnicity>\n"
        var disabilities = ["NONE"]
        if rng.next(5) == 0 { disabilities = [Self.disabilities[rng.next(Self.disabilities.count)]] }
        if bad(&rng) { disabilities.append(disabilities[0]) }
        if bad(&rng) { disabilities.append(rng.next(2) == 0 ? "HAND" : "BLUE") }
        x += "        <Disabilities>" + disabilities.map { "<Disability>\($0)</Disability>" }.joined() + "</Disabilities>\n"
        x += "      </ChildCharacteristics>\n"
        let episodes = 1 + (rng.next(6) == 0 ? 1 : 0)
        var start = ref.addingDays(-(30 + rng.next(500)))
        for e in 0..<episodes {
            let last = e == episodes - 1
            x += episode(start: start, last: last, unborn: unborn, &rng)
            start = start.addingDays(120 + rng.next(60))
        }
        return x + "    </Child>\n"
    }

    private func episode(start referral: CalendarDate, last: Bool, unborn: Bool, _ rng: inout SplitMix64) -> String {
        let ref = Self.referenceDate
        let nfa = rng.next(8) == 0
        let closed = !last || rng.next(2) == 0
        let closure = min(referral.addingDays(60 + rng.next(200)), ref)
        var x = "      <CINdetails>\n"
        x += "        <CINreferralDate>\(referral.isoString)</CINreferralDate>\n"
        x += "        <ReferralSource>\(bad(&rng) ? "11" : Self.sources[rng.next(Self.sources.count)])</ReferralSource>\n"
        if (!nfa && !bad(&rng)) || bad(&rng) { x += "        <PrimaryNeedCode>\(bad(&rng) ? "N10" : "N\(1 + rng.next(9))")</PrimaryNeedCode>\n" }
        if closed || bad(&rng) {
            let when = bad(&rng) ? referral.addingDays(-3) : closure
            x += "        <CINclosureDate>\(when.isoString)</CINclosureDate>\n"
        }
        if closed && !bad(&rng) {
            x += "        <ReasonForClosure>\(nfa ? "RC8" : bad(&rng) ? "RC10" : "RC\(1 + rng.next(7))")</ReasonForClosure>\n"
        }
        if !nfa || bad(&rng) {
            let aStart = referral.addingDays(bad(&rng) ? -2 : 1 + rng.next(5))
            let done = !closed && rng.next(3) == 0 ? nil : aStart.addingDays(bad(&rng) ? -5 : 10 + rng.next(30))
            x += "        <Assessments>\n          <AssessmentActualStartDate>\(aStart.isoString)</AssessmentActualStartDate>\n"
            if let done {
                x += "          <AssessmentAuthorisationDate>\(done.isoString)</AssessmentAuthorisationDate>\n"
                var fs = [Self.factors[rng.next(Self.factors.count)]]
                if bad(&rng) { fs.append(rng.next(2) == 0 ? "21" : "18A") }
                if bad(&rng) { fs = [] }
                x += "          <FactorsIdentifiedAtAssessment>" + fs.map { "<AssessmentFactors>\($0)</AssessmentFactors>" }.joined()
                    + "</FactorsIdentifiedAtAssessment>\n"
            }
            x += "        </Assessments>\n"
            if bad(&rng) {
                let second = aStart.addingDays(rng.next(2) == 0 ? 3 : 60)
                x += "        <Assessments>\n          <AssessmentActualStartDate>\(second.isoString)</AssessmentActualStartDate>\n"
                if rng.next(2) == 0 {
                    x += "          <FactorsIdentifiedAtAssessment><AssessmentFactors>19A</AssessmentFactors><AssessmentFactors>19A</AssessmentFactors></FactorsIdentifiedAtAssessment>\n"
                }
                x += "        </Assessments>\n"
            }
        }
        let protection = (!nfa && rng.next(3) == 0) || (nfa && bad(&rng))
        if protection {
            let s47 = referral.addingDays(2 + rng.next(5))
            var icpc = addingWeekdays(s47, 10 + rng.next(5))
            if bad(&rng) { icpc = nextSaturday(icpc) }
            x += "        <Section47>\n          <S47ActualStartDate>\(s47.isoString)</S47ActualStartDate>\n"
            let target = addingWeekdays(s47, 15)
            x += "          <InitialCPCtarget>\((bad(&rng) ? nextSaturday(target) : target).isoString)</InitialCPCtarget>\n"
            x += "          <DateOfInitialCPC>\(icpc.isoString)</DateOfInitialCPC>\n"
            x += "          <ICPCnotRequired>\(bad(&rng) ? "true" : "false")</ICPCnotRequired>\n        </Section47>\n"
            if bad(&rng) {
                x += "        <Section47>\n          <S47ActualStartDate>\(s47.addingDays(1).isoString)</S47ActualStartDate>\n"
                x += "          <ICPCnotRequired>false</ICPCnotRequired>\n        </Section47>\n"
            }
            if bad(&rng) {
                x += "        <CINPlanDates>\n          <CINPlanStartDate>\(icpc.addingDays(5).isoString)</CINPlanStartDate>\n        </CINPlanDates>\n"
            }
            x += "        <ReferralNFA>\(referralNFA(nfa, &rng))</ReferralNFA>\n"
            let end: CalendarDate? = closed ? min(icpc.addingDays(40 + rng.next(100)), closure) : nil
            x += "        <ChildProtectionPlans>\n          <CPPstartDate>\(icpc.isoString)</CPPstartDate>\n"
            if let end {
                let written = bad(&rng) ? icpc.addingDays(-4) : end
                x += "          <CPPendDate>\(written.isoString)</CPPendDate>\n"
            }
            let category = Self.categories[rng.next(Self.categories.count)]
            x += "          <InitialCategoryOfAbuse>\(bad(&rng) ? "NEGLECT" : category)</InitialCategoryOfAbuse>\n"
            x += "          <LatestCategoryOfAbuse>\(bad(&rng) ? "XYZ" : category)</LatestCategoryOfAbuse>\n"
            x += "          <NumberOfPreviousCPP>\(bad(&rng) ? "" : String(rng.next(3)))</NumberOfPreviousCPP>\n"
            let review = icpc.addingMonths(3)
            if review <= (end ?? ref) {
                x += "          <Reviews><CPPreviewDate>\(bad(&rng) ? icpc.isoString : review.isoString)</CPPreviewDate></Reviews>\n"
            } else if bad(&rng) {
                x += "          <Reviews><CPPreviewDate></CPPreviewDate></Reviews>\n"
            }
            x += "        </ChildProtectionPlans>\n"
            if bad(&rng) {
                let again = icpc.addingDays(rng.next(2) == 0 ? 0 : 20)
                x += "        <ChildProtectionPlans>\n          <CPPstartDate>\(again.isoString)</CPPstartDate>\n"
                if rng.next(2) == 0 { x += "          <CPPendDate>\(again.isoString)</CPPendDate>\n" }
                x += "          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>\n          <LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>\n"
                x += "          <NumberOfPreviousCPP>1</NumberOfPreviousCPP>\n        </ChildProtectionPlans>\n"
            }
        } else {
            if !nfa && rng.next(2) == 0 || bad(&rng) {
                let planStart = referral.addingDays(20 + rng.next(20))
                x += "        <CINPlanDates>\n          <CINPlanStartDate>\(planStart.isoString)</CINPlanStartDate>\n"
                if closed {
                    let planEnd = bad(&rng) ? planStart.addingDays(-1) : max(planStart, closure.addingDays(-rng.next(10)))
                    x += "          <CINPlanEndDate>\(planEnd.isoString)</CINPlanEndDate>\n"
                }
                x += "        </CINPlanDates>\n"
            }
            x += "        <ReferralNFA>\(referralNFA(nfa, &rng))</ReferralNFA>\n"
        }
        return x + "      </CINdetails>\n"
    }

    private func referralNFA(_ nfa: Bool, _ rng: inout SplitMix64) -> String {
        if bad(&rng) { return rng.next(2) == 0 ? "maybe" : "" }
        switch rng.next(2) { case 0: return nfa ? "1" : "0"; default: return nfa ? "true" : "false" }
    }

    /// Weekdays only (bank holidays are not needed for plausible synthetic dates).
    private func addingWeekdays(_ d: CalendarDate, _ n: Int) -> CalendarDate {
        var day = d, left = n
        while left > 0 {
            day = day.addingDays(1)
            if !day.isWeekend { left -= 1 }
        }
        return day
    }

    private func nextSaturday(_ d: CalendarDate) -> CalendarDate {
        var day = d
        while day.dayOfWeek != 6 { day = day.addingDays(1) }
        return day
    }

    /// A UPN with the right check letter, LA code 201 and a valid last character; now and
    /// then a wrong check letter.
    private func upn(_ n: Int, _ rng: inout SplitMix64) -> String {
        let digits = "201" + String(String(n + 10_000_000).suffix(8)) + String(rng.next(10))
        let letters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")
        var sum = 0
        for (i, c) in digits.enumerated() { sum += Int(String(c))! * (i + 2) }
        var check = letters[sum % 23]
        if bad(&rng) { check = letters[(sum + 1) % 23] }
        if bad(&rng) {
            switch rng.next(3) {
            case 0: return String(check) + "999" + digits.dropFirst(3)
            case 1: return String(check) + digits.prefix(6) + "X" + digits.dropFirst(7)
            default: return String(check) + digits.prefix(11) + "I"
            }
        }
        return String(check) + digits
    }
}

/// A small, fast, seeded random number generator (SplitMix64).
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func nextRaw() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound.
    mutating func next(_ bound: Int) -> Int { Int(nextRaw() % UInt64(bound)) }
}
