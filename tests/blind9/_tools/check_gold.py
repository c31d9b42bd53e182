#!/usr/bin/env python3
"""Check gold.yaml files of the blind cases: files exist, keywords found, ids, dates, structure."""
import os, re, sys, yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"public", "internal"}
ROLES = {"claim", "evidence", "third-party", "context"}
PREC = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing", "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}
DATE_RE = {
    "day": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}$", "year": r"^\d{4}$",
    "range": r"^\d{4}(-\d{2}(-\d{2})?)?/\d{4}(-\d{2}(-\d{2})?)?$", "quarter": r"^\d{4}(-\d{2}(-\d{2})?)?/\d{4}(-\d{2}(-\d{2})?)?$",
}

def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()

def ids_of(x):
    return x if isinstance(x, list) else [x]

def check(case):
    errs = []
    p = os.path.join(case, "gold.yaml")
    g = yaml.safe_load(open(p))
    for k in ("domain", "negative_control", "statements"):
        if k not in g: errs.append(f"missing {k}")
    if "/" not in g.get("domain", ""): errs.append("domain lacks '/'")
    if os.path.exists(os.path.join(case, "claimcheck.yaml")): errs.append("claimcheck.yaml present")
    if not os.path.exists(os.path.join(case, "README.md")): errs.append("README.md missing")
    docs = [os.path.join(dp, f) for dp, _, fs in os.walk(case) for f in fs if f not in ("gold.yaml", "README.md")]
    if not 4 <= len(docs) <= 9: errs.append(f"{len(docs)} documents (need 4-9)")
    sts = g.get("statements", [])
    if not 4 <= len(sts) <= 10: errs.append(f"{len(sts)} statements (need 4-10)")
    ids = {}
    orgs = {}
    for s in sts:
        sid = s.get("id")
        if sid in ids: errs.append(f"dup id {sid}")
        ids[sid] = s
        if s.get("kind") not in KINDS: errs.append(f"{sid}: bad kind")
        if s.get("role") not in ROLES: errs.append(f"{sid}: bad role")
        prec = s.get("precision")
        if prec not in PREC: errs.append(f"{sid}: bad precision")
        d = str(s.get("date"))
        if prec == "unknown":
            if d != "undated": errs.append(f"{sid}: unknown precision needs undated")
        elif not re.match(DATE_RE[prec], d): errs.append(f"{sid}: date {d} not matching {prec}")
        f = os.path.join(case, s.get("file", ""))
        if not os.path.isfile(f):
            errs.append(f"{sid}: file missing {s.get('file')}"); continue
        txt = norm(open(f, encoding="utf-8").read())
        kws = s.get("keywords", [])
        if not 2 <= len(kws) <= 4: errs.append(f"{sid}: {len(kws)} keywords")
        found = sum(1 for k in kws if norm(k) in txt)
        if found < len(kws): errs.append(f"{sid}: keywords not found: {[k for k in kws if norm(k) not in txt]}")
        if not s.get("organization"): errs.append(f"{sid}: no organization")
        orgs.setdefault(norm(s.get("organization","")).replace(" ", ""), set()).add(s.get("organization"))
    for k, v in orgs.items():
        if len(v) > 1: errs.append(f"org spelled differently: {v}")
    cons = g.get("contradictions") or []
    if g.get("negative_control"):
        if cons: errs.append("negative control has contradictions")
        if not g.get("not_contradictions"): errs.append("negative control lacks not_contradictions")
    else:
        if not cons: errs.append("positive case lacks contradictions")
        if not g.get("not_contradictions"): errs.append("positive case lacks not_contradictions")
    for c in cons:
        for pid in ids_of(c["public"]):
            s = ids.get(pid)
            if not s: errs.append(f"contradiction: unknown {pid}"); continue
            if s["kind"] != "public" or s["role"] != "claim": errs.append(f"{pid} not public claim")
        porg = {ids[x]["organization"] for x in ids_of(c["public"]) if x in ids}
        for iid in ids_of(c["internal"]):
            s = ids.get(iid)
            if not s: errs.append(f"contradiction: unknown {iid}"); continue
            if s["kind"] != "internal": errs.append(f"{iid} not internal")
            if s["organization"] not in porg: errs.append(f"{iid} org differs from public side")
        if c.get("type") not in TYPES: errs.append(f"bad type {c.get('type')}")
        if c.get("level") not in LEVELS: errs.append(f"bad level {c.get('level')}")
        if not c.get("why"): errs.append("contradiction lacks why")
    for n in g.get("not_contradictions") or []:
        for k in ("a", "b"):
            for x in ids_of(n[k]):
                if x not in ids: errs.append(f"not_contradiction unknown {x}")
        if not n.get("why"): errs.append("not_contradiction lacks why")
    return errs

cases = sorted(d for d in os.listdir(ROOT) if not d.startswith("_") and os.path.isdir(os.path.join(ROOT, d)))
bad = 0
for c in cases:
    path = os.path.join(ROOT, c)
    if not os.path.exists(os.path.join(path, "gold.yaml")):
        print(f"{c}: NO gold.yaml"); bad += 1; continue
    e = check(path)
    print(f"{c}: {'OK' if not e else 'ERRORS'}")
    for x in e: print("   -", x)
    bad += bool(e)
sys.exit(1 if bad else 0)
