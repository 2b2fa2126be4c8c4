// The Engine module; see DESIGN.md.
