/// The built-in Annex A column map: the text of `rules/annex-a/columns.yaml`, compiled in
/// so that `casecheck run Annex_A.xlsx` works with no configuration (a test keeps the two
/// identical).
enum AnnexADefaultColumnMap {
    static let yaml = #"""
# Annex A column map: the columns casecheck recognises in each list of Ofsted's Annex A
# (the case lists a local authority hands inspectors), and the case record field each
# column fills (see ../schema.yaml).
#
# casecheck has this map built in; this copy is here to read, and to start from if your
# workbook words its headers differently (load it with the Annex A reader's column map).
# It ends in .example so that the rule loader, which reads every .yaml file under
# rules/, does not take it for a rule file.
#
# How headers are matched: case, punctuation and spacing are ignored ("Referral NFA?"
# matches "referral nfa"). Besides 'header', each wording under 'also' is accepted: its
# words, separated by '...', must begin words of the header in that order, so
# "child ... id" accepts "Child Unique ID", "Child ID" and "LA child identifier".
# A sheet is taken for a list by its name ("List 3", "list_3 referrals"), or else by its
# headers. Columns marked 'required' should have a value in every row: a blank one is
# warned about.
#
# Types: text; choice (a listed answer, "c) Child in need plan": the "c)" label is
# dropped); code (a code with its meaning, "q) 6: Police" or "N1 - Abuse or neglect":
# just the code is kept); sex (CIN census codes 1 male, 2 female, 0 not known, 9 not
# specified); yes_no; int; date (Excel dates, or text such as 31/12/2024 or
# 2024-12-31); abuse_category (CIN census codes NEG, PHY, EMO, SAB, MUL).
#
# 'field' is where the value goes: a field of the child (birth_date), or of the item the
# row makes (episodes.referral_date); 'name[]' adds the value to a list of dates
# (cp_plans.reviews[]). A column with no 'field' is recognised but not kept.
# 'rows_make' names the list each row adds an item to; 'also_make' makes a further item
# from the same row when the field named by 'when' has a value ('any': when any has).
#
# The header names are those of Ofsted's Annex A template. The alternative wordings
# were drawn up with the column map of liiatools (annex-a-merge.yml, Social Finance,
# MIT licence) as the reference for which variants occur in real workbooks.

objects: [care_leaver]

shared_columns:
  child_id:   {header: Child Unique ID, also: ["child ... id"], field: id, type: text, required: true}
  gender:     {header: Gender, also: [sex], field: sex, type: sex, required: true}
  ethnicity:  {header: Ethnicity, also: [ethnic], field: ethnicity, type: code, required: true}
  birth_date: {header: Date of Birth, also: ["date ... birth", dob], field: birth_date, type: date}
  age:        {header: Age of Child (Years), also: [age], type: text}
  disability: {header: Does the Child have a Disability, also: [disab], field: has_disability, type: yes_no, required: true}
  team:       {header: Allocated Team, also: [team], field: team, type: text, required: true}
  worker:     {header: Allocated Worker, also: [worker], field: worker, type: text, required: true}

lists:
  - list: 1
    title: Contacts
    rows_make: contacts
    columns:
      - shared: child_id
      - shared: gender
      - shared: ethnicity
      - shared: birth_date
      - shared: age
      - {header: Date of Contact, also: ["date ... contact"], field: contacts.date, type: date, required: true}
      - {header: Contact Source, also: ["contact ... source"], field: contacts.source, type: code, required: true}

  - list: 2
    title: Early help
    rows_make: early_help
    columns:
      - shared: child_id
      - shared: gender
      - shared: ethnicity
      - shared: birth_date
      - shared: age
      - {header: Assessment start date, also: ["assessment ... start"], field: early_help.start_date, type: date, required: true}
      - {header: Assessment completion date, also: ["assessment ... complet"], field: early_help.end_date, type: date}
      - {header: Organisation completing assessment, also: ["organisation"], field: early_help.organisation, type: text, required: true}

