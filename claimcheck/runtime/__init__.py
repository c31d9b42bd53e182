"""The runtime wing: what caches, parallelizes or stays resident around the stage spine.

``execute`` (a scan's files over the cache and the workers, in chunks), ``jobs`` (what a worker runs),
``splitfile`` (a big file over every worker), ``resident`` (pools and state kept between scans), ``pool``
(workers the parent can stop), ``cache`` (the per-file SQLite cache),
``hashes`` (each file hashed once per run), ``runmemo`` (whole-run replay), ``memo`` (values
remembered per record across watch scans) and ``watch`` (the long-lived re-scan loop). These modules wrap the stages from above; no stage
module (ingest, extract, corpus, align, detect, report, models, dates) imports this package.
"""
