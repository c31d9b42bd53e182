#!/usr/bin/env python3
"""Check gold.yaml files in case folders for the brief's rules."""
import os, re, sys, yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"public", "internal"}
ROLES = {"claim", "evidence", "third-party", "context"}
PREC = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing", "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}
DATE_RE = {
    "day": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}$", "year": r"^\d{4}$",
    "range": r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$", "quarter": r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$",
}

def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()

def as_list(x):
    return x if isinstance(x, list) else [x]

def check_case(d):
    errs = []
    p = os.path.join(d, "gold.yaml")
    if not os.path.exists(p):
        return ["no gold.yaml"]
    g = yaml.safe_load(open(p))
    for k in ("domain", "negative_control", "statements"):
        if k not in g:
            errs.append(f"missing key {k}")
    if "/" not in str(g.get("domain", "")):
        errs.append("domain lacks '/'")
    if not os.path.exists(os.path.join(d, "README.md")):
        errs.append("no README.md")
    for root, _, files in os.walk(d):
        if "claimcheck.yaml" in files:
            errs.append("claimcheck.yaml present")
    docs = [f for r, _, fs in os.walk(d) for f in fs if f not in ("gold.yaml", "README.md")]
    if not 4 <= len(docs) <= 9:
        errs.append(f"{len(docs)} documents (need 4-9)")
    sts = g.get("statements", [])
    if not 4 <= len(sts) <= 10:
        errs.append(f"{len(sts)} statements (need 4-10)")
    ids = {}
    orgs = {}
    for s in sts:
        sid = s.get("id")
        if sid in ids:
            errs.append(f"duplicate id {sid}")
        ids[sid] = s
        if s.get("kind") not in KINDS: errs.append(f"{sid}: bad kind")
        if s.get("role") not in ROLES: errs.append(f"{sid}: bad role")
        pr = s.get("precision")
        if pr not in PREC: errs.append(f"{sid}: bad precision")
        dt = str(s.get("date", ""))
        if pr == "unknown":
            if dt != "undated": errs.append(f"{sid}: unknown precision needs undated")
        elif not re.match(DATE_RE[pr], dt):
            errs.append(f"{sid}: date {dt} does not fit precision {pr}")
        fp = os.path.join(d, s.get("file", ""))
        if not os.path.isfile(fp):
            errs.append(f"{sid}: file missing {s.get('file')}")
            continue
        text = norm(open(fp, encoding="utf-8", errors="replace").read())
        kws = s.get("keywords", [])
        if not 2 <= len(kws) <= 4:
            errs.append(f"{sid}: {len(kws)} keywords")
        for kw in kws:
            if norm(kw) not in text:
                errs.append(f"{sid}: keyword not found: {kw!r}")
        if not s.get("organization"):
            errs.append(f"{sid}: no organization")
    for c in g.get("contradictions", []) or []:
        for x in as_list(c.get("public")):
            if x not in ids: errs.append(f"contradiction: unknown id {x}")
            elif not (ids[x]["kind"] == "public" and ids[x]["role"] == "claim"):
                errs.append(f"contradiction: {x} not public claim")
        for x in as_list(c.get("internal")):
            if x not in ids: errs.append(f"contradiction: unknown id {x}")
            elif ids[x]["kind"] != "internal":
                errs.append(f"contradiction: {x} not internal")
        pubs = [ids[x]["organization"] for x in as_list(c.get("public")) if x in ids]
        ints = [ids[x]["organization"] for x in as_list(c.get("internal")) if x in ids]
        if set(pubs) and set(ints) and set(pubs) != set(ints):
            errs.append(f"contradiction org mismatch {pubs} vs {ints}")
        if c.get("type") not in TYPES: errs.append(f"bad type {c.get('type')}")
        if c.get("level") not in LEVELS: errs.append(f"bad level {c.get('level')}")
        if not c.get("why"): errs.append("contradiction without why")
    for n in g.get("not_contradictions", []) or []:
        for k in ("a", "b"):
            for x in as_list(n.get(k)):
                if x not in ids: errs.append(f"not_contradiction: unknown id {x}")
        if not n.get("why"): errs.append("not_contradiction without why")
    if g.get("negative_control"):
        if g.get("contradictions"): errs.append("negative control has contradictions")
        if not g.get("not_contradictions"): errs.append("negative control lacks not_contradictions")
    else:
        if not g.get("contradictions"): errs.append("positive case without contradictions")
        if not g.get("not_contradictions"): errs.append("positive case without not_contradictions")
    return errs

def main():
    cases = sorted(x for x in os.listdir(ROOT) if not x.startswith("_") and os.path.isdir(os.path.join(ROOT, x)))
    bad = 0
    for c in cases:
        e = check_case(os.path.join(ROOT, c))
        print(f"{c}: {'OK' if not e else ''}")
        for x in e:
            print("   -", x); bad += 1
    sys.exit(1 if bad else 0)

main()
