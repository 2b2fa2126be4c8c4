// The CaseSources module; see DESIGN.md.