  - list: 3
    title: Referrals
    rows_make: episodes
    columns:
      - shared: child_id
      - shared: gender
      - shared: ethnicity
      - shared: birth_date
      - shared: age
      - {header: Date of referral, also: ["date of ... referral", "referral date"], field: episodes.referral_date, type: date, required: true}
      - {header: Referral Source, also: ["source of referral"], field: episodes.referral_source, type: code, required: true}
      - {header: Referral NFA?, also: ["referral ... no further action", "nfa"], field: episodes.referral_nfa, type: yes_no, required: true}
      - {header: Number of Referrals in Last 12 Months, also: ["number ... referrals"], field: episodes.referrals_last_12_months, type: int, required: true}
      - shared: team
      - shared: worker

  - list: 4
    title: Assessments
    rows_make: assessments
    columns:
      - shared: child_id
      - shared: gender
      - shared: ethnicity
      - shared: birth_date
      - shared: age
      - shared: disability
      - {header: Continuous Assessment Start Date, also: ["assessment start"], field: assessments.start_date, type: date, required: true}
      - {header: Child Seen During Continuous Assessment, also: ["child seen during"], field: assessments.child_seen, type: yes_no, required: true}
      - {header: Continuous Assessment Date of Authorisation, also: ["date of authoris", "authorisation date", "date ... authorised"], field: assessments.authorised_date, type: date}
      - {header: "Was the child assessed as requiring LA children's social care support?", also: ["was the child assessed ... social care support"], field: assessments.outcome, type: choice}
      - shared: team
      - shared: worker

  - list: 5
    title: Section 47 enquiries
    rows_make: section47s
    columns:
      - shared: child_id
      - shared: gender
      - shared: ethnicity
      - shared: birth_date
      - shared: age
      - shared: disability
      - {header: Strategy discussion initiating Section 47 Enquiry Start Date, also: ["strategy discussion"], field: section47s.start_date, type: date, required: true}
      - {header: Was an Initial Child Protection Conference deemed unnecessary?, also: ["conference deemed unnecessary", "icpc ... unnecessary"], field: section47s.icpc_not_required, type: yes_no}
      - {header: Date of Initial Child Protection Conference, also: ["date of ... icpc", "icpc date"], field: section47s.icpc_date, type: date}
      - {header: Did the Initial Child Protection Conference Result in a Child Protection Plan, also: ["result in a child protection plan"], field: section47s.icpc_led_to_plan, type: yes_no}
      - {header: Number of Section 47 Enquiries in the last 12 months, also: ["number of section 47"], field: section47s.enquiries_last_12_months, type: int, required: true}
      - {header: Number of ICPCs in the last 12 months, also: ["number of icpc", "number of initial child protection conferences"], field: section47s.icpcs_last_12_months, type: int, required: true}
      - shared: team
      - shared: worker

  - list: 6
    title: Children in need
    rows_make: cin_plans
    also_make:
      visits: {when: date, set: {kind: cin, seen: true}}
    columns:
      - shared: child_id
      - shared: gender
      - shared: ethnicity
      - shared: birth_date
      - shared: age
      - shared: disability
      - {header: CIN Start Date, also: ["cin start", "child in need start"], field: cin_plans.start_date, type: date}
      - {header: Primary Need Code, also: ["primary need"], field: cin_plans.primary_need, type: code, required: true}
      - {header: Date Child Was Last Seen, also: ["last seen"], field: visits.date, type: date}
      - {header: CIN Closure Date, also: ["cin ... clos", "child in need ... end"], field: cin_plans.end_date, type: date}
      - {header: Reason for Closure, also: ["closure reason"], field: cin_plans.closure_reason, type: code}
      - {header: Case Status, also: ["status"], field: cin_plans.case_status, type: choice, required: true}
      - shared: team
      - shared: worker

