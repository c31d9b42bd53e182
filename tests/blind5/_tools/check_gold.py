#!/usr/bin/env python3
"""Check every <case>/gold.yaml under the set folder against the brief's rules.

Usage: python3 check_gold.py [SET_DIR]
Checks: structure and enums, date/precision agreement, files exist, keywords
(2-4, each found in the file after tag stripping / case and whitespace
folding, and found close together as a proxy for "same sentence"), unique ids,
contradiction ids exist with the right kinds/roles/organizations, negative
controls, document counts, reconstruction notes, README present, no
claimcheck.yaml.
"""
import html
import os
import re
import sys

import yaml

KINDS = {"public", "internal"}
ROLES = {"claim", "evidence", "third-party", "context"}
PRECISIONS = {"day", "month", "quarter", "year", "range", "unknown"}
TYPES = {"commitment-vs-action", "denial-vs-evidence", "knowledge-timing",
         "numeric-mismatch", "assurance-vs-concern"}
LEVELS = {"contradiction", "tension"}
DATE_RE = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
    "range": re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)/(\d{4}(-\d{2}(-\d{2})?)?)$"),
    "quarter": re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)/(\d{4}(-\d{2}(-\d{2})?)?)$"),
}
SKIP = {"gold.yaml", "README.md"}
WINDOW = 600  # keywords of one statement should sit within this many chars


def norm(text):
    return re.sub(r"\s+", " ", text).strip().lower()


