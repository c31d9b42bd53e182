import sys, os, re, yaml, glob
TYPES={"commitment-vs-action","denial-vs-evidence","knowledge-timing","numeric-mismatch","assurance-vs-concern"}
PREC={"day","month","quarter","year","range","unknown"}
def norm(s): return re.sub(r"\s+"," ",s).lower()
bad=0
for g in sorted(glob.glob("/work/blind/set16/*/gold.yaml")):
    case=os.path.dirname(g); errs=[]
    d=yaml.safe_load(open(g))
    if "/" not in d.get("domain",""): errs.append("domain lacks /")
    if os.path.exists(os.path.join(case,"claimcheck.yaml")): errs.append("claimcheck.yaml present")
    if not os.path.exists(os.path.join(case,"README.md")): errs.append("no README")
    st=d.get("statements",[]); ids={}
    if not 4<=len(st)<=10: errs.append(f"{len(st)} statements")
    docs=[p for p in glob.glob(case+"/**/*",recursive=True) if os.path.isfile(p) and not p.endswith(("gold.yaml","README.md"))]
    if not 4<=len(docs)<=9: errs.append(f"{len(docs)} docs")
    for s in st:
        i=s["id"]
        if i in ids: errs.append("dup "+i)
        ids[i]=s
        if s["kind"] not in ("public","internal"): errs.append(i+" kind")
        if s["role"] not in ("claim","evidence","third-party","context"): errs.append(i+" role")
        if s["precision"] not in PREC: errs.append(i+" precision")
        dt=str(s["date"])
        pat={"day":r"^\d{4}-\d\d-\d\d$","month":r"^\d{4}-\d\d$","year":r"^\d{4}$","range":r"^[\d-]+/[\d-]+$","quarter":r"^[\d-]+/[\d-]+$","unknown":r"^undated$"}[s["precision"]]
        if not re.match(pat,dt): errs.append(f"{i} date {dt} vs {s['precision']}")
        f=os.path.join(case,s["file"])
        if not os.path.exists(f): errs.append(i+" missing file "+s["file"]); continue
        txt=norm(open(f,encoding="utf-8",errors="replace").read())
        kw=s.get("keywords",[])
        if not 2<=len(kw)<=4: errs.append(i+" kw count")
        for k in kw:
            if norm(k) not in txt: errs.append(f"{i} keyword not found: {k!r}")
    orgs={}
    for c in d.get("contradictions") or []:
        if c["type"] not in TYPES: errs.append("type "+c["type"])
        if c["level"] not in ("contradiction","tension"): errs.append("level")
        pubs=c["public"] if isinstance(c["public"],list) else [c["public"]]
        ints=c["internal"] if isinstance(c["internal"],list) else [c["internal"]]
        for p in pubs:
            if p not in ids: errs.append("unknown "+p); continue
            if ids[p]["kind"]!="public" or ids[p]["role"]!="claim": errs.append(p+" not public claim")
        for q in ints:
            if q not in ids: errs.append("unknown "+q); continue
            if ids[q]["kind"]!="internal": errs.append(q+" not internal")
            for p in pubs:
                if p in ids and ids[p]["organization"]!=ids[q]["organization"]: errs.append(f"org mismatch {p}/{q}")
    for n in d.get("not_contradictions") or []:
        for k in ("a","b"):
            if n[k] not in ids: errs.append("nc unknown "+n[k])
    if d.get("negative_control"):
        if d.get("contradictions"): errs.append("neg control has contradictions")
    else:
        if not d.get("contradictions"): errs.append("no contradictions")
    if not d.get("not_contradictions"): errs.append("no not_contradictions")
    print(os.path.basename(case), "OK" if not errs else errs, f"docs={len(docs)} st={len(st)} c={len(d.get('contradictions') or [])}")
    bad+=bool(errs)
sys.exit(bad)
