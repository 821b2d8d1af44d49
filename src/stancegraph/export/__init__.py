"""Writers for the graph: Turtle and the HTML view."""