  - list: 7
    title: Child protection
    rows_make: cp_plans
    also_make:
      visits: {when: date, set: {kind: cp, seen: true}}
    columns:
      - shared: child_id
      - shared: gender
      - shared: ethnicity
      - shared: birth_date
      - shared: age
      - shared: disability
      - {header: Child Protection Plan Start Date, also: ["plan start date", "cp ... start"], field: cp_plans.start_date, type: date, required: true}
      - {header: Initial Category of Abuse, also: ["initial category"], field: cp_plans.initial_category, type: abuse_category, required: true}
      - {header: Latest Category of Abuse, also: ["latest category"], field: cp_plans.latest_category, type: abuse_category, required: true}
      - {header: Date of the Last Statutory Visit, also: ["last statutory visit"], field: visits.date, type: date}
      - {header: Was the Child Seen Alone?, also: ["seen alone"], field: visits.seen_alone, type: yes_no}
      - {header: Date of latest review conference, also: ["latest review", "last review conference"], field: "cp_plans.reviews[]", type: date}
      - {header: Child Protection Plan End Date, also: ["plan end date", "cp ... end"], field: cp_plans.end_date, type: date}
      - {header: Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N), also: ["subject to emergency protection order"], field: cp_plans.emergency_protection_last_6_months, type: yes_no, required: true}
      - {header: Number of Previous Child Protection Plans, also: ["number of previous", "previous plans"], field: cp_plans.previous_plans, type: int, required: true}
      - shared: team
      - shared: worker

  - list: 8
    title: Looked after children
    rows_make: care_periods
    also_make:
      placements: {when: any}
      lac_reviews: {when: date}
      health_assessments: {when: date}
      visits: {when: date, set: {kind: lac, seen: true}}
    columns:
      - shared: child_id
      - shared: gender
      - shared: ethnicity
      - shared: birth_date
      - shared: age
      - {header: Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N), also: ["unaccompanied asylum seeking child"], field: uasc, type: yes_no, required: true}
      - shared: disability
      - {header: Date Started to be Looked After, also: ["started to be looked after"], field: care_periods.start_date, type: date, required: true}
      - {header: "Child's Category of Need", also: ["child ... category of need"], field: care_periods.category_of_need, type: code, required: true}
      - {header: Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N), also: ["second or subsequent ... looked after child"], field: care_periods.repeat_within_12_months, type: yes_no, required: true}
      - {header: Start date of current legal status, also: ["start date of ... legal status"], field: care_periods.legal_status_start_date, type: date, required: true}
      - {header: "Child's Legal Status", also: ["child ... legal status"], field: care_periods.legal_status, type: code, required: true}
      - {header: Date of Latest Statutory Review, also: ["latest statutory review"], field: lac_reviews.date, type: date}
      - {header: Date of Last Social Work Visit, also: ["last social work visit"], field: visits.date, type: date}
      - {header: What is the permanence plan for this child?, also: ["permanence plan"], field: care_periods.permanence_plan, type: choice}
      - {header: Date of Last IRO Visit / Contact to the Child, also: ["last iro"], field: care_periods.last_iro_contact_date, type: date}
      - {header: Date of Last Health Assessment, also: ["last health assessment"], field: health_assessments.date, type: date}
      - {header: Date of Last Dental Check, also: ["last dental"], field: care_periods.last_dental_check_date, type: date}
      - {header: Number of Placements in the Last 12 months, also: ["number of placements"], field: care_periods.placements_last_12_months, type: int, required: true}
      - {header: Date Ceased to be Looked After, also: ["ceased to be looked after"], field: care_periods.end_date, type: date}
      - {header: Reason Ceased to be Looked After, also: ["reason ceased"], field: care_periods.end_reason, type: code}
      - {header: Start Date of Most Recent Placement, also: ["most recent placement"], field: placements.start_date, type: date, required: true}
      - {header: Placement Type, field: placements.type, type: code, required: true}
      - {header: Placement Provider, field: placements.provider, type: code, required: true}
      - {header: Placement postcode, field: placements.postcode, type: text, required: true}
      - {header: URN of Placement, also: ["urn"], field: placements.urn, type: text}
      - {header: Placement Location, field: placements.location, type: choice, required: true}
      - {header: LA of Placement, also: ["local authority of placement"], field: placements.local_authority, type: text, required: true}
      - {header: "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months", also: ["number of episodes ... missing"], field: care_periods.missing_episodes_last_12_months, type: int, required: true}
      - {header: "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months", also: ["number of episodes ... absent"], field: care_periods.absent_episodes_last_12_months, type: int, required: true}
      - {header: Was the child offered a Return Interview after their last missing episode (Y/N)?, also: ["offered a return interview"], field: care_periods.return_interview_offered, type: yes_no}
      - {header: Did the child accept a Return Interview after their last missing episode (Y/N)?, also: ["accept a return interview"], field: care_periods.return_interview_accepted, type: yes_no}
      - shared: team
      - shared: worker

  - list: 9
    title: Care leavers
    rows_make: care_leaver
    columns:
      - shared: child_id
      - shared: gender
      - shared: ethnicity
      - shared: birth_date
      - shared: age
      - shared: disability
      - shared: team
      - shared: worker
      - {header: Eligibility Category, also: [eligibility], field: care_leaver.eligibility, type: choice, required: true}
      - {header: LA in Touch, also: ["in touch"], field: care_leaver.in_touch, type: choice, required: true}
      - {header: Type of Accommodation, also: ["accommodation type"], field: care_leaver.accommodation, type: code}
      - {header: Suitability of Accommodation, also: ["suitab"], field: care_leaver.accommodation_suitability, type: choice}
      - {header: Activity Status, also: [activity], field: care_leaver.activity, type: code}

  - list: 10
    title: Adoption
    rows_make: adoptions
    columns:
      - shared: child_id
      - {header: Family identifier, also: ["family ... id"], field: family_id, type: text}
      - shared: gender
      - shared: ethnicity
      - shared: birth_date
      - shared: age
      - shared: disability
      - {header: Date the Child Entered Care, also: ["entered care"], field: adoptions.entered_care_date, type: date, required: true}
      - {header: Date of Decision that Child Should be Placed for Adoption, also: ["should be placed for adoption"], field: adoptions.decision_date, type: date, required: true}
      - {header: Date of Placement Order, also: ["placement order"], field: adoptions.placement_order_date, type: date}
      - {header: Date of Matching Child and Prospective Adopters, also: ["matching"], field: adoptions.matched_date, type: date}
      - {header: Date Placed for Adoption, also: ["date placed for adoption"], field: adoptions.placed_date, type: date}
      - {header: Date of Adoption Order, also: ["adoption order"], field: adoptions.adoption_order_date, type: date}
      - {header: Date of Decision that Child Should No Longer be Placed for Adoption, also: ["no longer be placed"], field: adoptions.stopped_date, type: date}
      - {header: Reason Why Child No Longer Placed for Adoption, also: ["reason ... no longer"], field: adoptions.stopped_reason, type: code}
      - {header: Date the child was placed for fostering in FFA or concurrent planning placement, also: ["fostering in ffa", "concurrent planning"], field: adoptions.ffa_placed_date, type: date}

  - list: 11
    title: Adopters
    children: false
    columns:
      - {header: Individual adopter identifier, also: ["adopter ... id"]}
      - {header: Family identifier, also: ["family ... id"]}
      - {header: Gender}
      - {header: Ethnicity}
      - {header: Disability}
      - {header: Is the (prospective) adopter fostering for adoption?, also: ["fostering for adoption"]}
      - {header: Date enquiry received, also: ["enquiry received"]}
      - {header: Date Stage 1 started, also: ["stage 1 start"]}
      - {header: Date Stage 1 ended, also: ["stage 1 end"]}
      - {header: Date Stage 2 started, also: ["stage 2 start"]}
      - {header: Date Stage 2 ended, also: ["stage 2 end"]}
      - {header: Date application submitted, also: ["application submitted"]}
      - {header: Date application approved, also: ["application approved"]}
      - {header: Date adopter matched with child(ren), also: ["adopter matched"]}
      - {header: Date child/children placed with adopter(s), also: ["placed with adopter"]}
      - {header: No. of children placed, also: ["number of children placed"]}
      - {header: Date of Adoption Order, also: ["adoption order"]}
      - {header: Date of leaving adoption process, also: ["leaving adoption process"]}
      - {header: Reason for leaving adoption process, also: ["reason for leaving"]}
"""#
}
