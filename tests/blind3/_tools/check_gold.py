#!/usr/bin/env python3
"""Validate every <case>/gold.yaml under the set folder.

Checks: required fields, kinds/roles/precision/type/level values, files exist,
keywords (>=2, <=4) found verbatim in the file ignoring case and whitespace runs,
ids unique, ids referenced in contradictions/not_contradictions exist, contradiction
sides are public claims / internal records of the same organization, date format
matches precision, negative controls have no contradictions, positives have at least
one not_contradiction, 4-10 statements, 4-9 documents, README.md present,
no claimcheck.yaml, every document carries a reconstruction note.
"""
import html, os, re, sys
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"public", "internal"}
ROLES = {"claim", "evidence", "third-party", "context"}
PREC = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing",
         "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}
DATE_RE = {
    "day": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}$", "year": r"^\d{4}$",
    "range": r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$", "quarter": r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$",
    "unknown": r"^undated$",
}

def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()

def ids_of(v):
    return v if isinstance(v, list) else [v]

def check_case(case):
    errs = []
    cdir = os.path.join(ROOT, case)
    g = yaml.safe_load(open(os.path.join(cdir, "gold.yaml")))
    if not isinstance(g.get("domain"), str) or "/" not in g["domain"]:
        errs.append("domain missing or has no '/'")
    neg = g.get("negative_control")
    if not isinstance(neg, bool):
        errs.append("negative_control must be bool")
    sts = g.get("statements") or []
    if not 4 <= len(sts) <= 10:
        errs.append(f"{len(sts)} statements (want 4-10)")
    byid = {}
    orgs_lower = {}
    for s in sts:
        sid = s.get("id")
        if sid in byid:
            errs.append(f"duplicate id {sid}")
        byid[sid] = s
        for f in ("kind", "role", "file", "date", "precision", "organization", "keywords"):
            if f not in s:
                errs.append(f"{sid}: missing {f}")
        if s.get("kind") not in KINDS: errs.append(f"{sid}: bad kind")
        if s.get("role") not in ROLES: errs.append(f"{sid}: bad role")
        if s.get("precision") not in PREC: errs.append(f"{sid}: bad precision")
        elif not re.match(DATE_RE[s["precision"]], str(s.get("date"))):
            errs.append(f"{sid}: date {s.get('date')!r} does not fit precision {s['precision']}")
        org = s.get("organization", "")
        o = orgs_lower.setdefault(org.lower().replace(" ", ""), org)
        if o != org:
            errs.append(f"{sid}: organization spelled {org!r} vs {o!r}")
        path = os.path.join(cdir, s.get("file", ""))
        if not os.path.isfile(path):
            errs.append(f"{sid}: file not found {s.get('file')}")
            continue
        raw = open(path, encoding="utf-8", errors="replace").read()
        text = norm(raw)
        text_unesc = norm(html.unescape(raw))
        kws = s.get("keywords") or []
        if not 2 <= len(kws) <= 4:
            errs.append(f"{sid}: {len(kws)} keywords (want 2-4)")
        for k in kws:
            nk = norm(k)
            if nk not in text and nk not in text_unesc:
                errs.append(f"{sid}: keyword not in file: {k!r}")
    for c in g.get("contradictions") or []:
        for f in ("public", "internal", "type", "level", "why"):
            if f not in c: errs.append(f"contradiction missing {f}")
        if c.get("type") not in TYPES: errs.append(f"bad type {c.get('type')}")
        if c.get("level") not in LEVELS: errs.append(f"bad level {c.get('level')}")
        porgs, iorgs = set(), set()
        for i in ids_of(c.get("public")):
            if i not in byid: errs.append(f"contradiction: unknown id {i}"); continue
            if byid[i]["kind"] != "public" or byid[i]["role"] != "claim":
                errs.append(f"contradiction public side {i} is not a public claim")
            porgs.add(byid[i]["organization"])
        for i in ids_of(c.get("internal")):
            if i not in byid: errs.append(f"contradiction: unknown id {i}"); continue
            if byid[i]["kind"] != "internal":
                errs.append(f"contradiction internal side {i} is not internal")
            iorgs.add(byid[i]["organization"])
        if porgs and iorgs and not (porgs & iorgs):
            errs.append(f"contradiction orgs differ: {porgs} vs {iorgs}")
    for n in g.get("not_contradictions") or []:
        for k in ("a", "b"):
            for i in ids_of(n.get(k)):
                if i not in byid: errs.append(f"not_contradiction: unknown id {i}")
        if not n.get("why"): errs.append("not_contradiction without why")
    if neg and g.get("contradictions"):
        errs.append("negative control has contradictions")
    if not g.get("not_contradictions"):
        errs.append("no not_contradictions")
    if not neg and not g.get("contradictions"):
        errs.append("positive case without contradictions")
    # folder-level checks
    docs = []
    for dp, dn, fn in os.walk(cdir):
        for f in fn:
            rel = os.path.relpath(os.path.join(dp, f), cdir)
            if f == "claimcheck.yaml": errs.append(f"forbidden file {rel}")
            if rel in ("gold.yaml", "README.md"): continue
            docs.append(rel)
    if not 4 <= len(docs) <= 9:
        errs.append(f"{len(docs)} documents (want 4-9)")
    if not os.path.isfile(os.path.join(cdir, "README.md")):
        errs.append("README.md missing")
    for d in docs:
        t = open(os.path.join(cdir, d), encoding="utf-8", errors="replace").read().lower()
        if "reconstruction" not in t:
            errs.append(f"{d}: no reconstruction note")
    return errs, len(sts), len(g.get("contradictions") or []), neg

def main():
    cases = sorted(d for d in os.listdir(ROOT)
                   if os.path.isfile(os.path.join(ROOT, d, "gold.yaml")))
    bad = 0
    for c in cases:
        errs, ns, nc, neg = check_case(c)
        status = "OK" if not errs else "FAIL"
        print(f"{status:4} {c}: {ns} statements, {nc} contradictions, negative_control={neg}")
        for e in errs:
            print("     -", e)
        bad += bool(errs)
    print(f"{len(cases)} cases, {bad} with problems")
    return 1 if bad else 0

if __name__ == "__main__":
    sys.exit(main())
