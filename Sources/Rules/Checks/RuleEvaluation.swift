import CEL
import CaseModel

/// One rule run against one record.
struct RuleEvaluation {
    let rule: CompiledRule
    let record: CaseRecord
    let asOf: CalendarDate

    func findings() -> [Finding] { [] }
    func tally() -> AggregateTally { AggregateTally() }
}
