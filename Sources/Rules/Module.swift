// The Rules module; see DESIGN.md.
