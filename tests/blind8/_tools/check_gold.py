#!/usr/bin/env python3
"""Check gold.yaml files of the blind cases in this set (stdlib + PyYAML)."""
import html, os, re, sys
import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = {"public", "internal"}
ROLES = {"claim", "evidence", "third-party", "context"}
PREC = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing",
         "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}

def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()

def texts(path):
    raw = open(path, encoding="utf-8", errors="replace").read()
    out = [norm(raw)]
    stripped = re.sub(r"<[^>]+>", " ", raw)
    out.append(norm(html.unescape(stripped)))
    # e-mail quoted lines: drop leading '>' markers
    out.append(norm(re.sub(r"(?m)^\s*>+ ?", "", raw)))
    return out

def check_date(d, prec):
    if d == "undated":
        return prec == "unknown"
    if prec == "day":
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) is not None
    if prec == "month":
        return re.fullmatch(r"\d{4}-\d{2}", d) is not None
    if prec == "year":
        return re.fullmatch(r"\d{4}", d) is not None
    if prec in ("range", "quarter"):
        m = re.fullmatch(r"(\d{4}(?:-\d{2}){0,2})/(\d{4}(?:-\d{2}){0,2})", d)
        return bool(m) and m.group(1) <= m.group(2)
    return False

def check_case(case):
    errs, warns = [], []
    gpath = os.path.join(case, "gold.yaml")
    if not os.path.exists(gpath):
        return ["missing gold.yaml"], []
    if not os.path.exists(os.path.join(case, "README.md")):
        errs.append("missing README.md")
    for dp, dn, fn in os.walk(case):
        if "claimcheck.yaml" in fn:
            errs.append("claimcheck.yaml present in %s" % dp)
    g = yaml.safe_load(open(gpath, encoding="utf-8"))
    for k in ("domain", "negative_control", "statements"):
        if k not in g:
            errs.append("missing key %s" % k)
    if "/" not in str(g.get("domain", "")):
        warns.append("domain has no '/'")
    st = g.get("statements") or []
    if not 4 <= len(st) <= 10:
        errs.append("statement count %d not in 4..10" % len(st))
    ids = {}
    docs = [f for dp, dn, fn in os.walk(case) for f in fn
            if f not in ("gold.yaml", "README.md")]
    if not 4 <= len(docs) <= 9:
        errs.append("document count %d not in 4..9" % len(docs))
    orgs_by_kind = {}
    for s in st:
        sid = s.get("id")
        if sid in ids:
            errs.append("duplicate id %s" % sid)
        ids[sid] = s
        if s.get("kind") not in KINDS:
            errs.append("%s: bad kind" % sid)
        if s.get("role") not in ROLES:
            errs.append("%s: bad role" % sid)
        if s.get("precision") not in PREC:
            errs.append("%s: bad precision" % sid)
        if not check_date(str(s.get("date")), s.get("precision")):
            errs.append("%s: date %r does not fit precision %r" % (sid, s.get("date"), s.get("precision")))
        if not s.get("organization"):
            errs.append("%s: no organization" % sid)
        f = os.path.join(case, s.get("file", ""))
        if not os.path.isfile(f):
            errs.append("%s: file not found %s" % (sid, s.get("file")))
            continue
        kws = s.get("keywords") or []
        if not 2 <= len(kws) <= 4:
            errs.append("%s: %d keywords (want 2-4)" % (sid, len(kws)))
        tx = texts(f)
        found = [k for k in kws if any(norm(k) in t for t in tx)]
        missing = [k for k in kws if k not in found]
        pos = []
        for k in found:
            for t in tx[1:2]:
                i = t.find(norm(k))
                if i >= 0:
                    pos.append(i)
        if len(pos) >= 2 and max(pos) - min(pos) > 500:
            warns.append("%s: keywords are %d chars apart (first occurrences)" % (sid, max(pos) - min(pos)))
        if missing:
            errs.append("%s: keywords not in %s: %s" % (sid, s["file"], missing))
    for c in g.get("contradictions") or []:
        pubs = c["public"] if isinstance(c["public"], list) else [c["public"]]
        ints = c["internal"] if isinstance(c["internal"], list) else [c["internal"]]
        for p in pubs:
            if p not in ids:
                errs.append("contradiction: unknown id %s" % p)
            elif not (ids[p]["kind"] == "public" and ids[p]["role"] == "claim"):
                errs.append("contradiction: %s is not a public claim" % p)
        for i in ints:
            if i not in ids:
                errs.append("contradiction: unknown id %s" % i)
            elif ids[i]["kind"] != "internal":
                errs.append("contradiction: %s is not internal" % i)
        for p in pubs:
            for i in ints:
                if p in ids and i in ids and ids[p]["organization"] != ids[i]["organization"]:
                    errs.append("contradiction %s/%s: organizations differ" % (p, i))
        if c.get("type") not in TYPES:
            errs.append("contradiction: bad type %r" % c.get("type"))
        if c.get("level") not in LEVELS:
            errs.append("contradiction: bad level %r" % c.get("level"))
        if not c.get("why"):
            errs.append("contradiction: no why")
    for n in g.get("not_contradictions") or []:
        for k in ("a", "b"):
            if n.get(k) not in ids:
                errs.append("not_contradiction: unknown id %s" % n.get(k))
        if not n.get("why"):
            errs.append("not_contradiction: no why")
    if g.get("negative_control"):
        if g.get("contradictions"):
            errs.append("negative control has contradictions")
        if not g.get("not_contradictions"):
            errs.append("negative control lists no traps")
    else:
        if not g.get("contradictions"):
            errs.append("positive case has no contradictions")
        if not g.get("not_contradictions"):
            errs.append("positive case has no trap pair")
    return errs, warns

def main():
    cases = sorted(d for d in os.listdir(ROOT)
                   if os.path.isdir(os.path.join(ROOT, d)) and not d.startswith("_"))
    bad = 0
    for c in cases:
        errs, warns = check_case(os.path.join(ROOT, c))
        status = "OK" if not errs else "FAIL"
        print("%-40s %s" % (c, status))
        for e in errs:
            print("   ERROR:", e)
        for w in warns:
            print("   warn:", w)
        bad += bool(errs)
    sys.exit(1 if bad else 0)

if __name__ == "__main__":
    main()
