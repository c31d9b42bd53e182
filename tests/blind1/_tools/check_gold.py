#!/usr/bin/env python3
"""Check gold.yaml files in the set: files exist, keywords in file, ids, dates, orgs."""
import re, sys, os, yaml
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"public", "internal"}; ROLES = {"claim", "evidence", "third-party", "context"}
PREC = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing", "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}
DATE_RE = {"day": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}$", "year": r"^\d{4}$",
           "range": r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$", "quarter": r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$", "unknown": r"^undated$"}
norm = lambda s: re.sub(r"\s+", " ", s).strip().lower()
def as_list(x): return x if isinstance(x, list) else [x]
total_err = 0; summary = []
for case in sorted(os.listdir(ROOT)):
    cdir = os.path.join(ROOT, case); g = os.path.join(cdir, "gold.yaml")
    if case.startswith("_") or not os.path.isdir(cdir): continue
    errs = []
    if not os.path.exists(g): print(case, "MISSING gold.yaml"); total_err += 1; continue
    if not os.path.exists(os.path.join(cdir, "README.md")): errs.append("missing README.md")
    for dp, dn, fn in os.walk(cdir):
        if "claimcheck.yaml" in fn: errs.append("claimcheck.yaml present")
    docs = [os.path.join(dp, f) for dp, dn, fn in os.walk(cdir) for f in fn if f not in ("gold.yaml", "README.md")]
    if not 4 <= len(docs) <= 9: errs.append(f"{len(docs)} documents (need 4-9)")
    d = yaml.safe_load(open(g))
    if "/" not in str(d.get("domain", "")): errs.append("domain lacks '/'")
    nc = d.get("negative_control")
    if not isinstance(nc, bool): errs.append("negative_control not bool")
    sts = d.get("statements", []); ids = {}
    if not 4 <= len(sts) <= 10: errs.append(f"{len(sts)} statements (need 4-10)")
    orgs_by_lower = {}
    for s in sts:
        sid = s.get("id")
        if sid in ids: errs.append(f"dup id {sid}")
        ids[sid] = s
        if s.get("kind") not in KINDS: errs.append(f"{sid} bad kind")
        if s.get("role") not in ROLES: errs.append(f"{sid} bad role")
        p = s.get("precision")
        if p not in PREC: errs.append(f"{sid} bad precision")
        elif not re.match(DATE_RE[p], str(s.get("date"))): errs.append(f"{sid} date {s.get('date')} doesn't fit {p}")
        if not s.get("organization"): errs.append(f"{sid} no organization")
        fp = os.path.join(cdir, s.get("file", ""))
        if not os.path.isfile(fp): errs.append(f"{sid} file missing {s.get('file')}"); continue
        text = norm(open(fp, encoding="utf-8", errors="replace").read())
        kws = s.get("keywords") or []
        if not 2 <= len(kws) <= 4: errs.append(f"{sid} {len(kws)} keywords")
        for k in kws:
            if norm(k) not in text: errs.append(f"{sid} keyword not in file: {k!r}")
    for c in d.get("contradictions") or []:
        if c.get("type") not in TYPES: errs.append(f"bad type {c.get('type')}")
        if c.get("level") not in LEVELS: errs.append(f"bad level {c.get('level')}")
        if not c.get("why"): errs.append("contradiction without why")
        pubs = as_list(c.get("public")); ints = as_list(c.get("internal"))
        porgs = set()
        for p in pubs:
            if p not in ids: errs.append(f"unknown id {p}"); continue
            if ids[p]["kind"] != "public" or ids[p]["role"] != "claim": errs.append(f"{p} not public claim")
            porgs.add(ids[p]["organization"])
        for i in ints:
            if i not in ids: errs.append(f"unknown id {i}"); continue
            if ids[i]["kind"] != "internal": errs.append(f"{i} not internal")
            if ids[i]["organization"] not in porgs: errs.append(f"{i} org differs from public side")
    if nc and d.get("contradictions"): errs.append("negative control has contradictions")
    if not nc and not d.get("contradictions"): errs.append("positive case without contradictions")
    if not d.get("not_contradictions"): errs.append("no not_contradictions")
    for n in d.get("not_contradictions") or []:
        for k in ("a", "b"):
            if n.get(k) not in ids: errs.append(f"not_contradiction unknown id {n.get(k)}")
        if not n.get("why"): errs.append("not_contradiction without why")
    # reconstruction notice
    for f in docs:
        t = open(f, encoding="utf-8", errors="replace").read().lower()
        if "reconstruct" not in t: errs.append(f"no reconstruction note: {os.path.relpath(f, cdir)}")
    summary.append((case, d.get("domain","").split("/")[0].strip(), nc, len(docs), len(sts), len(d.get("contradictions") or [])))
    for e in errs: print(f"{case}: {e}")
    total_err += len(errs)
print("\ncase | domain | NC | docs | stmts | contradictions")
for s in summary: print(" | ".join(map(str, s)))
print(f"\n{total_err} error(s)")
sys.exit(1 if total_err else 0)
