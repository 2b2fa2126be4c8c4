/// How the elements of a CIN census `<Child>` map onto the canonical case record: element
/// name, field name, and the kind of value the field holds. One table, so that the mapping
/// can be read (and checked against `rules/schema.yaml`) in one place.
enum CINCensusFields {
    enum Kind {
        case text
        case date
        /// `1`/`0`/`true`/`false` (the census "yes/no" type).
        case flag
        case integer
    }

    typealias Field = (element: String, field: String, kind: Kind)

    static let identifiers: [Field] = [
        ("LAchildID", "id", .text), ("UPN", "upn", .text), ("FormerUPN", "former_upn", .text),
        ("UPNunknown", "upn_unknown", .text), ("PersonBirthDate", "birth_date", .date),
        ("ExpectedPersonBirthDate", "expected_birth_date", .date), ("GenderCurrent", "gender_current", .text),
        ("Sex", "sex", .text), ("PersonDeathDate", "death_date", .date),
    ]

    static let characteristics: [Field] = [("Ethnicity", "ethnicity", .text)]

    static let episode: [Field] = [
        ("CINreferralDate", "referral_date", .date), ("ReferralSource", "referral_source", .text),
        ("PrimaryNeedCode", "primary_need", .text), ("CINclosureDate", "closure_date", .date),
        ("ReasonForClosure", "closure_reason", .text), ("DateOfInitialCPC", "initial_cpc_date", .date),
        ("ReferralNFA", "referral_nfa", .flag),
    ]

    static let assessment: [Field] = [
        ("AssessmentActualStartDate", "start_date", .date),
        ("AssessmentInternalReviewDate", "internal_review_date", .date),
        ("AssessmentAuthorisationDate", "authorised_date", .date),
    ]

    static let cinPlan: [Field] = [("CINPlanStartDate", "start_date", .date), ("CINPlanEndDate", "end_date", .date)]

    static let section47: [Field] = [
        ("S47ActualStartDate", "start_date", .date), ("InitialCPCtarget", "icpc_target_date", .date),
        ("DateOfInitialCPC", "icpc_date", .date), ("ICPCnotRequired", "icpc_not_required", .flag),
    ]

    static let cpPlan: [Field] = [
        ("CPPstartDate", "start_date", .date), ("CPPendDate", "end_date", .date),
        ("InitialCategoryOfAbuse", "initial_category", .text), ("LatestCategoryOfAbuse", "latest_category", .text),
        ("NumberOfPreviousCPP", "previous_plans", .integer),
    ]

    /// The header's elements, under `CollectionDetails` and `Source`.
    static let header: [Field] = [
        ("Collection", "collection", .text), ("Year", "year", .text), ("ReferenceDate", "reference_date", .date),
        ("SourceLevel", "source_level", .text), ("LEA", "lea", .text), ("SoftwareCode", "software_code", .text),
        ("Release", "release", .text), ("SerialNo", "serial_no", .text), ("DateTime", "date_time", .text),
    ]
}
