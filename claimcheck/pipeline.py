"""The library entry point: paths in, a Report out (ingest -> extract -> corpus -> align -> detect). Never prints."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from . import SCHEMA_VERSION, __version__, corpus
from .align import align
from .detect import align_min_topic, detect
from .errors import FALLBACK_CHOSEN, MODEL_HINT
from .models import DateValue, Document, ErrorRecord, FileRecord, Report, Statement, evolve
from .nlp import NO_MODEL
from .ruleset import RuleSet, load_rules

if TYPE_CHECKING:
    from .ingest import WalkOptions
    from .runtime.resident import Resident
    from .runtime.hashes import FileHashes


@dataclass(frozen=True)
class ScanOptions:
    rules_dirs: tuple[str, ...] = ()
    model: str | None = None
    date: DateValue | None = None        # --date: the document date of a single file
    thorough: bool = False               # parse every sentence (no first-pass filter)
    jobs: int | None = None              # None: all cores
    cache_dir: str | None = None         # None: the user cache directory
    use_cache: bool = True
    #: seconds a file may take in its worker (plus 10 per MB) before it is stopped and reported
    #: failed; None: the scan root's claimcheck.yaml ``file_timeout``, else 60; 0: no limit
    file_timeout: float | None = None
    follow_symlinks: bool = False        # read links that stay inside the scanned folder
    nested_configs: bool = False         # apply claimcheck.yaml files and sidecars below the root
    config: str | None = None            # --config: used instead of the root's claimcheck.yaml

    def walk(self) -> "WalkOptions":
        from .ingest import WalkOptions

        return WalkOptions(follow_symlinks=self.follow_symlinks, nested_configs=self.nested_configs, config=self.config)


def _config_timeout(paths: Sequence[str | Path], options: ScanOptions) -> float | None:
    """The file timeout the scanned roots' claimcheck.yaml (or ``--config``) set: the longest, 0
    when one turns the limit off. A config that cannot be read says nothing here (ingest reports it)."""
    from .config import load_corpus_config
    from .errors import ConfigError

    timeouts: list[float] = []
    for p in paths:
        root = Path(p) if Path(p).is_dir() else Path(p).parent
        try:
            config = load_corpus_config(root, path=options.config, follow_symlinks=options.follow_symlinks)
        except ConfigError:
            continue
        if config.file_timeout is not None:
            timeouts.append(config.file_timeout)
    return None if not timeouts else (0.0 if 0.0 in timeouts else max(timeouts))


def run(paths: Sequence[str | Path], *, options: ScanOptions = ScanOptions(),
        on_progress: Callable[[int], None] | None = None, rules: RuleSet | None = None,
        resident: "Resident | None" = None, hashes: "FileHashes | None" = None) -> Report:
    """Scan ``paths`` and return the report. Raises RuleFileError/ConfigError before scanning.
    A ``resident`` (``claimcheck watch``) keeps workers and results from one scan to the next;
    ``hashes`` holds the files this run hashed already (the CLI's run memo key)."""
    from .runtime.cache import Cache
    from .runtime.execute import scan_paths
    from .runtime.jobs import IngestOptions
    from .extract import ExtractSettings, model_description

    if rules is None:  # loaded once per run; extraction, its cache keys and detection share it
        rules = load_rules([Path(p) for p in options.rules_dirs])
    settings = ExtractSettings(options.model, rules, options.thorough)
    from .runtime.jobs import DEFAULT_FILE_TIMEOUT

    file_timeout = next(t for t in (options.file_timeout, _config_timeout(paths, options), DEFAULT_FILE_TIMEOUT)
                        if t is not None)
    cache = Cache(options.cache_dir, scanned=[Path(p) for p in paths]) if options.use_cache else None
    files: list[FileRecord] = []
    documents: list[Document] = []
    quote_keys: dict[str, str] = {}
    people: dict[str, tuple[tuple[str, str], ...]] = {}  # document id -> its nearest config's people
    statements: list[Statement] = []
    errors: list[ErrorRecord] = []
    try:
        for result, stmts, errs in scan_paths(paths, settings=settings, options=IngestOptions(date=options.date, walk=options.walk()),
                                              jobs=options.jobs, cache=cache, on_progress=on_progress,
                                              resident=resident, hashes=hashes, file_timeout=file_timeout):
            record = result.record
            if errs and record.status == "parsed":  # the file was read but its analysis failed
                record = dataclasses.replace(record, status="failed", stage="extract",
                                             reason="; ".join(sorted({e.message for e in errs}))[:300])
            files.append(record)
            documents.extend(result.documents)
            if result.people:
                people.update((d.id, result.people) for d in result.documents)
            quote_keys.update(result.quote_keys)
            statements.extend(stmts)
            errors.extend(result.errors)
            errors.extend(errs)
    finally:
        if cache is not None:
            cache.close()
    cache_warnings = tuple(cache.warnings) if cache is not None else ()
    if resident is not None:
        resident.retain()
    statements = corpus.build(statements, documents, people=people, quote_keys=quote_keys,
                              unit_heads=rules.lexicon.get("unit_heads", ()))
    # the report keeps what a reader needs of a document, not its text or the corpus config
    # (documents leave extraction without them: this only guards another source of documents)
    documents = [evolve(d, text="", aliases=()) if (d.text or d.aliases) else d for d in documents]
    min_topic = align_min_topic(rules)
    alignment = align(statements, min_topic=min_topic, noun_families=rules.noun_family_of())
    findings = detect(alignment, rules)
    model, degraded = model_description(settings) if any(f.status == "parsed" for f in files) else ("not loaded", False)
    hint = FALLBACK_CHOSEN if options.model == NO_MODEL else MODEL_HINT  # asked for: nothing to install
    warnings = ((hint,) if degraded else ()) + cache_warnings
    aligned = tuple(sorted({p.public for p in alignment.pairs} | {p.internal for p in alignment.pairs}))
    return Report(
        schema_version=SCHEMA_VERSION, tool_version=__version__, model=model, degraded=degraded,
        roots=tuple(str(p) for p in paths), files=tuple(files), documents=tuple(documents),
        statements=alignment.statements, findings=findings, errors=tuple(errors), warnings=warnings,
        aligned=aligned)
