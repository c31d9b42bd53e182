"""Generate a deterministic benchmark corpus: the seed cases mixed into synthetic prose of many formats.

    python benchmarks/make_corpus.py OUT [--words 1000000] [--docs 2000] [--seed 7] [--start 0]
                                         [--profile leak|dense]

Writes about ``--docs`` files holding about ``--words`` words of plausible, unrelated newsroom
material — wire stories (.txt), web articles (.html), memos and posts (.md), e-mails (.eml),
mailboxes (.mbox, several messages each) and chat exports (.jsonl) — about fictional
organizations and people, with the usual share of quotes, attributions, dates and figures, so
the cheap first pass sees a realistic number of candidate sentences. Every document of every
``seeds/<case>/`` folder is copied in under ``cases/<case>/`` and the cases' ``claimcheck.yaml``
aliases and people are merged into the corpus root config. ``--start N`` numbers documents from
N (used to add new documents to an existing corpus: ``--start 2000 --docs 20``). The same
arguments always give byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_SKIP = {"README.md", "gold.yaml", "claimcheck.yaml"}

FIRST = ("Alma Anders Beatriz Caleb Dana Elif Farid Greta Hugo Ines Jonas Keiko Lena Marco Nadia Omar "
         "Priya Quentin Rosa Samir Tessa Umar Vera Wendell Yusuf Zofia Arjun Bianca Colm Delia").split()
LAST = ("Abbott Brandt Castillo Dunmore Eklund Ferreira Gallo Hale Ibsen Jaramillo Kowal Lindqvist "
        "Mbeki Novak Okafor Petrov Quimby Rourke Sandoval Tanaka Ulrich Varga Whitlock Yilmaz Zeller "
        "Moreau Haddad Osei Brennan Lutz").split()
ORG_A = ("Northwind Harborview Ridgeline Bluewater Granite Meridian Cobalt Silverpine Eastgate Lakeshore "
         "Ironbridge Clearfield Summit Redwood Alder Prairie Copperleaf Westbrook Highmoor Stonegate").split()
ORG_B = ("Logistics Health Systems Water Authority Transit Labs Energy Foods Analytics Airlines Capital "
         "Pharmaceuticals Telecom Mining Robotics Insurance Hospital Board Utilities Media Semiconductors "
         "Shipping").split()
AGENCIES = ("Port Authority", "State Environmental Office", "County Health Department", "Transport Safety Board",
            "Consumer Protection Bureau", "Water Quality Commission", "Labor Inspectorate", "City Council")
CITIES = ("Fairhaven", "Port Ellis", "Marlow", "Kestrel Bay", "Dunmore Falls", "Ashby", "Greystone", "Lindell",
          "New Carrow", "Oakridge")
OUTLETS = ("The Fairhaven Ledger", "Coastal Wire", "Metro Daily", "The Valley Courier", "Business Post")
TITLES = ("chief executive", "spokeswoman", "spokesman", "general counsel", "head of operations",
          "chief financial officer", "director of communications", "plant manager", "board chair")
TOPICS = ("the new billing system", "the warehouse expansion", "the pipeline inspection", "the data migration",
          "the hiring freeze", "the customer refund program", "the emissions monitoring contract",
          "the software rollout", "the safety audit", "the quarterly budget", "the vendor review",
          "the route changes", "the clinic merger", "the pricing update", "the cloud contract",
          "the maintenance backlog", "the training program", "the lease renewal")
THINGS = ("sensor data", "customer records", "the inspection reports", "spare parts", "the test results",
          "overtime hours", "the shipping schedule", "the audit findings", "access logs", "pricing models")
VERBS_PAST = ("reviewed", "approved", "delayed", "expanded", "postponed", "announced", "cancelled",
              "completed", "renegotiated", "paused", "audited", "funded")
VERBS = ("share", "sell", "store", "release", "delete", "license", "export", "monitor", "audit", "publish")
FILLER = (
    "Residents said traffic on the main road had been heavier than usual all week.",
    "The meeting ran long and several items were moved to next month's agenda.",
    "Weather delayed two deliveries, but the schedule is otherwise on track.",
    "Attendance at the public session was lower than in previous years.",
    "The figures will be updated once the final invoices arrive.",
    "Parking near the east entrance will be limited during the works.",
    "Staff were reminded to submit expense reports before the end of the quarter.",
    "The committee thanked volunteers for their help with the spring cleanup.",
    "A second round of interviews is planned for later in the season.",
    "Local businesses reported steady sales through the holiday weekend.",
    "The old terminal building will close for renovation in stages.",
    "Minutes from the previous session were approved without changes.",
    "The library will extend its opening hours during exam weeks.",
    "Engineers spent most of the afternoon checking the backup generators.",
    "Several readers wrote in to ask about the new recycling rules.",
)
CHAT = ("ok, on it", "can you send me the latest deck?", "running 5 min late", "lunch at noon?",
        "who has the login for the shared drive", "pushed the fix, please test", "thanks!", "see notes in the doc",
        "call moved to 3pm", "any update from legal?", "the printer is jammed again", "approved, go ahead")


#: Share of sentences with no claim material at all, per kind of text, and the format mix.
#: "leak" (the default) is what a records release or a leak looks like: mostly e-mail and chat,
#: where most sentences are logistics; news articles stay dense with attributed material.
#: "dense" is the earlier, claim-heavy mix (65% of news sentences and 40% of e-mail sentences
#: carry claim material), kept to show the worst case for the first pass.
PROFILES: dict[str, dict[str, Any]] = {
    "leak": {"news": 0.5, "memo": 0.8, "mail": 0.88, "chat": (0.75, 0.8),
             "formats": ((0.12, "news", "txt"), (0.06, "web", "html"), (0.10, "memos", "md"),
                         (0.45, "mail", "eml"), (0.12, "mailboxes", "mbox"), (0.15, "chat", "jsonl"))},
    "dense": {"news": 0.35, "memo": 0.5, "mail": 0.6, "chat": (0.6, 0.4),
              "formats": ((0.28, "news", "txt"), (0.12, "web", "html"), (0.10, "memos", "md"),
                          (0.32, "mail", "eml"), (0.06, "mailboxes", "mbox"), (0.12, "chat", "jsonl"))},
}


class Writer:
    """Sentence and document templates driven by one seeded random generator."""

    def __init__(self, rng: random.Random, profile: str = "leak") -> None:
        self.r = rng
        self.p = PROFILES[profile]
        self.orgs = [f"{a} {b}" for a in ORG_A for b in ORG_B]
        self.words = 0  # prose words written (markup and headers not counted)

    def person(self) -> str:
        return f"{self.r.choice(FIRST)} {self.r.choice(LAST)}"

    def org(self) -> str:
        return self.r.choice(self.orgs)

    def day(self) -> dt.date:
        return dt.date(2012, 1, 1) + dt.timedelta(days=self.r.randrange(4000))

    def when(self, d: dt.date) -> str:
        return self.r.choice((f"on {d:%B} {d.day}", f"in {d:%B %Y}", "last week", "earlier this month",
                              f"in {d.year}", "on Tuesday", f"by the end of {d.year}", "this spring"))

    def money(self) -> str:
        return self.r.choice((f"${self.r.randint(2, 950)} million", f"${self.r.randint(10, 990)},000",
                              f"{self.r.randint(2, 95)} percent", f"{self.r.randint(12, 9000):,} units"))

    def filler(self) -> str:
        r = self.r
        if r.random() < 0.4:
            return r.choice(FILLER)
        d = self.day()
        return r.choice((
            f"Can we move the call to {r.randint(1, 5)}:{r.choice(('00', '15', '30', '45'))} on {d:%A}?",
            f"The {r.choice(('team lunch', 'offsite', 'all-hands', 'fire drill'))} is on {d:%B} {d.day} at {r.randint(9, 11)} a.m.",
            f"{r.choice(FIRST)} is out of office until {d:%B} {d.day}; ping {r.choice(FIRST)} for anything urgent.",
            f"Room {r.randint(2, 6)}{r.choice('ABCD')} is booked from {r.randint(1, 4)} p.m. for the review.",
            f"I left the {r.choice(('badge', 'charger', 'umbrella'))} at the front desk in {r.choice(CITIES)}.",
            f"{r.choice(FIRST)}, can you forward me the invite for {d:%A}?",
            f"Shuttle to {r.choice(CITIES)} leaves at {r.randint(6, 9)}:{r.choice(('10', '40'))} from the north lot.",
        ) if r.random() < 0.5 else (
            f"{r.choice(FIRST)} will cover the front desk while {r.choice(FIRST)} is away.",
            f"Please bring {r.choice(('your laptop', 'the printed agenda', 'the draft', 'snacks'))} to the next meeting.",
            f"The {r.choice(('north', 'south', 'main', 'staff'))} kitchen is being cleaned, so use the other one.",
            f"I moved the files for {r.choice(TOPICS)} into the shared folder.",
            f"Can someone check whether the {r.choice(('projector', 'badge reader', 'coffee machine'))} works?",
            f"The draft still needs a section on {r.choice(TOPICS)} and a summary.",
            f"Thanks again to {r.choice(FIRST)} for organizing everything.",
        ))

    def sentence(self, org: str, d: dt.date, plain: float = 0.35) -> str:
        """One sentence; ``plain`` is the share of sentences with no claim material at all."""
        r, p = self.r, self.person()
        if r.random() < plain:
            return self.filler()
        kind = 0.3 + 0.7 * r.random()
        if kind < 0.50:
            return (f"{org} {r.choice(VERBS_PAST)} {r.choice(TOPICS)} {self.when(d)}, "
                    f"according to {r.choice(('documents', 'people familiar with the matter', 'a filing'))}.")
        if kind < 0.62:
            return (f"\"We expect {r.choice(TOPICS)} to be finished {self.when(d)},\" said {p}, "
                    f"{r.choice(TITLES)} of {org}.")
        if kind < 0.72:
            return f"The {r.choice(AGENCIES)} said it was looking into {r.choice(TOPICS)} in {r.choice(CITIES)}."
        if kind < 0.82:
            return f"{org} spent {self.money()} on {r.choice(TOPICS)} in {d.year}, up from the year before."
        if kind < 0.88:
            return f"{p} told reporters that {r.choice(TOPICS)} had gone better than planned."
        if kind < 0.93:
            return (f"{org} has said it does not {r.choice(VERBS)} {r.choice(THINGS)} with "
                    f"{r.choice(('outside partners', 'advertisers', 'the ' + r.choice(AGENCIES)))}.")
        return f"A spokesperson for {org} declined to comment on {r.choice(TOPICS)}."

    def paragraphs(self, words: int, org: str, d: dt.date, plain: float = 0.35) -> list[str]:
        out: list[str] = []
        n = 0
        while n < words:
            para = " ".join(self.sentence(org if self.r.random() < 0.7 else self.org(), d, plain)
                            for _ in range(self.r.randint(2, 5)))
            out.append(para)
            n += len(para.split())
        self.words += n
        return out

    def headline(self, org: str) -> str:
        return f"{org} {self.r.choice(VERBS_PAST)} {self.r.choice(TOPICS).removeprefix('the ')}"

    # -- formats ----------------------------------------------------------------------------
    def news_txt(self, words: int) -> str:
        org, d = self.org(), self.day()
        head = f"{self.r.choice(CITIES).upper()}, {d:%B} {d.day} ({self.r.choice(OUTLETS)}) - "
        paras = self.paragraphs(words, org, d, self.p["news"])
        return f"{self.headline(org)}\n\nBy {self.person()}\n\n" + head + "\n\n".join(paras) + "\n"

    def article_html(self, words: int) -> str:
        org, d = self.org(), self.day()
        body = "\n".join(f"<p>{p}</p>" for p in self.paragraphs(words, org, d, self.p["news"]))
        nav = "".join(f"<li><a href='/s/{i}'>Section {i}</a></li>" for i in range(8))
        return (f"<!doctype html><html><head><title>{self.headline(org)}</title>"
                f"<meta property='article:published_time' content='{d.isoformat()}T09:00:00Z'>"
                f"<meta name='author' content='{self.person()}'></head><body><nav><ul>{nav}</ul></nav>"
                f"<article><h1>{self.headline(org)}</h1>\n{body}\n</article>"
                f"<footer>Copyright {d.year} {self.r.choice(OUTLETS)}. All rights reserved.</footer></body></html>\n")

    def memo_md(self, words: int) -> str:
        org, d = self.org(), self.day()
        paras = self.paragraphs(words, org, d, plain=self.p["memo"])
        return (f"---\ntitle: \"{self.headline(org)}\"\ndate: {d.isoformat()}\n---\n\n# Memo: "
                f"{self.r.choice(TOPICS)}\n\nTo: {self.person()}\nFrom: {self.person()}\n\n" + "\n\n".join(paras) + "\n")

    def _message(self, words: int, *, sender: str, org: str, d: dt.date, msg_id: str,
                 reply_to: str = "") -> str:
        domain = org.split()[0].lower() + ".example"
        to = self.person()
        when = dt.datetime.combine(d, dt.time(self.r.randint(7, 19), self.r.randint(0, 59)), dt.timezone.utc)
        lines = [f"From: {sender} <{sender.split()[0].lower()}.{sender.split()[1].lower()}@{domain}>",
                 f"To: {to} <{to.split()[0].lower()}@{domain}>",
                 f"Subject: {'Re: ' if reply_to else ''}{self.r.choice(TOPICS).capitalize()}",
                 f"Date: {format_datetime(when)}", f"Message-ID: <{msg_id}@{domain}>"]
        if reply_to:
            lines.append(f"In-Reply-To: <{reply_to}@{domain}>")
        lines += ["MIME-Version: 1.0", 'Content-Type: text/plain; charset="utf-8"', ""]
        body = [f"Hi {to.split()[0]},", ""] + self.paragraphs(words, org, d, plain=self.p["mail"]) + ["", "Thanks,", sender.split()[0]]
        return "\n".join(lines + body) + "\n"

    def email_eml(self, words: int, i: int) -> str:
        org = self.org()
        return self._message(words, sender=self.person(), org=org, d=self.day(), msg_id=f"m{i}")

    def mailbox(self, words: int, i: int) -> str:
        org, d = self.org(), self.day()
        n = self.r.randint(3, 6)
        out, prev = [], ""
        for k in range(n):
            sender = self.person()
            msg = self._message(max(30, words // n), sender=sender, org=org, d=d + dt.timedelta(days=k),
                                msg_id=f"b{i}-{k}", reply_to=prev)
            body = "\n".join((">" + ln if ln.startswith("From ") else ln) for ln in msg.split("\n"))
            out.append(f"From {sender.split()[0].lower()}@example {(d + dt.timedelta(days=k)):%a %b %d} 09:00:00 "
                       f"{d.year}\n{body}")
            prev = f"b{i}-{k}"
        return "\n".join(out)

    def chat_jsonl(self, words: int) -> str:
        org, d = self.org(), self.day()
        people = [self.person() for _ in range(4)]
        rows, n, t = [], 0, dt.datetime.combine(d, dt.time(9, 0))
        while n < words:
            lines, plain = self.p["chat"]
            text = (self.r.choice(CHAT) if self.r.random() < lines
                    else self.sentence(org, d, plain=plain))
            t += dt.timedelta(minutes=self.r.randint(1, 40))
            rows.append(json.dumps({"date": t.isoformat(), "user": self.r.choice(people), "text": text,
                                    "kind": "chat"}))
            n += len(text.split())
        self.words += n
        return "\n".join(rows) + "\n"


def _format_for(i: int, rng: random.Random, formats: Any) -> tuple[str, str]:
    """(folder, extension) drawn from ``formats``: (share of documents, folder, extension) rows."""
    x, acc = rng.random(), 0.0
    for share, folder, ext in formats:
        acc += share
        if x < acc:
            return folder, ext
    return formats[-1][1], formats[-1][2]


def write_document(out: Path, i: int, words: int, seed: int, profile: str = "leak") -> tuple[Path, int]:
    """Write synthetic document number ``i``; return its path and prose word count."""
    rng = random.Random(seed * 1_000_003 + i)
    w = Writer(rng, profile)
    folder, ext = _format_for(i, rng, PROFILES[profile]["formats"])
    size = max(40, int(rng.lognormvariate(0, 0.6) * words * 0.72))
    text = {"txt": lambda: w.news_txt(size), "html": lambda: w.article_html(size), "md": lambda: w.memo_md(size),
            "eml": lambda: w.email_eml(size, i), "mbox": lambda: w.mailbox(size * 3, i),
            "jsonl": lambda: w.chat_jsonl(size)}[ext]()
    path = out / folder / f"{i // 500:03d}" / f"doc{i:06d}.{ext}"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path, w.words


def copy_seeds(out: Path, seeds: Path = SEEDS) -> int:
    """Copy every seed case's documents under out/cases/<case>/; merge their aliases and people."""
    aliases: dict[str, list[str]] = {}
    people: dict[str, str] = {}
    words = 0
    for case in sorted(p for p in seeds.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        config = case / "claimcheck.yaml"
        if config.exists():
            data: Any = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
            for canon, names in (data.get("aliases") or {}).items():
                aliases.setdefault(canon, [])
                aliases[canon] += [n for n in names or () if n not in aliases[canon]]
            people.update(data.get("people") or {})
        for src in sorted(case.rglob("*")):
            if src.is_file() and src.name not in SEED_SKIP:
                dst = out / "cases" / case.name / src.relative_to(case)
                dst.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dst)
                if src.suffix != ".pdf":
                    words += len(src.read_text(encoding="utf-8", errors="replace").split())
    config_text = yaml.safe_dump({"aliases": aliases, "people": people}, sort_keys=True, allow_unicode=True)
    (out / "claimcheck.yaml").write_text("# merged from the seed cases by benchmarks/make_corpus.py\n" + config_text,
                                         encoding="utf-8")
    return words


def make_corpus(out: Path, *, words: int = 1_000_000, docs: int = 2000, seed: int = 7, start: int = 0,
                with_seeds: bool = True, profile: str = "leak") -> dict[str, int]:
    """Write the corpus into ``out``; return counts (files, words)."""
    out.mkdir(parents=True, exist_ok=True)
    total = copy_seeds(out) if with_seeds and start == 0 else 0
    per_doc = max(40, words // max(1, docs))
    files = 0
    for i in range(start, start + docs):
        _, n = write_document(out, i, per_doc, seed, profile)
        total += n
        files += 1
    return {"files": files, "words": total}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--words", type=int, default=1_000_000, help="total words (about)")
    ap.add_argument("--docs", type=int, default=2000, help="number of synthetic documents")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--start", type=int, default=0, help="number of the first document (to add documents)")
    ap.add_argument("--no-seeds", action="store_true", help="do not copy the seed cases in")
    ap.add_argument("--profile", choices=sorted(PROFILES), default="leak",
                    help="mix of formats and share of claim sentences (see PROFILES)")
    args = ap.parse_args(argv)
    counts = make_corpus(args.out, words=args.words, docs=args.docs, seed=args.seed, start=args.start,
                         with_seeds=not args.no_seeds, profile=args.profile)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
