// The run store; see DESIGN.md.
