"""Reading a built graph: the store and named queries, lineage view, analysis frames, networks and plots."""
