#!/usr/bin/env python3
"""Check gold.yaml files in set15 for the brief's rules."""
import os, re, sys, glob, yaml
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"public", "internal"}; ROLES = {"claim", "evidence", "third-party", "context"}
PREC = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing", "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}
def norm(s): return re.sub(r"\s+", " ", s).strip().lower()
def date_ok(d, p):
    if p == "unknown": return d == "undated"
    if p == "day": return re.fullmatch(r"\d{4}-\d\d-\d\d", d)
    if p == "month": return re.fullmatch(r"\d{4}-\d\d", d)
    if p == "year": return re.fullmatch(r"\d{4}", d)
    if p in ("range", "quarter"): return re.fullmatch(r"\d{4}(-\d\d){0,2}/\d{4}(-\d\d){0,2}", d)
errs = 0
def err(c, m):
    global errs; errs += 1; print(f"[{c}] {m}")
for gp in sorted(glob.glob(os.path.join(ROOT, "*", "gold.yaml"))):
    case = os.path.dirname(gp); cn = os.path.basename(case)
    g = yaml.safe_load(open(gp))
    if not os.path.exists(os.path.join(case, "README.md")): err(cn, "no README.md")
    for dp, dn, fn in os.walk(case):
        if "claimcheck.yaml" in fn: err(cn, "claimcheck.yaml present")
    docs = [os.path.join(dp, f) for dp, dn, fn in os.walk(case) for f in fn if f not in ("gold.yaml", "README.md")]
    if not 4 <= len(docs) <= 9: err(cn, f"{len(docs)} documents")
    if "/" not in str(g.get("domain", "")): err(cn, "domain lacks /")
    neg = g.get("negative_control")
    sts = g.get("statements") or []
    if not 4 <= len(sts) <= 10: err(cn, f"{len(sts)} statements")
    ids = {}; orgs = set()
    for s in sts:
        i = s.get("id")
        if i in ids: err(cn, f"dup id {i}")
        ids[i] = s
        for k in ("kind", "role", "file", "date", "precision", "organization", "keywords"):
            if k not in s: err(cn, f"{i} missing {k}")
        if s.get("kind") not in KINDS: err(cn, f"{i} kind")
        if s.get("role") not in ROLES: err(cn, f"{i} role")
        if s.get("precision") not in PREC: err(cn, f"{i} precision")
        if not date_ok(str(s.get("date")), s.get("precision")): err(cn, f"{i} date {s.get('date')} / {s.get('precision')}")
        fp = os.path.join(case, s.get("file", ""))
        if not os.path.isfile(fp): err(cn, f"{i} file missing {s.get('file')}"); continue
        txt = norm(open(fp, encoding="utf-8", errors="replace").read())
        kws = s.get("keywords") or []
        if not 2 <= len(kws) <= 4: err(cn, f"{i} {len(kws)} keywords")
        for kw in kws:
            if norm(kw) not in txt: err(cn, f"{i} keyword not in file: {kw!r}")
        orgs.add(s.get("organization"))
    cons = g.get("contradictions") or []
    if neg and cons: err(cn, "negative control has contradictions")
    if not neg and not cons: err(cn, "positive without contradictions")
    for c in cons:
        pubs = c["public"] if isinstance(c["public"], list) else [c["public"]]
        ints = c["internal"] if isinstance(c["internal"], list) else [c["internal"]]
        for p in pubs:
            if p not in ids: err(cn, f"contradiction public {p} unknown"); continue
            if ids[p]["kind"] != "public" or ids[p]["role"] != "claim": err(cn, f"{p} not public claim")
        for q in ints:
            if q not in ids: err(cn, f"contradiction internal {q} unknown"); continue
            if ids[q]["kind"] != "internal": err(cn, f"{q} not internal")
        for p in pubs:
            for q in ints:
                if p in ids and q in ids and ids[p]["organization"] != ids[q]["organization"]:
                    err(cn, f"org mismatch {p}/{q}")
        if c.get("type") not in TYPES: err(cn, f"type {c.get('type')}")
        if c.get("level") not in LEVELS: err(cn, f"level {c.get('level')}")
        if not c.get("why"): err(cn, "no why")
    ncs = g.get("not_contradictions") or []
    if not ncs: err(cn, "no not_contradictions")
    for n in ncs:
        for k in ("a", "b"):
            if n.get(k) not in ids: err(cn, f"not_contradiction id {n.get(k)} unknown")
    print(f"{cn}: {len(docs)} docs, {len(sts)} statements, {len(cons)} contradictions, neg={neg}, orgs={sorted(map(str,orgs))}")
print("errors:", errs); sys.exit(1 if errs else 0)
