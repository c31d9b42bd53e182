#!/usr/bin/env python3
"""Checks gold.yaml files of blind cases (stdlib + PyYAML)."""
import os, re, sys, yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"public", "internal"}
ROLES = {"claim", "evidence", "third-party", "context"}
PREC = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing",
         "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}
DATE_RE = {
    "day": r"^\d{4}-\d{2}-\d{2}$",
    "month": r"^\d{4}-\d{2}$",
    "year": r"^\d{4}$",
    "range": r"^\d{4}(-\d{2}(-\d{2})?)?/\d{4}(-\d{2}(-\d{2})?)?$",
    "quarter": r"^\d{4}(-\d{2}(-\d{2})?)?/\d{4}(-\d{2}(-\d{2})?)?$",
    "unknown": r"^undated$",
}

def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()

def as_list(x):
    return x if isinstance(x, list) else [x]

def check_case(path):
    errs = []
    gold_p = os.path.join(path, "gold.yaml")
    if not os.path.exists(gold_p):
        return ["missing gold.yaml"]
    if not os.path.exists(os.path.join(path, "README.md")):
        errs.append("missing README.md")
    docs = []
    for dp, dn, fn in os.walk(path):
        for f in fn:
            if f == "claimcheck.yaml":
                errs.append(f"forbidden claimcheck.yaml at {dp}")
            rel = os.path.relpath(os.path.join(dp, f), path)
            if rel not in ("gold.yaml", "README.md"):
                docs.append(rel)
    if not 4 <= len(docs) <= 9:
        errs.append(f"{len(docs)} documents (want 4-9)")
    g = yaml.safe_load(open(gold_p, encoding="utf-8"))
    dom = g.get("domain", "")
    if "/" not in dom:
        errs.append("domain lacks '/'")
    neg = g.get("negative_control")
    if not isinstance(neg, bool):
        errs.append("negative_control must be bool")
    sts = g.get("statements") or []
    if not 4 <= len(sts) <= 10:
        errs.append(f"{len(sts)} statements (want 4-10)")
    by_id = {}
    orgs_seen = {}
    for s in sts:
        sid = s.get("id")
        if sid in by_id:
            errs.append(f"duplicate id {sid}")
        by_id[sid] = s
        for k in ("kind", "role", "file", "date", "precision", "organization", "keywords"):
            if k not in s:
                errs.append(f"{sid}: missing {k}")
        if s.get("kind") not in KINDS:
            errs.append(f"{sid}: bad kind")
        if s.get("role") not in ROLES:
            errs.append(f"{sid}: bad role")
        pr = s.get("precision")
        if pr not in PREC:
            errs.append(f"{sid}: bad precision")
        elif not re.match(DATE_RE[pr], str(s.get("date"))):
            errs.append(f"{sid}: date {s.get('date')!r} does not fit precision {pr}")
        fp = os.path.join(path, s.get("file", ""))
        if not os.path.isfile(fp):
            errs.append(f"{sid}: file not found {s.get('file')}")
            continue
        text = norm(open(fp, encoding="utf-8").read())
        kws = s.get("keywords") or []
        if not 2 <= len(kws) <= 4:
            errs.append(f"{sid}: {len(kws)} keywords (want 2-4)")
        found = [k for k in kws if norm(k) in text]
        missing = [k for k in kws if norm(k) not in text]
        if missing:
            errs.append(f"{sid}: keywords not in file: {missing}")
        o = s.get("organization", "")
        orgs_seen.setdefault(o.lower().replace("the ", ""), set()).add(o)
    for k, v in orgs_seen.items():
        if len(v) > 1:
            errs.append(f"organization spelled differently: {v}")
    cons = g.get("contradictions") or []
    nots = g.get("not_contradictions") or []
    if neg and cons:
        errs.append("negative control has contradictions")
    if not neg and not cons:
        errs.append("positive case without contradictions")
    if not nots:
        errs.append("no not_contradictions")
    for c in cons:
        pubs, ints = as_list(c.get("public")), as_list(c.get("internal"))
        for p in pubs:
            s = by_id.get(p)
            if not s:
                errs.append(f"contradiction: unknown id {p}")
            elif not (s["kind"] == "public" and s["role"] == "claim"):
                errs.append(f"contradiction: {p} is not a public claim")
        for i in ints:
            s = by_id.get(i)
            if not s:
                errs.append(f"contradiction: unknown id {i}")
            elif s["kind"] != "internal":
                errs.append(f"contradiction: {i} is not internal")
        orgs = {by_id[x]["organization"] for x in pubs + ints if x in by_id}
        if len(orgs) > 1:
            errs.append(f"contradiction {pubs}/{ints}: organizations differ {orgs}")
        if c.get("type") not in TYPES:
            errs.append(f"contradiction: bad type {c.get('type')}")
        if c.get("level") not in LEVELS:
            errs.append(f"contradiction: bad level {c.get('level')}")
        if not c.get("why"):
            errs.append("contradiction: missing why")
    for n in nots:
        for k in ("a", "b"):
            for x in as_list(n.get(k)):
                if x not in by_id:
                    errs.append(f"not_contradiction: unknown id {x}")
        if not n.get("why"):
            errs.append("not_contradiction: missing why")
    return errs

def main():
    cases = sorted(d for d in os.listdir(ROOT)
                   if os.path.isdir(os.path.join(ROOT, d)) and not d.startswith("_"))
    bad = 0
    for c in cases:
        errs = check_case(os.path.join(ROOT, c))
        print(f"{c}: {'OK' if not errs else 'PROBLEMS'}")
        for e in errs:
            print("   -", e)
        bad += bool(errs)
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
