#!/usr/bin/env python3
"""Check gold.yaml files: files exist, keywords found, ids unique/valid, dates."""
import sys, os, re, yaml, glob
def norm(s): return re.sub(r'\s+', ' ', s).lower()
ok = True
root = sys.argv[1] if len(sys.argv) > 1 else '/work/blind/set18'
for g in sorted(glob.glob(os.path.join(root, '*', 'gold.yaml'))):
    case = os.path.dirname(g); errs = []
    d = yaml.safe_load(open(g))
    if '/' not in d.get('domain', ''): errs.append('domain lacks /')
    st = d['statements']; ids = [s['id'] for s in st]
    if len(ids) != len(set(ids)): errs.append('duplicate ids')
    if not 4 <= len(st) <= 10: errs.append(f'{len(st)} statements')
    byid = {s['id']: s for s in st}
    orgs = {}
    for s in st:
        for k in ['id','kind','role','file','date','precision','organization','keywords']:
            if k not in s: errs.append(f"{s.get('id')} missing {k}")
        if s['kind'] not in ('public','internal'): errs.append(f"{s['id']} kind")
        if s['role'] not in ('claim','evidence','third-party','context'): errs.append(f"{s['id']} role")
        if s['precision'] not in ('day','month','quarter','year','range','unknown'): errs.append(f"{s['id']} precision")
        dt = str(s['date'])
        pat = {'day': r'^\d{4}-\d{2}-\d{2}$', 'month': r'^\d{4}-\d{2}$', 'year': r'^\d{4}$',
               'range': r'^[\d-]+/[\d-]+$', 'quarter': r'^[\d-]+/[\d-]+$', 'unknown': r'^undated$'}[s['precision']]
        if not re.match(pat, dt): errs.append(f"{s['id']} date {dt} vs {s['precision']}")
        p = os.path.join(case, s['file'])
        if not os.path.isfile(p): errs.append(f"{s['id']} file missing {s['file']}"); continue
        txt = norm(open(p, encoding='utf-8', errors='replace').read())
        kws = s['keywords']
        if not 1 <= len(kws) <= 4: errs.append(f"{s['id']} {len(kws)} keywords")
        found = [k for k in kws if norm(k) in txt]
        miss = [k for k in kws if norm(k) not in txt]
        if miss: errs.append(f"{s['id']} keywords not in file: {miss}")
    c = d.get('contradictions') or []
    if d.get('negative_control'):
        if c: errs.append('negative control has contradictions')
    elif not c: errs.append('no contradictions')
    for x in c:
        pubs = x['public'] if isinstance(x['public'], list) else [x['public']]
        ints = x['internal'] if isinstance(x['internal'], list) else [x['internal']]
        for i in pubs:
            if i not in byid: errs.append(f'unknown id {i}')
            elif not (byid[i]['kind']=='public' and byid[i]['role']=='claim'): errs.append(f'{i} not public claim')
        for i in ints:
            if i not in byid: errs.append(f'unknown id {i}')
            elif byid[i]['kind']!='internal': errs.append(f'{i} not internal')
        if x['type'] not in ('commitment-vs-action','denial-vs-evidence','knowledge-timing','numeric-mismatch','assurance-vs-concern'): errs.append('bad type')
        if x['level'] not in ('contradiction','tension'): errs.append('bad level')
        porg = {byid[i]['organization'] for i in pubs if i in byid}; iorg = {byid[i]['organization'] for i in ints if i in byid}
        if porg != iorg: errs.append(f'org mismatch {porg} {iorg}')
    nc = d.get('not_contradictions') or []
    if not nc: errs.append('no not_contradictions')
    for x in nc:
        for k in ('a','b'):
            if x[k] not in byid: errs.append(f'unknown id {x[k]} in not_contradictions')
    for f in ['README.md']:
        if not os.path.isfile(os.path.join(case, f)): errs.append('README missing')
    if glob.glob(os.path.join(case, '**', 'claimcheck.yaml'), recursive=True): errs.append('claimcheck.yaml present')
    docs = [p for p in glob.glob(os.path.join(case, '**', '*'), recursive=True) if os.path.isfile(p) and os.path.basename(p) not in ('gold.yaml','README.md')]
    if not 4 <= len(docs) <= 9: errs.append(f'{len(docs)} documents')
    for p in docs:
        if 'reconstruction' not in open(p, encoding='utf-8', errors='replace').read().lower(): errs.append(f'no reconstruction mark: {p}')
    print(os.path.basename(case), 'OK' if not errs else errs, f'docs={len(docs)} stmts={len(st)} contr={len(c)}')
    ok &= not errs
sys.exit(0 if ok else 1)
