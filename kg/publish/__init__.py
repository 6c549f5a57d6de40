"""Publishing a built store: SPARQL endpoint (serve), Graph Store upload (push), dumps with DCAT (export)."""
