#!/usr/bin/env python3
"""Check gold.yaml files in the case folders for basic consistency."""
import os, re, sys, yaml
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = {"commitment-vs-action","denial-vs-evidence","knowledge-timing","numeric-mismatch","assurance-vs-concern"}
PREC = {"day","month","quarter","year","range","unknown"}
def norm(s): return re.sub(r"\s+"," ",s).strip().lower()
bad = 0
def err(case, msg):
    global bad; bad += 1; print(f"[{case}] {msg}")
for case in sorted(os.listdir(ROOT)):
    p = os.path.join(ROOT, case, "gold.yaml")
    if not os.path.isfile(p): continue
    g = yaml.safe_load(open(p))
    if "/" not in g.get("domain",""): err(case,"domain lacks /")
    if not os.path.isfile(os.path.join(ROOT,case,"README.md")): err(case,"no README")
    for dp,dn,fn in os.walk(os.path.join(ROOT,case)):
        if "claimcheck.yaml" in fn: err(case,"claimcheck.yaml present")
    docs=[f for dp,dn,fn in os.walk(os.path.join(ROOT,case)) for f in fn if f not in ("gold.yaml","README.md")]
    if not 4<=len(docs)<=9: err(case,f"{len(docs)} documents")
    sts = g.get("statements",[]); ids=set()
    if not 4<=len(sts)<=10: err(case,f"{len(sts)} statements")
    byid={}
    for s in sts:
        i=s["id"]
        if i in ids: err(case,f"dup id {i}")
        ids.add(i); byid[i]=s
        if s["kind"] not in ("public","internal"): err(case,f"{i} kind")
        if s["role"] not in ("claim","evidence","third-party","context"): err(case,f"{i} role")
        if s["precision"] not in PREC: err(case,f"{i} precision")
        d=str(s["date"])
        pat={"day":r"^\d{4}-\d{2}-\d{2}$","month":r"^\d{4}-\d{2}$","year":r"^\d{4}$","range":r"^[\d-]+/[\d-]+$","quarter":r"^[\d-]+/[\d-]+$","unknown":r"^undated$"}[s["precision"]]
        if not re.match(pat,d): err(case,f"{i} date {d} vs {s['precision']}")
        fp=os.path.join(ROOT,case,s["file"])
        if not os.path.isfile(fp): err(case,f"{i} missing file {s['file']}"); continue
        txt=norm(open(fp,encoding="utf-8").read())
        kws=s.get("keywords",[])
        if not 2<=len(kws)<=4: err(case,f"{i} has {len(kws)} keywords")
        for k in kws:
            if norm(k) not in txt: err(case,f"{i} keyword not found: {k!r}")
    orgs={}
    for c in g.get("contradictions",[]) or []:
        pubs=c["public"] if isinstance(c["public"],list) else [c["public"]]
        ints=c["internal"] if isinstance(c["internal"],list) else [c["internal"]]
        for x in pubs:
            if x not in byid: err(case,f"unknown id {x}"); continue
            if byid[x]["kind"]!="public" or byid[x]["role"]!="claim": err(case,f"{x} not public claim")
        for x in ints:
            if x not in byid: err(case,f"unknown id {x}"); continue
            if byid[x]["kind"]!="internal": err(case,f"{x} not internal")
        po={byid[x]["organization"] for x in pubs if x in byid}; io={byid[x]["organization"] for x in ints if x in byid}
        if po!=io: err(case,f"org mismatch {po} {io}")
        if c["type"] not in TYPES: err(case,f"type {c['type']}")
        if c["level"] not in ("contradiction","tension"): err(case,"level")
    for n in g.get("not_contradictions",[]) or []:
        for x in (n["a"],n["b"]):
            if x not in byid: err(case,f"nc unknown id {x}")
    if g.get("negative_control"):
        if g.get("contradictions"): err(case,"negative control with contradictions")
    else:
        if not g.get("contradictions"): err(case,"positive without contradictions")
    if not g.get("not_contradictions"): err(case,"no not_contradictions")
    print(f"[{case}] checked: {len(docs)} docs, {len(sts)} statements, {len(g.get('contradictions') or [])} contradictions")
print("problems:",bad); sys.exit(1 if bad else 0)
