#!/usr/bin/env python3
"""Check gold.yaml files of the blind cases in this folder for the brief's rules."""
import os, re, sys, yaml

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

def as_list(x):
    return x if isinstance(x, list) else [x]

def check_case(d):
    errs = []
    gp = os.path.join(d, "gold.yaml")
    if not os.path.exists(gp):
        return ["missing gold.yaml"]
    if not os.path.exists(os.path.join(d, "README.md")):
        errs.append("missing README.md")
    for dp, dn, fn in os.walk(d):
        if "claimcheck.yaml" in fn:
            errs.append("claimcheck.yaml present")
    docs = [os.path.join(dp, f) for dp, dn, fn in os.walk(d) for f in fn
            if f not in ("gold.yaml", "README.md")]
    if not 4 <= len(docs) <= 9:
        errs.append(f"{len(docs)} documents (need 4-9)")
    g = yaml.safe_load(open(gp))
    if "/" not in str(g.get("domain", "")):
        errs.append("domain lacks '/'")
    neg = g.get("negative_control")
    if not isinstance(neg, bool):
        errs.append("negative_control not bool")
    sts = g.get("statements") or []
    if not 4 <= len(sts) <= 10:
        errs.append(f"{len(sts)} statements (need 4-10)")
    ids = {}
    orgs_by_speaker = {}
    for s in sts:
        sid = s.get("id")
        if sid in ids:
            errs.append(f"duplicate id {sid}")
        ids[sid] = s
        if s.get("kind") not in KINDS: errs.append(f"{sid}: kind")
        if s.get("role") not in ROLES: errs.append(f"{sid}: role")
        if s.get("precision") not in PREC: errs.append(f"{sid}: precision")
        elif not re.match(DATE_RE[s["precision"]], str(s.get("date"))):
            errs.append(f"{sid}: date {s.get('date')} vs precision {s['precision']}")
        if not s.get("organization"): errs.append(f"{sid}: organization")
        f = os.path.join(d, s.get("file", ""))
        if not os.path.isfile(f):
            errs.append(f"{sid}: file missing {s.get('file')}"); continue
        text = norm(open(f, encoding="utf-8", errors="replace").read())
        kws = s.get("keywords") or []
        if not 2 <= len(kws) <= 4: errs.append(f"{sid}: {len(kws)} keywords")
        for k in kws:
            if norm(k) not in text:
                errs.append(f"{sid}: keyword not in file: {k!r}")
    for c in g.get("contradictions") or []:
        for p in as_list(c.get("public")):
            if p not in ids: errs.append(f"contradiction public id {p} unknown")
            elif not (ids[p]["kind"] == "public" and ids[p]["role"] == "claim"):
                errs.append(f"contradiction public {p} is not a public claim")
        for i in as_list(c.get("internal")):
            if i not in ids: errs.append(f"contradiction internal id {i} unknown")
            elif ids[i]["kind"] != "internal":
                errs.append(f"contradiction internal {i} is not internal")
        porgs = {ids[p]["organization"] for p in as_list(c.get("public")) if p in ids}
        iorgs = {ids[i]["organization"] for i in as_list(c.get("internal")) if i in ids}
        if porgs and iorgs and not porgs & iorgs:
            errs.append(f"contradiction orgs differ {porgs} {iorgs}")
        if c.get("type") not in TYPES: errs.append(f"contradiction type {c.get('type')}")
        if c.get("level") not in LEVELS: errs.append(f"contradiction level {c.get('level')}")
        if not c.get("why"): errs.append("contradiction why missing")
    if neg and g.get("contradictions"):
        errs.append("negative control has contradictions")
    if not neg and not g.get("contradictions"):
        errs.append("positive case without contradictions")
    nc = g.get("not_contradictions") or []
    if not nc: errs.append("no not_contradictions")
    for n in nc:
        for k in ("a", "b"):
            if n.get(k) not in ids: errs.append(f"not_contradiction id {n.get(k)} unknown")
        if not n.get("why"): errs.append("not_contradiction why missing")
    return errs

if __name__ == "__main__":
    cases = sorted(p for p in os.listdir(ROOT) if not p.startswith("_") and os.path.isdir(os.path.join(ROOT, p)))
    bad = 0
    for c in cases:
        e = check_case(os.path.join(ROOT, c))
        print(f"{c}: {'OK' if not e else 'ERRORS'}")
        for x in e:
            print("   -", x)
        bad += bool(e)
    sys.exit(1 if bad else 0)
