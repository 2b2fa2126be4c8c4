import CaseModel

/// The bank-holiday calendar is the one real runs use: its `adding(_:to:)` already counts
/// working days past weekends and bank holidays, so conformance needs no code.
extension WorkingDayCalendar: RuleCalendar {}
