"""Region diagrams: :func:`~planner.render.diagram.diagrams.diagram_dot`
draws a view (``views``) of the scene (``scene``) laid out by ``layout`` as
DOT text; :func:`~planner.render.diagram.draw.draw` runs Graphviz."""
