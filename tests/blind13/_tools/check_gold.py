#!/usr/bin/env python3
"""Check gold.yaml files in /work/blind/set13 cases: files exist, keywords found, ids, dates."""
import os, re, sys, yaml, html

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"public", "internal"}
ROLES = {"claim", "evidence", "third-party", "context"}
PREC = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing", "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}
DATE_RE = {
    "day": r"^\d{4}-\d{2}-\d{2}$", "month": r"^\d{4}-\d{2}$", "year": r"^\d{4}$",
    "range": r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$", "quarter": r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$",
    "unknown": r"^undated$",
}

def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()

def check_case(d):
    errs = []
    g = yaml.safe_load(open(os.path.join(d, "gold.yaml")))
    for k in ("domain", "negative_control", "statements"):
        if k not in g: errs.append(f"missing {k}")
    if "/" not in g.get("domain", ""): errs.append("domain lacks '/'")
    if os.path.exists(os.path.join(d, "claimcheck.yaml")): errs.append("claimcheck.yaml present")
    if not os.path.exists(os.path.join(d, "README.md")): errs.append("README.md missing")
    st = g.get("statements", [])
    if not 4 <= len(st) <= 10: errs.append(f"{len(st)} statements (need 4-10)")
    ids = {}
    orgs = {}
    for s in st:
        sid = s.get("id")
        if sid in ids: errs.append(f"duplicate id {sid}")
        ids[sid] = s
        if s.get("kind") not in KINDS: errs.append(f"{sid}: bad kind")
        if s.get("role") not in ROLES: errs.append(f"{sid}: bad role")
        if s.get("precision") not in PREC: errs.append(f"{sid}: bad precision")
        elif not re.match(DATE_RE[s["precision"]], str(s.get("date", ""))): errs.append(f"{sid}: date {s.get('date')} does not fit {s['precision']}")
        f = os.path.join(d, s.get("file", ""))
        if not os.path.isfile(f):
            errs.append(f"{sid}: file missing {s.get('file')}"); continue
        raw = open(f, encoding="utf-8").read()
        text = norm(raw)
        text2 = norm(html.unescape(raw))
        kws = s.get("keywords", [])
        if not 2 <= len(kws) <= 4: errs.append(f"{sid}: {len(kws)} keywords")
        for kw in kws:
            if norm(kw) not in text and norm(kw) not in text2:
                errs.append(f"{sid}: keyword not found: {kw!r}")
        org = s.get("organization")
        if not org: errs.append(f"{sid}: no organization")
        orgs.setdefault(org.lower() if org else "", set()).add(org)
    for k, v in orgs.items():
        if len(v) > 1: errs.append(f"inconsistent org spelling {v}")
    cons = g.get("contradictions") or []
    if g.get("negative_control"):
        if cons: errs.append("negative control has contradictions")
        if not g.get("not_contradictions"): errs.append("negative control lacks not_contradictions")
    else:
        if not cons: errs.append("positive case without contradictions")
        if not g.get("not_contradictions"): errs.append("positive case without trap pairs")
    for c in cons:
        pubs = c["public"] if isinstance(c["public"], list) else [c["public"]]
        ints = c["internal"] if isinstance(c["internal"], list) else [c["internal"]]
        if c.get("type") not in TYPES: errs.append(f"bad type {c.get('type')}")
        if c.get("level") not in LEVELS: errs.append(f"bad level {c.get('level')}")
        for p in pubs:
            if p not in ids: errs.append(f"unknown id {p}"); continue
            if ids[p]["kind"] != "public" or ids[p]["role"] != "claim": errs.append(f"{p} not a public claim")
        for i in ints:
            if i not in ids: errs.append(f"unknown id {i}"); continue
            if ids[i]["kind"] != "internal": errs.append(f"{i} not internal")
        for p in pubs:
            for i in ints:
                if p in ids and i in ids and ids[p]["organization"] != ids[i]["organization"]:
                    errs.append(f"org mismatch {p}/{i}")
    for n in g.get("not_contradictions") or []:
        for k in ("a", "b"):
            if n.get(k) not in ids: errs.append(f"not_contradiction unknown id {n.get(k)}")
    # docs count
    docs = [os.path.join(r, f) for r, _, fs in os.walk(d) for f in fs if f not in ("gold.yaml", "README.md")]
    if not 4 <= len(docs) <= 9: errs.append(f"{len(docs)} documents (need 4-9)")
    for p in docs:
        head = open(p, encoding="utf-8", errors="replace").read()
        if "reconstruct" not in head.lower(): errs.append(f"no reconstruction note: {os.path.relpath(p, d)}")
    return errs

def main():
    cases = sorted(x for x in os.listdir(ROOT) if not x.startswith("_") and os.path.isdir(os.path.join(ROOT, x)))
    bad = 0
    for c in cases:
        e = check_case(os.path.join(ROOT, c))
        print(f"{c}: {'OK' if not e else ''}")
        for x in e: print("   -", x)
        bad += len(e)
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
