import sys, os, re, yaml, glob
root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = {"commitment-vs-action","denial-vs-evidence","knowledge-timing","numeric-mismatch","assurance-vs-concern"}
norm = lambda s: re.sub(r"\s+", " ", s).lower()
bad = 0
def err(c, m):
    global bad; bad += 1; print(f"[{c}] {m}")
for g in sorted(glob.glob(os.path.join(root, "*", "gold.yaml"))):
    case = os.path.dirname(g); c = os.path.basename(case)
    d = yaml.safe_load(open(g))
    if os.path.exists(os.path.join(case, "claimcheck.yaml")): err(c, "claimcheck.yaml present")
    if not os.path.exists(os.path.join(case, "README.md")): err(c, "README missing")
    if "/" not in d.get("domain", ""): err(c, "domain lacks /")
    sts = d.get("statements", []); ids = {}
    if not 4 <= len(sts) <= 10: err(c, f"{len(sts)} statements")
    docs = [p for p in glob.glob(os.path.join(case, "**", "*"), recursive=True) if os.path.isfile(p) and os.path.basename(p) not in ("gold.yaml", "README.md")]
    if not 4 <= len(docs) <= 9: err(c, f"{len(docs)} documents")
    for s in sts:
        i = s["id"]
        if i in ids: err(c, f"dup id {i}")
        ids[i] = s
        for k in ("kind","role","file","date","precision","organization","keywords"):
            if k not in s: err(c, f"{i} missing {k}")
        if s["kind"] not in ("public","internal"): err(c, f"{i} kind")
        if s["role"] not in ("claim","evidence","third-party","context"): err(c, f"{i} role")
        if s["precision"] not in ("day","month","quarter","year","range","unknown"): err(c, f"{i} precision")
        dt = str(s["date"]); pr = s["precision"]
        pat = {"day": r"^\d{4}-\d\d-\d\d$", "month": r"^\d{4}-\d\d$", "year": r"^\d{4}$", "range": r"^[\d-]+/[\d-]+$", "quarter": r"^[\d-]+/[\d-]+$", "unknown": r"^undated$"}[pr]
        if not re.match(pat, dt): err(c, f"{i} date {dt} vs {pr}")
        p = os.path.join(case, s["file"])
        if not os.path.exists(p): err(c, f"{i} file missing {s['file']}"); continue
        txt = norm(open(p, encoding="utf-8", errors="replace").read())
        kws = s["keywords"]
        if not 2 <= len(kws) <= 4: err(c, f"{i} {len(kws)} keywords")
        for kw in kws:
            if norm(kw) not in txt: err(c, f"{i} keyword not found: {kw!r}")
    orgs = {}
    for s in sts: orgs.setdefault(s["organization"].lower(), set()).add(s["organization"])
    for o, v in orgs.items():
        if len(v) > 1: err(c, f"org spelling {v}")
    neg = d.get("negative_control")
    cons = d.get("contradictions") or []
    if neg and cons: err(c, "negative control has contradictions")
    if not neg and not cons: err(c, "positive without contradictions")
    if not d.get("not_contradictions"): err(c, "no not_contradictions")
    as_list = lambda x: x if isinstance(x, list) else [x]
    for k in cons:
        for i in as_list(k["public"]):
            if i not in ids: err(c, f"unknown {i}"); continue
            if ids[i]["kind"] != "public" or ids[i]["role"] != "claim": err(c, f"{i} not public claim")
        for i in as_list(k["internal"]):
            if i not in ids: err(c, f"unknown {i}"); continue
            if ids[i]["kind"] != "internal": err(c, f"{i} not internal")
        if k["type"] not in TYPES: err(c, f"type {k['type']}")
        if k["level"] not in ("contradiction","tension"): err(c, "level")
    for n in d.get("not_contradictions") or []:
        for i in (n["a"], n["b"]):
            if i not in ids: err(c, f"nc unknown {i}")
    # reconstruction marker
    for p in docs:
        if "reconstruction" not in open(p, encoding="utf-8", errors="replace").read().lower(): err(c, f"no reconstruction note in {p}")
    print(f"[{c}] checked: {len(docs)} docs, {len(sts)} statements, {len(cons)} contradictions")
print("problems:", bad)
