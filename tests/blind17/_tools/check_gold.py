#!/usr/bin/env python3
"""Check gold.yaml files in case folders: files exist, keywords found, ids, dates, orgs."""
import sys, os, re, yaml, glob
TYPES={"commitment-vs-action","denial-vs-evidence","knowledge-timing","numeric-mismatch","assurance-vs-concern"}
def norm(s): return re.sub(r"\s+"," ",s).lower()
def check(case):
    errs=[]
    g=yaml.safe_load(open(os.path.join(case,"gold.yaml")))
    for k in ("domain","negative_control","statements"):
        if k not in g: errs.append(f"missing {k}")
    if "/" not in g.get("domain",""): errs.append("domain lacks /")
    if os.path.exists(os.path.join(case,"claimcheck.yaml")): errs.append("claimcheck.yaml present")
    ids=set(); sts=g["statements"]
    if not 4<=len(sts)<=10: errs.append(f"{len(sts)} statements (want 4-10)")
    byid={}
    for s in sts:
        i=s["id"]
        if i in ids: errs.append(f"dup id {i}")
        ids.add(i); byid[i]=s
        if s["kind"] not in ("public","internal"): errs.append(f"{i} kind")
        if s["role"] not in ("claim","evidence","third-party","context"): errs.append(f"{i} role")
        p=os.path.join(case,s["file"])
        if not os.path.exists(p): errs.append(f"{i} file missing {s['file']}"); continue
        txt=norm(open(p,encoding="utf-8",errors="replace").read())
        kws=s.get("keywords",[])
        if not 2<=len(kws)<=4: errs.append(f"{i} has {len(kws)} keywords")
        found=sum(1 for k in kws if norm(k) in txt)
        if found<len(kws): errs.append(f"{i} keywords not found: {[k for k in kws if norm(k) not in txt]}")
        d=str(s["date"]); pr=s["precision"]
        pat={"day":r"^\d{4}-\d{2}-\d{2}$","month":r"^\d{4}-\d{2}$","year":r"^\d{4}$","range":r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$","quarter":r"^\d{4}(-\d{2}){0,2}/\d{4}(-\d{2}){0,2}$","unknown":r"^undated$"}[pr]
        if not re.match(pat,d): errs.append(f"{i} date {d} vs precision {pr}")
    orgs={}
    for s in sts:
        o=s.get("organization","")
        orgs.setdefault(o.lower(),set()).add(o)
    for k,v in orgs.items():
        if len(v)>1: errs.append(f"org spelling {v}")
    def aslist(x): return x if isinstance(x,list) else [x]
    cons=g.get("contradictions") or []
    if g["negative_control"] and cons: errs.append("negative control has contradictions")
    if not g["negative_control"] and not cons: errs.append("positive case without contradictions")
    for c in cons:
        for i in aslist(c["public"]):
            if i not in byid: errs.append(f"unknown {i}"); continue
            if byid[i]["kind"]!="public" or byid[i]["role"]!="claim": errs.append(f"{i} not public claim")
        for i in aslist(c["internal"]):
            if i not in byid: errs.append(f"unknown {i}"); continue
            if byid[i]["kind"]!="internal": errs.append(f"{i} not internal")
        pub_orgs={byid[i]["organization"] for i in aslist(c["public"]) if i in byid}
        int_orgs={byid[i]["organization"] for i in aslist(c["internal"]) if i in byid}
        if pub_orgs!=int_orgs: errs.append(f"org mismatch in pair {pub_orgs} {int_orgs}")
        if c["type"] not in TYPES: errs.append(f"bad type {c['type']}")
        if c["level"] not in ("contradiction","tension"): errs.append("bad level")
    ncs=g.get("not_contradictions") or []
    if not ncs: errs.append("no not_contradictions")
    for n in ncs:
        for k in ("a","b"):
            for i in aslist(n[k]):
                if i not in byid: errs.append(f"nc unknown {i}")
    docs=[f for f in glob.glob(os.path.join(case,"**","*"),recursive=True) if os.path.isfile(f) and os.path.basename(f) not in ("gold.yaml","README.md")]
    if not 4<=len(docs)<=9: errs.append(f"{len(docs)} documents (want 4-9)")
    for f in docs:
        t=open(f,encoding="utf-8",errors="replace").read()
        if "econstruction" not in t: errs.append(f"no reconstruction mark in {f}")
    return errs, len(docs), len(sts), len(cons)
root=sys.argv[1] if len(sys.argv)>1 else "/work/blind/set17"
for case in sorted(glob.glob(os.path.join(root,"*/gold.yaml"))):
    c=os.path.dirname(case)
    e,nd,ns,nc=check(c)
    print(f"{os.path.basename(c)}: docs={nd} statements={ns} contradictions={nc} {'OK' if not e else ''}")
    for x in e: print("   -",x)
