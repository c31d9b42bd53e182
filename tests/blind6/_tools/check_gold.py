#!/usr/bin/env python3
"""Small checker for gold.yaml files in this set (stdlib + PyYAML)."""
import os, re, sys, yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"public", "internal"}
ROLES = {"claim", "evidence", "third-party", "context"}
PREC = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing",
         "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}
DATE_RE = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
    "range": re.compile(r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$"),
    "quarter": re.compile(r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$"),
}

def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()

def as_list(x):
    return x if isinstance(x, list) else [x]

def check_case(case):
    errs = []
    gp = os.path.join(case, "gold.yaml")
    if not os.path.exists(gp):
        return ["no gold.yaml"]
    if not os.path.exists(os.path.join(case, "README.md")):
        errs.append("no README.md")
    docs = []
    for d, _, fs in os.walk(case):
        for f in fs:
            rel = os.path.relpath(os.path.join(d, f), case)
            if f == "claimcheck.yaml":
                errs.append("claimcheck.yaml present: " + rel)
            if rel not in ("gold.yaml", "README.md"):
                docs.append(rel)
    if not 4 <= len(docs) <= 9:
        errs.append(f"{len(docs)} documents (need 4-9)")
    g = yaml.safe_load(open(gp, encoding="utf-8"))
    dom = g.get("domain", "")
    if "/" not in dom:
        errs.append("domain lacks '/'")
    neg = g.get("negative_control")
    if not isinstance(neg, bool):
        errs.append("negative_control not bool")
    sts = g.get("statements") or []
    if not 4 <= len(sts) <= 10:
        errs.append(f"{len(sts)} statements (need 4-10)")
    ids = {}
    orgs_seen = {}
    for s in sts:
        sid = s.get("id")
        if sid in ids:
            errs.append(f"duplicate id {sid}")
        ids[sid] = s
        for k in ("kind", "role", "file", "date", "precision", "organization", "keywords"):
            if k not in s:
                errs.append(f"{sid}: missing {k}")
        if s.get("kind") not in KINDS:
            errs.append(f"{sid}: bad kind")
        if s.get("role") not in ROLES:
            errs.append(f"{sid}: bad role")
        p = s.get("precision")
        if p not in PREC:
            errs.append(f"{sid}: bad precision {p}")
        dt = str(s.get("date"))
        if p == "unknown":
            if dt != "undated":
                errs.append(f"{sid}: unknown precision needs 'undated'")
        elif p in DATE_RE and not DATE_RE[p].match(dt):
            errs.append(f"{sid}: date {dt} does not fit precision {p}")
        fp = os.path.join(case, s.get("file", ""))
        if not os.path.isfile(fp):
            errs.append(f"{sid}: file missing {s.get('file')}")
            continue
        text = norm(open(fp, encoding="utf-8", errors="replace").read())
        kws = s.get("keywords") or []
        if not 2 <= len(kws) <= 4:
            errs.append(f"{sid}: {len(kws)} keywords (need 2-4)")
        for kw in kws:
            if norm(kw) not in text:
                errs.append(f"{sid}: keyword not in file: {kw!r}")
        o = s.get("organization", "")
        low = o.lower()
        if low in orgs_seen and orgs_seen[low] != o:
            errs.append(f"{sid}: organization spelled two ways: {o} / {orgs_seen[low]}")
        orgs_seen[low] = o
    cons = g.get("contradictions") or []
    if neg and cons:
        errs.append("negative control has contradictions")
    if not neg and not cons:
        errs.append("positive case without contradictions")
    for c in cons:
        pubs, ints = as_list(c.get("public")), as_list(c.get("internal"))
        for pid in pubs:
            s = ids.get(pid)
            if not s:
                errs.append(f"contradiction: unknown id {pid}"); continue
            if s.get("kind") != "public" or s.get("role") != "claim":
                errs.append(f"contradiction public side {pid} is not public claim")
        for iid in ints:
            s = ids.get(iid)
            if not s:
                errs.append(f"contradiction: unknown id {iid}"); continue
            if s.get("kind") != "internal":
                errs.append(f"contradiction internal side {iid} is not internal")
        porgs = {ids[x]["organization"] for x in pubs if x in ids}
        iorgs = {ids[x]["organization"] for x in ints if x in ids}
        if porgs and iorgs and not (porgs & iorgs):
            errs.append(f"contradiction orgs differ: {porgs} vs {iorgs}")
        if c.get("type") not in TYPES:
            errs.append(f"bad type {c.get('type')}")
        if c.get("level") not in LEVELS:
            errs.append(f"bad level {c.get('level')}")
        if not c.get("why"):
            errs.append("contradiction without why")
    ncs = g.get("not_contradictions") or []
    if not ncs:
        errs.append("no not_contradictions")
    for n in ncs:
        for k in ("a", "b"):
            for x in as_list(n.get(k)):
                if x not in ids:
                    errs.append(f"not_contradiction: unknown id {x}")
        if not n.get("why"):
            errs.append("not_contradiction without why")
    return errs

def main():
    cases = sorted(d for d in os.listdir(ROOT)
                   if not d.startswith("_") and os.path.isdir(os.path.join(ROOT, d)))
    bad = 0
    for c in cases:
        errs = check_case(os.path.join(ROOT, c))
        print(("OK   " if not errs else "FAIL ") + c)
        for e in errs:
            print("     - " + e)
        bad += bool(errs)
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
