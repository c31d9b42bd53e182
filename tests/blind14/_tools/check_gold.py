#!/usr/bin/env python3
"""Check gold.yaml files of blind set 14 against the brief's rules."""
import os, re, sys, yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"public", "internal"}
ROLES = {"claim", "evidence", "third-party", "context"}
PREC = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing", "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}

def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()

def date_ok(d, p):
    if d == "undated":
        return p == "unknown"
    if p == "day":
        return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d))
    if p == "month":
        return bool(re.fullmatch(r"\d{4}-\d{2}", d))
    if p == "year":
        return bool(re.fullmatch(r"\d{4}", d))
    if p in ("range", "quarter"):
        return bool(re.fullmatch(r"\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}", d))
    return False

def ids_of(x):
    return x if isinstance(x, list) else [x]

def check(case):
    errs = []
    gp = os.path.join(case, "gold.yaml")
    g = yaml.safe_load(open(gp))
    for k in ("domain", "negative_control", "statements"):
        if k not in g: errs.append(f"missing {k}")
    if "/" not in g.get("domain", ""): errs.append("domain lacks '/'")
    if os.path.exists(os.path.join(case, "claimcheck.yaml")): errs.append("claimcheck.yaml present")
    if not os.path.exists(os.path.join(case, "README.md")): errs.append("README.md missing")
    sts = g["statements"]
    if not 4 <= len(sts) <= 10: errs.append(f"{len(sts)} statements")
    ids = {}
    orgs = {}
    for s in sts:
        sid = s["id"]
        if sid in ids: errs.append(f"dup id {sid}")
        ids[sid] = s
        if s["kind"] not in KINDS: errs.append(f"{sid} kind")
        if s["role"] not in ROLES: errs.append(f"{sid} role")
        if s["precision"] not in PREC: errs.append(f"{sid} precision")
        if not date_ok(str(s["date"]), s["precision"]): errs.append(f"{sid} date {s['date']} / {s['precision']}")
        fp = os.path.join(case, s["file"])
        if not os.path.exists(fp):
            errs.append(f"{sid} file missing {s['file']}"); continue
        text = norm(open(fp, encoding="utf-8", errors="replace").read())
        kws = s.get("keywords", [])
        if not 2 <= len(kws) <= 4: errs.append(f"{sid} has {len(kws)} keywords")
        found = [k for k in kws if norm(k) in text]
        if len(found) < len(kws): errs.append(f"{sid} keywords not found: {[k for k in kws if k not in found]}")
        orgs.setdefault(norm(s["organization"]), set()).add(s["organization"])
    for o, v in orgs.items():
        if len(v) > 1: errs.append(f"org spelling differs {v}")
    cons = g.get("contradictions") or []
    if g["negative_control"] and cons: errs.append("negative control has contradictions")
    if not g["negative_control"] and not cons: errs.append("positive without contradictions")
    for c in cons:
        for p in ids_of(c["public"]):
            if p not in ids: errs.append(f"unknown id {p}"); continue
            if ids[p]["kind"] != "public" or ids[p]["role"] != "claim": errs.append(f"{p} not public claim")
        for i in ids_of(c["internal"]):
            if i not in ids: errs.append(f"unknown id {i}"); continue
            if ids[i]["kind"] != "internal": errs.append(f"{i} not internal")
        pub_orgs = {ids[p]["organization"] for p in ids_of(c["public"]) if p in ids}
        int_orgs = {ids[i]["organization"] for i in ids_of(c["internal"]) if i in ids}
        if pub_orgs != int_orgs: errs.append(f"org mismatch in pair {c['public']}/{c['internal']}")
        if c["type"] not in TYPES: errs.append(f"type {c['type']}")
        if c["level"] not in LEVELS: errs.append(f"level {c['level']}")
        if not c.get("why"): errs.append("why missing")
    nc = g.get("not_contradictions") or []
    if not nc: errs.append("no not_contradictions")
    for n in nc:
        for k in ("a", "b"):
            for x in ids_of(n[k]):
                if x not in ids: errs.append(f"nc unknown id {x}")
    # document count
    docs = []
    for dp, dn, fn in os.walk(case):
        for f in fn:
            if f not in ("gold.yaml", "README.md"): docs.append(f)
    if not 4 <= len(docs) <= 9: errs.append(f"{len(docs)} documents")
    return errs

bad = 0
for d in sorted(os.listdir(ROOT)):
    case = os.path.join(ROOT, d)
    if d.startswith("_") or not os.path.isdir(case): continue
    if not os.path.exists(os.path.join(case, "gold.yaml")):
        print(f"{d}: no gold.yaml"); bad += 1; continue
    e = check(case)
    print(f"{d}: {'OK' if not e else ''}")
    for x in e: print("   -", x)
    bad += bool(e)
sys.exit(1 if bad else 0)
