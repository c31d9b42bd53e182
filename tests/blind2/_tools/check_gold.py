#!/usr/bin/env python3
"""Check gold.yaml files in case folders: structure, files exist, keywords verbatim, ids."""
import os, re, sys, yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"public", "internal"}
ROLES = {"claim", "evidence", "third-party", "context"}
PREC = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing", "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}
DATE_RE = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
    "range": re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?/\d{4}(-\d{2}(-\d{2})?)?$"),
    "quarter": re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?/\d{4}(-\d{2}(-\d{2})?)?$"),
}

def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()

def ids_of(x):
    return x if isinstance(x, list) else [x]

def check_case(d):
    errs = []
    g = os.path.join(d, "gold.yaml")
    if not os.path.exists(g):
        return ["no gold.yaml"]
    if not os.path.exists(os.path.join(d, "README.md")):
        errs.append("no README.md")
    for root, _, files in os.walk(d):
        if "claimcheck.yaml" in files:
            errs.append("claimcheck.yaml present")
    docs = [os.path.join(r, f) for r, _, fs in os.walk(d) for f in fs if f not in ("gold.yaml", "README.md")]
    if not (4 <= len(docs) <= 9):
        errs.append(f"{len(docs)} documents (need 4-9)")
    for p in docs:
        txt = open(p, encoding="utf-8", errors="replace").read()
        if "reconstruct" not in txt.lower():
            errs.append(f"{os.path.relpath(p, d)}: no reconstruction note")
    y = yaml.safe_load(open(g))
    for k in ("domain", "negative_control", "statements"):
        if k not in y:
            errs.append(f"missing {k}")
    st = y.get("statements", [])
    if not (4 <= len(st) <= 10):
        errs.append(f"{len(st)} statements (need 4-10)")
    ids = {}
    orgs = {}
    for s in st:
        sid = s.get("id")
        if sid in ids:
            errs.append(f"duplicate id {sid}")
        ids[sid] = s
        for k in ("kind", "role", "file", "date", "precision", "organization", "keywords"):
            if k not in s:
                errs.append(f"{sid}: missing {k}")
        if s.get("kind") not in KINDS: errs.append(f"{sid}: bad kind")
        if s.get("role") not in ROLES: errs.append(f"{sid}: bad role")
        pr = s.get("precision")
        if pr not in PREC: errs.append(f"{sid}: bad precision")
        dt = str(s.get("date"))
        if pr == "unknown":
            if dt != "undated": errs.append(f"{sid}: unknown precision needs 'undated'")
        elif pr in DATE_RE and not DATE_RE[pr].match(dt):
            errs.append(f"{sid}: date {dt} does not fit precision {pr}")
        fp = os.path.join(d, s.get("file", ""))
        if not os.path.isfile(fp):
            errs.append(f"{sid}: file missing {s.get('file')}")
            continue
        txt = norm(open(fp, encoding="utf-8", errors="replace").read())
        kws = s.get("keywords", [])
        if not (1 <= len(kws) <= 4): errs.append(f"{sid}: {len(kws)} keywords")
        found = [k for k in kws if norm(k) in txt]
        if len(found) * 2 < len(kws) or len(found) == 0:
            errs.append(f"{sid}: keywords not found: {[k for k in kws if k not in found]}")
        elif len(found) < len(kws):
            errs.append(f"{sid}: WARNING some keywords not found: {[k for k in kws if k not in found]}")
        # check that found keywords co-occur in a window (same sentence-ish)
        if len(found) > 1:
            pos = [txt.find(norm(k)) for k in found]
            if max(pos) - min(pos) > 400:
                errs.append(f"{sid}: WARNING keywords far apart ({max(pos)-min(pos)} chars)")
        orgs.setdefault(norm(s.get("organization", "")), set()).add(s.get("organization"))
    for o, spell in orgs.items():
        if len(spell) > 1: errs.append(f"org spelled differently: {spell}")
    neg = y.get("negative_control")
    cons = y.get("contradictions") or []
    if neg and cons: errs.append("negative control with contradictions")
    if not neg and not cons: errs.append("positive case without contradictions")
    nots = y.get("not_contradictions") or []
    if not nots: errs.append("no not_contradictions")
    for c in cons:
        for k in ("public", "internal", "type", "level", "why"):
            if k not in c: errs.append(f"contradiction missing {k}")
        if c.get("type") not in TYPES: errs.append(f"bad type {c.get('type')}")
        if c.get("level") not in LEVELS: errs.append(f"bad level {c.get('level')}")
        porgs = set()
        for pid in ids_of(c.get("public")):
            s = ids.get(pid)
            if not s: errs.append(f"unknown id {pid}"); continue
            if s["kind"] != "public" or s["role"] != "claim": errs.append(f"{pid} not public claim")
            porgs.add(s["organization"])
        for iid in ids_of(c.get("internal")):
            s = ids.get(iid)
            if not s: errs.append(f"unknown id {iid}"); continue
            if s["kind"] != "internal": errs.append(f"{iid} not internal")
            if s["organization"] not in porgs: errs.append(f"{iid} org {s['organization']} differs from public side {porgs}")
    for n in nots:
        for k in ("a", "b", "why"):
            if k not in n: errs.append(f"not_contradiction missing {k}")
        for k in ("a", "b"):
            if n.get(k) not in ids: errs.append(f"not_contradiction unknown id {n.get(k)}")
    return errs

def main():
    cases = sorted(p for p in os.listdir(ROOT) if os.path.isdir(os.path.join(ROOT, p)) and not p.startswith("_"))
    bad = 0
    for c in cases:
        errs = check_case(os.path.join(ROOT, c))
        hard = [e for e in errs if "WARNING" not in e]
        bad += bool(hard)
        print(f"{c}: {'OK' if not errs else ''}")
        for e in errs: print("   ", e)
    y = [yaml.safe_load(open(os.path.join(ROOT, c, 'gold.yaml'))) for c in cases if os.path.exists(os.path.join(ROOT, c, 'gold.yaml'))]
    doms = {x['domain'].split('/')[0].strip() for x in y}
    print(f"{len(cases)} cases, {len(doms)} domains, {sum(1 for x in y if x['negative_control'])} negative controls")
    sys.exit(1 if bad else 0)

main()
