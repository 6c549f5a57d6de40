"""Build stage: input discovery, the pipeline (read → extract → link → emit → validate → store) with its parts
(parallel emission, sorting, output files, summary, progress), the extraction cache and `kg add` (the same link
stage against a built store)."""