def file_text(path):
    with open(path, encoding="utf-8", errors="replace") as fh:
        raw = fh.read()
    if path.endswith((".html", ".htm")):
        raw = re.sub(r"(?is)<(script|style).*?</\1>", " ", raw)
        raw = re.sub(r"(?s)<!--.*?-->", " ", raw)
        raw = re.sub(r"(?s)<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    return norm(raw)


def check_case(case_dir):
    errs = []
    gold_path = os.path.join(case_dir, "gold.yaml")
    if not os.path.isfile(gold_path):
        return ["missing gold.yaml"]
    if not os.path.isfile(os.path.join(case_dir, "README.md")):
        errs.append("missing README.md")
    docs = []
    for root, _dirs, files in os.walk(case_dir):
        for f in files:
            rel = os.path.relpath(os.path.join(root, f), case_dir)
            if f == "claimcheck.yaml":
                errs.append(f"forbidden file {rel}")
            if rel in SKIP:
                continue
            docs.append(rel)
    if not 4 <= len(docs) <= 9:
        errs.append(f"{len(docs)} documents (want 4-9)")
    for d in docs:
        with open(os.path.join(case_dir, d), encoding="utf-8", errors="replace") as fh:
            if "reconstruct" not in fh.read().lower():
                errs.append(f"{d}: no reconstruction note")
    with open(gold_path, encoding="utf-8") as fh:
        gold = yaml.safe_load(fh)
    if not isinstance(gold, dict):
        return errs + ["gold.yaml is not a mapping"]
    dom = gold.get("domain")
    if not isinstance(dom, str) or "/" not in dom:
        errs.append("domain must be a string 'x / y'")
    neg = gold.get("negative_control")
    if not isinstance(neg, bool):
        errs.append("negative_control must be true/false")
    stmts = gold.get("statements") or []
    if not 4 <= len(stmts) <= 10:
        errs.append(f"{len(stmts)} statements (want 4-10)")
    by_id = {}
    orgs_seen = {}
    for s in stmts:
        sid = s.get("id")
        tag = f"statement {sid}"
        if not sid:
            errs.append("statement without id")
            continue
        if sid in by_id:
            errs.append(f"duplicate id {sid}")
        by_id[sid] = s
        for key in ("kind", "role", "file", "date", "precision", "organization", "keywords"):
            if key not in s:
                errs.append(f"{tag}: missing {key}")
        if s.get("kind") not in KINDS:
            errs.append(f"{tag}: bad kind {s.get('kind')}")
        if s.get("role") not in ROLES:
            errs.append(f"{tag}: bad role {s.get('role')}")
        prec = s.get("precision")
        date = str(s.get("date"))
        if prec not in PRECISIONS:
            errs.append(f"{tag}: bad precision {prec}")
        elif prec == "unknown":
            if date != "undated":
                errs.append(f"{tag}: precision unknown needs date 'undated'")
        elif not DATE_RE[prec].match(date):
            errs.append(f"{tag}: date {date!r} does not fit precision {prec}")
        if not isinstance(s.get("date"), str):
            errs.append(f"{tag}: date should be a quoted string")
        org = s.get("organization")
        if isinstance(org, str):
            low = org.lower()
            for other in orgs_seen:
                if other != org and (other.lower() in low or low in other.lower()):
                    errs.append(f"{tag}: organization {org!r} looks like a variant of {other!r}")
            orgs_seen.setdefault(org, True)
        f = s.get("file")
        path = os.path.join(case_dir, f) if f else None
        if not path or not os.path.isfile(path):
            errs.append(f"{tag}: file {f} not found")
            continue
        text = file_text(path)
        kws = s.get("keywords") or []
        if not 2 <= len(kws) <= 4:
            errs.append(f"{tag}: {len(kws)} keywords (want 2-4)")
        positions = []
        for kw in kws:
            k = norm(kw)
            idx = [m.start() for m in re.finditer(re.escape(k), text)]
            if not idx:
                errs.append(f"{tag}: keyword {kw!r} not in {f}")
            else:
                positions.append(idx)
        if len(positions) >= 2:
            # is there one occurrence of each keyword inside a common window?
            ok = False
            for p0 in positions[0]:
                if all(any(abs(p - p0) <= WINDOW for p in plist) for plist in positions[1:]):
                    ok = True
                    break
            if not ok:
                errs.append(f"{tag}: keywords not close together in {f}")
    def ids(v):
        return v if isinstance(v, list) else [v]
    contras = gold.get("contradictions") or []
    nots = gold.get("not_contradictions") or []
    if neg is True:
        if contras:
            errs.append("negative control must have no contradictions")
        if not nots:
            errs.append("negative control needs not_contradictions")
    elif neg is False:
        if not contras:
            errs.append("positive case needs contradictions")
        if not nots:
            errs.append("positive case needs at least one not_contradictions trap")
    for i, c in enumerate(contras):
        tag = f"contradiction #{i+1}"
        pubs, ints = ids(c.get("public")), ids(c.get("internal"))
        for p in pubs:
            s = by_id.get(p)
            if not s:
                errs.append(f"{tag}: unknown id {p}")
            elif s.get("kind") != "public" or s.get("role") != "claim":
                errs.append(f"{tag}: {p} is not a public claim")
        for q in ints:
            s = by_id.get(q)
            if not s:
                errs.append(f"{tag}: unknown id {q}")
            elif s.get("kind") != "internal":
                errs.append(f"{tag}: {q} is not internal")
        porgs = {by_id[p].get("organization") for p in pubs if p in by_id}
        iorgs = {by_id[q].get("organization") for q in ints if q in by_id}
        if porgs and iorgs and not (porgs & iorgs):
            errs.append(f"{tag}: organizations differ {porgs} vs {iorgs}")
        if c.get("type") not in TYPES:
            errs.append(f"{tag}: bad type {c.get('type')}")
        if c.get("level") not in LEVELS:
            errs.append(f"{tag}: bad level {c.get('level')}")
        if not c.get("why"):
            errs.append(f"{tag}: missing why")
    for i, n in enumerate(nots):
        for key in ("a", "b"):
            for x in ids(n.get(key)):
                if x not in by_id:
                    errs.append(f"not_contradiction #{i+1}: unknown id {x}")
        if not n.get("why"):
            errs.append(f"not_contradiction #{i+1}: missing why")
    return errs


def main():
    set_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    total = 0
    for name in sorted(os.listdir(set_dir)):
        case_dir = os.path.join(set_dir, name)
        if name.startswith(("_", ".")) or not os.path.isdir(case_dir):
            continue
        errs = check_case(case_dir)
        total += len(errs)
        print(f"{name}: {'OK' if not errs else str(len(errs)) + ' problem(s)'}")
        for e in errs:
            print("   -", e)
    if os.path.exists(os.path.join(set_dir, "claimcheck.yaml")):
        print("forbidden claimcheck.yaml at set root"); total += 1
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
