"""The runtime wing: what caches, parallelizes or stays resident around the stage spine.

``execute`` (worker pool, chunks, resident state), ``cache`` (the per-file SQLite cache),
``runmemo`` (whole-run replay), ``memo`` (values remembered per record across watch scans) and
``watch`` (the long-lived re-scan loop). These modules wrap the stages from above; no stage
module (ingest, extract, corpus, align, detect, report, models, dates) imports this package.
"""
