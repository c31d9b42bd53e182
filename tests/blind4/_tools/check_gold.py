#!/usr/bin/env python3
"""Gold checker for blind set4. Usage: check_gold.py [set_dir]
Checks: gold.yaml schema, files exist, keywords are verbatim (case/whitespace-insensitive)
substrings of the referenced file, ids unique/resolvable, contradiction sides well-formed,
dates match precision, document counts, reconstruction notes, no claimcheck.yaml."""
import os, re, sys, html
import yaml

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..'))
KINDS = {'public', 'internal'}
ROLES = {'claim', 'evidence', 'third-party', 'context'}
PRECS = {'day', 'month', 'quarter', 'year', 'range', 'unknown'}
TYPES = {'commitment-vs-action', 'denial-vs-evidence', 'knowledge-timing', 'numeric-mismatch', 'assurance-vs-concern'}
LEVELS = {'contradiction', 'tension'}
DATE_RE = {
    'day': re.compile(r'^\d{4}-\d{2}-\d{2}$'),
    'month': re.compile(r'^\d{4}-\d{2}$'),
    'year': re.compile(r'^\d{4}$'),
    'range': re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?/\d{4}(-\d{2}(-\d{2})?)?$'),
    'quarter': re.compile(r'^\d{4}(-\d{2}(-\d{2})?)?/\d{4}(-\d{2}(-\d{2})?)?$'),
}
norm = lambda t: re.sub(r'\s+', ' ', t).strip().lower()

def ids_of(v):
    return v if isinstance(v, list) else [v]

def check_case(cdir):
    errs = []
    name = os.path.basename(cdir)
    gpath = os.path.join(cdir, 'gold.yaml')
    if not os.path.isfile(gpath):
        return [f'{name}: missing gold.yaml']
    if not os.path.isfile(os.path.join(cdir, 'README.md')):
        errs.append(f'{name}: missing README.md')
    docs = []
    for dp, dn, fn in os.walk(cdir):
        for f in fn:
            if f == 'claimcheck.yaml':
                errs.append(f'{name}: claimcheck.yaml present at {dp}')
            rel = os.path.relpath(os.path.join(dp, f), cdir)
            if rel not in ('gold.yaml', 'README.md'):
                docs.append(rel)
    if not 4 <= len(docs) <= 9:
        errs.append(f'{name}: {len(docs)} documents (need 4-9)')
    for d in docs:
        txt = open(os.path.join(cdir, d), encoding='utf-8').read()
        if 'reconstruct' not in txt.lower():
            errs.append(f'{name}: {d} lacks a reconstruction note')
    g = yaml.safe_load(open(gpath))
    for k in ('domain', 'negative_control', 'statements'):
        if k not in g:
            errs.append(f'{name}: gold missing {k}')
    if '/' not in str(g.get('domain', '')):
        errs.append(f'{name}: domain lacks "/"')
    sts = g.get('statements') or []
    if not 4 <= len(sts) <= 10:
        errs.append(f'{name}: {len(sts)} statements (need 4-10)')
    byid = {}
    orgs = {}
    for s in sts:
        sid = s.get('id')
        if sid in byid:
            errs.append(f'{name}: duplicate id {sid}')
        byid[sid] = s
        for k in ('kind', 'role', 'file', 'date', 'precision', 'organization', 'keywords'):
            if k not in s:
                errs.append(f'{name}:{sid}: missing {k}')
        if s.get('kind') not in KINDS: errs.append(f'{name}:{sid}: bad kind')
        if s.get('role') not in ROLES: errs.append(f'{name}:{sid}: bad role')
        p = s.get('precision')
        if p not in PRECS: errs.append(f'{name}:{sid}: bad precision')
        d = str(s.get('date'))
        if p == 'unknown':
            if d != 'undated': errs.append(f'{name}:{sid}: unknown precision needs date undated')
        elif p in DATE_RE and not DATE_RE[p].match(d):
            errs.append(f'{name}:{sid}: date {d} does not fit precision {p}')
        f = s.get('file', '')
        fp = os.path.join(cdir, f)
        if not os.path.isfile(fp):
            errs.append(f'{name}:{sid}: file not found {f}')
            continue
        raw = open(fp, encoding='utf-8').read()
        hay = norm(raw)
        hay2 = norm(html.unescape(raw))
        kws = s.get('keywords') or []
        if not 2 <= len(kws) <= 4:
            errs.append(f'{name}:{sid}: {len(kws)} keywords (need 2-4)')
        for kw in kws:
            if norm(kw) not in hay and norm(kw) not in hay2:
                errs.append(f'{name}:{sid}: keyword not in file: {kw!r}')
        o = s.get('organization')
        orgs.setdefault(norm(str(o)), set()).add(o)
    for k, v in orgs.items():
        if len(v) > 1:
            errs.append(f'{name}: organization spelled several ways: {v}')
    neg = g.get('negative_control')
    cons = g.get('contradictions') or []
    if neg and cons:
        errs.append(f'{name}: negative control has contradictions')
    if not neg and not cons:
        errs.append(f'{name}: positive case without contradictions')
    if not g.get('not_contradictions'):
        errs.append(f'{name}: no not_contradictions')
    for c in cons:
        for k in ('public', 'internal', 'type', 'level', 'why'):
            if k not in c: errs.append(f'{name}: contradiction missing {k}')
        if c.get('type') not in TYPES: errs.append(f'{name}: bad type {c.get("type")}')
        if c.get('level') not in LEVELS: errs.append(f'{name}: bad level {c.get("level")}')
        pubs = ids_of(c.get('public')); ints = ids_of(c.get('internal'))
        for i in pubs:
            s = byid.get(i)
            if not s: errs.append(f'{name}: unknown id {i}'); continue
            if s['kind'] != 'public' or s['role'] != 'claim':
                errs.append(f'{name}: {i} is not a public claim')
        for i in ints:
            s = byid.get(i)
            if not s: errs.append(f'{name}: unknown id {i}'); continue
            if s['kind'] != 'internal':
                errs.append(f'{name}: {i} is not internal')
        porgs = {byid[i]['organization'] for i in pubs if i in byid}
        iorgs = {byid[i]['organization'] for i in ints if i in byid}
        if porgs and iorgs and not (porgs & iorgs):
            errs.append(f'{name}: contradiction orgs differ {porgs} vs {iorgs}')
    for nc in g.get('not_contradictions') or []:
        for k in ('a', 'b', 'why'):
            if k not in nc: errs.append(f'{name}: not_contradiction missing {k}')
        for k in ('a', 'b'):
            for i in ids_of(nc.get(k)):
                if i not in byid: errs.append(f'{name}: not_contradiction unknown id {i}')
    return errs

def main():
    cases = sorted(d for d in os.listdir(ROOT) if not d.startswith(('_', '.')) and os.path.isdir(os.path.join(ROOT, d)))
    allerr = []
    for c in cases:
        e = check_case(os.path.join(ROOT, c))
        allerr += e
        print(f'{c}: {"OK" if not e else str(len(e)) + " problem(s)"}')
    for e in allerr:
        print('  ' + e)
    if os.path.exists(os.path.join(ROOT, 'claimcheck.yaml')):
        allerr.append('claimcheck.yaml at root'); print('claimcheck.yaml at root')
    sys.exit(1 if allerr else 0)

if __name__ == '__main__':
    main()
