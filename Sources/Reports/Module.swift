// Renderers for findings; see DESIGN.md.
