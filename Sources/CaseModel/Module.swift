// The CaseModel module; see DESIGN.md.
