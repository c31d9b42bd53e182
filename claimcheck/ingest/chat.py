"""Chat exports: Slack export folders and plain chat logs, one dated Document per message.

One document per message (part "m1", "m2", ...; kind "chat") lets extraction give each message
its own author and day. A Slack export folder (``users.json`` / ``channels.json`` next to one
folder per channel of ``YYYY-MM-DD.json`` day files) is claimed as a whole by
:data:`FOLDER_READERS`; a plain log saved as ``.txt`` (one timestamped line per message) is
recognized by :func:`sniff_chat_log`. Dates are days (DateValue source "header"); a message whose
timestamp is not a real date stays undated rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..config import CorpusConfig
from ..models import DateValue, Document, ErrorRecord, FileRecord
from .base import NotRegular, ReadContext, Skip, context_for, display_path, make_document, organization_from_domain, read_regular, recorded_in_private
from .headers import JOB_TITLE, _UNIT_WORDS as UNIT_WORDS, filename_date, org_of_phrase, read_header
from .printed import parse_header_date

# --------------------------------------------------------------------------- Slack export

_DAY_FILE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\.json$")
_SLACK_META = {"users.json", "channels.json", "groups.json", "dms.json", "mpims.json",
               "integration_logs.json", "canvases.json", "org_users.json"}
_SKIP_SUBTYPES = {"channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name",
                  "group_join", "group_leave", "pinned_item", "channel_archive", "tombstone"}


#: A chat program's name, never the organization whose people write in it.
_PLATFORM = re.compile(r"(?i)(?:[a-z]{2,20}[ \t])?(?:teams|slack|whatsapp|signal|telegram|discord|mattermost|skype|chat|"
                       r"hangouts|imessage|wechat|messenger|workplace|yammer|zoom)")  # (a maker's name before it)


def is_slack_export(folder: Path) -> bool:
    """A folder with users.json or channels.json and at least one channel folder of day files."""
    if not ((folder / "users.json").is_file() or (folder / "channels.json").is_file()):
        return False
    for sub in folder.iterdir():
        if sub.is_dir() and not sub.is_symlink() and any(_DAY_FILE.match(p.name) for p in sub.iterdir()):
            return True
    return False


def _load_json(path: Path) -> Any:
    try:
        data = read_regular(path)
    except (NotRegular, Skip) as exc:
        raise ValueError(str(exc)) from None
    return json.loads(data.decode("utf-8-sig"))


def _users(folder: Path) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """user id -> (real name, e-mail); problems found reading users.json."""
    path = folder / "users.json"
    if not path.is_file():
        return {}, []
    try:
        data = _load_json(path)
    except (OSError, ValueError) as exc:
        return {}, [f"users.json unreadable: {exc}"[:200]]
    if not isinstance(data, list):
        return {}, ["users.json is not a list of users"]
    out: dict[str, tuple[str, str]] = {}
    for user in data:
        if not isinstance(user, dict) or not isinstance(user.get("id"), str):
            continue
        profile = user.get("profile") if isinstance(user.get("profile"), dict) else {}
        name = next((v for v in (user.get("real_name"), profile.get("real_name"), profile.get("display_name"),
                                 user.get("name")) if isinstance(v, str) and v.strip()), "")
        mail = profile.get("email") if isinstance(profile.get("email"), str) else ""
        out[user["id"]] = (name.strip(), mail.strip())
    return out, []


_SLACK_LINK = re.compile(r"<([^<>|]+)(?:\|([^<>]*))?>")


def slack_text(text: str, users: dict[str, tuple[str, str]]) -> str:
    """Slack markup to plain text: <@U1> -> @Name, <url|label> -> label, entities unescaped."""
    def link(m: re.Match[str]) -> str:
        target, label = m.group(1), m.group(2)
        if target.startswith("@"):
            return "@" + (label or users.get(target[1:], (target[1:], ""))[0] or target[1:])
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            return "@" + (label or target[1:].split("^")[0])
        return label or target
    return html.unescape(_SLACK_LINK.sub(link, text))


def _ts_date(ts: Any) -> DateValue | None:
    try:
        seconds = float(ts)
        day = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
    except (TypeError, ValueError, OverflowError, OSError):
        return None
    if not 1990 <= day.year <= 2100:
        return None
    return DateValue.day(day, "header", str(ts))


def _rel(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name


def _result(display: str, status: str, *, reason: str = "", docs: tuple[Document, ...] = (),
            sha: str = "", error: bool = False) -> Any:
    from . import IngestResult

    record = FileRecord(display, status, reason, "ingest" if status == "failed" else "",  # type: ignore[arg-type]
                        tuple(d.id for d in docs), sha)
    errors = (ErrorRecord(display, reason, "ingest"),) if error else ()
    return IngestResult(record, docs, errors)


def _day_file_documents(data: bytes, ctx: ReadContext, channel: str,
                        users: dict[str, tuple[str, str]]) -> list[Document]:
    try:
        messages = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ValueError(f"Slack day file is not valid JSON ({exc})"[:300]) from None
    if not isinstance(messages, list):
        raise ValueError(f"Slack day file is not a list of messages (found {type(messages).__name__})")
    raw = data.decode("utf-8-sig", "replace")
    docs: list[Document] = []
    search_from = 0
    m = _DAY_FILE.match(ctx.path.name)
    file_day = None
    if m:
        try:
            file_day = DateValue.day(dt.date(int(m[1]), int(m[2]), int(m[3])), "header", ctx.path.name)
        except ValueError:
            file_day = None
    for msg in messages:
        if not isinstance(msg, dict) or (isinstance(msg.get("subtype"), str) and msg["subtype"] in _SKIP_SUBTYPES):
            continue
        text = msg.get("text")
        if not isinstance(text, str) or not text.strip():
            continue
        ts = msg.get("ts")
        date = _ts_date(ts) or file_day
        user_id = msg.get("user") if isinstance(msg.get("user"), str) else ""
        name, mail = users.get(user_id, ("", ""))
        profile = msg.get("user_profile") if isinstance(msg.get("user_profile"), dict) else {}
        if not name:
            name = next((v for v in (profile.get("real_name"), profile.get("display_name"), msg.get("username"))
                         if isinstance(v, str) and v.strip()), "") or user_id
        org = organization_from_domain(mail.rsplit("@", 1)[1], ctx.config) if "@" in mail else ""
        if not org and name:
            org = dict(ctx.config.people).get(name, "") if ctx.config.people else ""
        # the message's line in the JSON file: where its ts appears
        line = 1
        if isinstance(ts, str):
            pos = raw.find(ts, search_from)
            if pos >= 0:
                line = raw.count("\n", 0, pos) + 1
                search_from = pos + len(ts)
        thread = msg.get("thread_ts") if isinstance(msg.get("thread_ts"), str) else ""
        docs.append(make_document(
            ctx, text=slack_text(text, users).strip(), part=f"m{len(docs) + 1}", kind="chat", date=date,
            author=name, author_address=mail, organization=org, title=f"#{channel}",
            line_base=line, line_exact=False, message_id=str(ts or ""), thread_id=thread,
            in_reply_to=thread if thread and thread != ts else ""))
    return docs


def read_slack_export(folder: Path, config: CorpusConfig) -> list[Any]:
    """Every file of a Slack export: day files -> one document per message, metadata skipped."""
    root = config.root
    users, problems = _users(folder)
    results = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        display = display_path(_rel(path, root))
        if path.parent == folder and path.name in _SLACK_META:
            if path.name == "users.json" and problems:
                results.append(_result(display, "failed", reason=problems[0], error=True))
            else:
                results.append(_result(display, "skipped", reason="Slack export metadata"))
            continue
        if path.parent.parent != folder or not path.name.endswith(".json"):
            continue  # not a day file: read by its own reader
        try:
            data = read_regular(path)
        except (NotRegular, Skip) as exc:
            results.append(_result(display, "skipped", reason=str(exc)))
            continue
        except OSError as exc:
            results.append(_result(display, "failed", reason=f"cannot read: {exc.strerror or exc}", error=True))
            continue
        sha = hashlib.sha256(data).hexdigest()
        ctx = context_for(data, path, display, config=config, meta=config.meta_for(_rel(path, root)))
        try:
            docs = _day_file_documents(data, ctx, path.parent.name, users)
        except ValueError as exc:
            results.append(_result(display, "failed", reason=str(exc), sha=sha, error=True))
            continue
        except Exception as exc:  # per-file isolation inside the export
            reason = f"could not read: {type(exc).__name__}: {exc}"[:500]
            results.append(_result(display, "failed", reason=reason, sha=sha, error=True))
            continue
        if docs:
            results.append(_result(display, "parsed", docs=tuple(docs), sha=sha))
        else:
            results.append(_result(display, "skipped", reason="no chat messages", sha=sha))
    return results


FOLDER_READERS = [(is_slack_export, read_slack_export)]

# --------------------------------------------------------------------------- plain chat logs

_WHO = r"(?:<(?P<who1>[^<>\n]{1,60})>|\[(?P<who3>[^\[\]\n:]{1,40})\]:?|(?P<who2>[^:<>\[\]\n]{1,60}?):)"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s*[AaPp]\.?[Mm]\.?)?"
_LINE_PATTERNS = (
    # [2019-03-14 09:02] alice: ...   2019-03-14T09:02:11Z <alice> ...
    re.compile(r"^\[?(?P<iso>\d{4}-\d{1,2}-\d{1,2})[T ,]\s*(?P<time>" + _TIME + r")(?:Z|\s?[+-]\d{2}:?\d{2})?\]?"
               r"\s*(?:-\s+)?" + _WHO + r"[ \t]?(?P<msg>.*)$"),
    # 3/14/19, 9:02 AM - Alice: ...   [3/14/19, 9:02:11 AM] Alice: ...   14.03.19, 09:02 - Alice: ...   [14-03-19 09:02] Alice: ...
    re.compile(r"^\[?(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{2,4}),?\s+(?P<time>" + _TIME + r")\]?"
               r"\s*(?:-\s+)?" + _WHO + r"[ \t]?(?P<msg>.*)$"),
    # [09:02] alice: ...   09:02 <alice> ...   (under a date header)
    re.compile(r"^\[?(?P<time>" + _TIME + r")\]?\s+(?:-\s+)?" + _WHO + r"[ \t]?(?P<msg>.*)$"),
    # Alice Roe 6:46 PM: ...   [EMPLOYEE 1] 10:14: ...   Roe, Alice 16:05: ...   Comms lead 5:41 AM: ...
    # Alice Roe 11:04 AM (Nov 16, 2020): ...   (name first, under a date header or dated on the line)
    # [Alice Roe (Ops)] [8:12 AM] ...   (both bracketed: no colon after the time)
    re.compile(r"^(?:\[(?P<who5>[^\[\]\n:]{1,40})\]|(?P<who6>[A-Z][\w'\-]{1,30}, [A-Z][\w.'\-]{0,30}(?: [A-Z]\.?)?)"
               r"|(?P<who4>[A-Z][\w.'\-]{0,30}(?: [A-Z0-9][\w.'\-]{0,30}){0,3}(?: [a-z][\w\-]{1,20}){0,2}))"
               # ("Alice Roe (Fraud Ops Lead) 9:41 PM: ...": the writer's role in brackets before the time)
               r"(?:[ \t]\([A-Z][^()\n:]{1,40}\))?"
               r"\s+\[?(?P<time>" + _TIME + r")\]?(?:\s*\((?P<pdate>[^()\n]{6,30})\))?(?:\s*[:\-]\s|(?<=\])[ \t])(?P<msg>.*)$"),
    # Alice Roe  8:12 AM        (a workspace export: the name and time on a line, the message
    #   Pull the tags.           indented on the lines below)
    re.compile(r"^(?P<who4>[A-Z][\w.'\-]{0,30}(?: [A-Z0-9][\w.'\-]{0,30}){0,3}(?: [a-z][\w\-]{1,20}){0,2})"
               r"[ \t]{1,8}\[?(?P<time>" + _TIME + r")\]?(?:[ \t]*\((?P<pdate>[^()\n]{6,30})\))?[ \t]*(?P<msg>)$"),
)
_DATE_HEADER = re.compile(r"^[\s\-=*#\[(]*(?:Day changed to|Session Start:|Date:|Log started)?\s*(?P<d>[^\-=*#\[\]()]{6,60}?)"
                          r"[\s\-=*#\])]*$", re.I)


#: A separator line's labelled day ("--- Item 14 | Meeting date: 2021-09-09 | Topic: access ---").
_DATE_LABEL = re.compile(r"(?i)^[ \t\-=*#\[(|]{0,8}[^\n:]{0,40}?\b(?:meeting |call |session |message )?date[ \t]{0,2}[:=][ \t]{0,2}"
                         r"(?P<d>[^|;\n\]()]{6,30})")


def _match(line: str) -> re.Match[str] | None:
    for pat in _LINE_PATTERNS:
        m = pat.match(line)
        if m:
            return m
    return None


def _distance(matches: list[re.Match[str] | None], day: dt.date, day_first: bool) -> int:
    """How many days the slashed dates of ``matches``, read day first or not, lie from ``day`` in all
    (a date that cannot be read so counts a year)."""
    total = 0
    for m in matches:
        if m and m.groupdict().get("a"):
            d = _slash_date(int(m["a"]), int(m["b"]), int(m["y"]), day_first)
            total += abs((d - day).days) if d else 366
    return total


def _slash_date(a: int, b: int, y: int, day_first: bool) -> dt.date | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    day, month = (a, b) if day_first else (b, a)
    try:
        return dt.date(y, month, day)
    except ValueError:
        return None


def sniff_chat_log(text: str, ctx: ReadContext) -> list[Document] | None:
    """Text sniffer: a chat log with a timestamp per message line -> one Document per message."""
    try:
        return _chat_log(text, ctx)
    except Exception:  # a sniffer never fails a file the plain reader can read
        return None


#: A writer's name with their team or role in brackets: "Jane Roe (NOC Core Transport)".
_NAME_AND_UNIT = re.compile(r"(?P<name>[A-Z](?:[\w'’\-]{1,30}|\.)(?:[ \t][A-Z](?:[\w'’\-]{1,30}|\.)){1,3})[ \t]{0,3}\([^()\n]{2,60}\)")
# ("Jane R. (NOC shift lead)", "J. Roe (Cyber Ops)": a name written with an initial)


#: A writer's one name with a title in brackets: "Roe (EVP, Cabin Services)".
_ONE_NAME_AND_ROLE = re.compile(r"(?P<name>[A-Z][\w'’\-]{1,30})[ \t]{0,3}\((?P<role>[^()\n]{2,60})\)")
#: A desk or a role, then its writer in brackets: "Flight Dispatch (K. Nowak)", "Duty Manager (Jane Roe)".
_UNIT_AND_NAME = re.compile(r"(?P<unit>[A-Z][\w&'’\-]{0,30}(?:[ \t][\w&'’\-]{1,30}){0,4})[ \t]{0,3}"
                            r"\((?P<name>(?:[A-Z]\.[ \t]?){0,3}[A-ZÀ-Þ][\w'’\-]{1,30}(?:[ \t][A-ZÀ-Þ][\w'’\-]{1,30}){0,2})\)")
#: A writer named by initials and surname: "K. Nowak", "J.R. Roe".
_INITIALS_NAME = re.compile(r"(?:[A-Z]\.[ \t]?){1,3}[A-ZÀ-Þ][\w'’\-]{1,30}")


#: A heading saying the timed lines are a broadcast's or a recording's turns, not typed messages.
_BROADCAST = re.compile(r"(?i)\b(?:live[ -]?stream(?:ed)?|streamed|broadcast|podcast|webinar|town[ -]hall|press conference|"
                        r"news conference|interview|ask me anything|transcri(?:bed|pt)[^\n]{0,40}\b(?:recording|video|audio))\b")


#: An export's heading saying it is a chat: "Chat export — channel #crisis-voice", "WhatsApp group export".
_CHAT_HEADING = re.compile(r"(?i)\b(?:chat|channel|messenger|whatsapp|slack|teams|signal|telegram)\b[^\n]{0,40}\bexport|"
                           r"\bexport(?:ed)?\b[^\n]{0,20}\b(?:chat|channel|conversation|messages)\b|^\W{0,4}channel[ \t]{0,3}[:#]")
#: A day's heading in an export with no year: "Tue 01/10", "Wednesday, 11/01".
_WEEKDAY_SHORT = re.compile(r"^\W{0,4}(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?[ \t]{1,3}(?P<a>\d{1,2})[/.](?P<b>\d{1,2})\.?[ \t]*$",
                            re.I)
#: Whose records an export was taken from: "Export requested by: Information Security Office, Acme Telecom".
_EXPORTED_FOR = re.compile(r"(?im)^\W{0,4}(?:export(?:ed)?[ \t]+(?:requested[ \t]+|made[ \t]+)?(?:by|for)|exported[ \t]+from)"
                           r"[ \t]{0,4}:[ \t]{0,4}(?P<by>\S[^\n]{2,160})$")
#: An export's list of who writes in it: "Participants: Jane Roe (Acme); John Doe (Adviser, Globex)".
_PARTICIPANTS = re.compile(r"(?im)^\W{0,4}(?:participants|members|between)[ \t]{0,4}:[ \t]{0,4}(?P<list>\S[^\n]{0,400})$")
#: One participant: a name or a desk's label, then in brackets what the export says of them.
_PARTICIPANT = re.compile(r"^[ \t]{0,4}(?P<who>[^()\n;,]{2,60}?)[ \t]{0,4}\((?P<said>[^()\n]{2,160})\)[ \t]{0,4}$")


def _outside_brackets_split(text: str) -> list[str]:
    """``text`` split at each ";" and at each "," outside brackets: "Jane Roe (Adviser, Acme), John Doe (Globex)"."""
    parts, depth, start = [], 0, 0
    for i, c in enumerate(text):
        depth += (c == "(") - (c == ")")
        if c == ";" or c == "," and depth <= 0:
            parts.append(text[start:i])
            start = i + 1
    return parts + [text[start:]]


def _participant_orgs(head: str) -> dict[str, str]:
    """Whom each participant an export's header names works for: "Jane Roe (Adviser, Office of the
    President, Acme FC)" -> Acme FC, "Account lead (Globex / Northgate Media)" -> Northgate Media;
    nobody for a bare title ("John Doe (Chief Technical Pilot)"). Keyed by the name as the export's
    lines write it, and by its last word when only one participant has it."""
    m = _PARTICIPANTS.search(head)
    if not m:
        return {}
    out: dict[str, str] = {}
    for entry in _outside_brackets_split(m["list"]):
        one = _PARTICIPANT.match(entry)
        if not one:
            continue
        parts = [p.strip() for p in re.split(r",|/|\s[-–—]\s", one["said"]) if p.strip()]
        org = next((p for p in reversed(parts) if p[:1].isupper() and not JOB_TITLE.search(p)
                    and not set(p.lower().split()) <= UNIT_WORDS and len(p.split()) <= 6), "")
        if org:
            out[one["who"].strip()] = org
    heads: dict[str, set[str]] = {}
    for org in out.values():
        heads.setdefault(org.split()[0], set()).add(org)
    for who, org in list(out.items()):
        same = heads[org.split()[0]]
        if len(same) > 1:  # "J. Roe (Acme Hazmat)", "T. Doe (Acme Operations)": two desks of one organization
            common = [w for w, *rest in zip(*(o.split() for o in same)) if all(r == w for r in rest)]
            out[who] = " ".join(common)
    surnames: dict[str, list[str]] = {}
    for who in out:
        surnames.setdefault(who.split()[-1], []).append(who)
    for last, names in surnames.items():
        if len(names) == 1 and last not in out:
            out[last] = out[names[0]]
    return out


def _participant_names(head: str) -> dict[str, str]:
    """The full names of an export's participants by the last words its lines may call them by:
    "Participants: Jane van Roe, John Doe (by phone)" -> {"van roe": "Jane van Roe", "roe": ..., "doe": "John
    Doe"}; a short form two participants share is left out."""
    m = _PARTICIPANTS.search(head)
    if not m:
        return {}
    seen: dict[str, set[str]] = {}
    for entry in _outside_brackets_split(m["list"]):
        full = re.sub(r"[ \t]{0,4}\([^()\n]{0,160}\)", "", entry).strip()
        words = full.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() or w in ("van", "de", "der", "den", "von", "da", "di", "la", "le")
                                               for w in words):
            continue
        for k in range(1, len(words)):
            seen.setdefault(" ".join(words[k:]).lower(), set()).add(full)
    return {short: next(iter(fulls)) for short, fulls in seen.items() if len(fulls) == 1}


def _chat_log(text: str, ctx: ReadContext) -> list[Document] | None:
    if (ctx.meta or {}).get("kind") not in (None, "", "chat"):
        return None  # the user said what this file is (e.g. a timestamped interview transcript)
    lines = text.split("\n")
    matches = [_match(line) for line in lines]
    first = next((n for n, m in enumerate(matches) if m), len(lines))
    filled = sum(1 for line in lines[first:] if line.strip())  # an export's header lines come first
    hits = sum(1 for m in matches if m)
    # lines that open a paragraph of their own, not a message's wrapped lines (an export wraps long messages)
    stray = sum(1 for n in range(first, len(lines)) if lines[n].strip() and not matches[n] and not lines[n - 1].strip())
    if hits < 2 or hits * 2 < filled and not (hits >= 3 and stray * 2 < hits):
        return None
    private = bool(first) and recorded_in_private(lines[:min(first, 3)])  # "AUDIO RECORDING - conversation of ...": no broadcast
    if first and _BROADCAST.search("\n".join(lines[:min(first, 8)])) and not private:
        return None  # "weekly livestream ... transcribed from the recording": a broadcast's timed turns, no chat
    head = "\n".join(lines[:first])  # the export's header lines, before its first message
    header = read_header(head) if first else None
    day_first = any(m and m.groupdict().get("a") and int(m["a"]) > 12 for m in matches)
    named_day = filename_date(ctx.display)
    if not day_first and named_day is not None and named_day.precision == "day":
        # "04/03/2018, 10:12 - ..." in "2018-03-04-crisis-chat.txt": the file's name says which comes first
        day_first = any(m and m.groupdict().get("a") and _slash_date(int(m["a"]), int(m["b"]), int(m["y"]), True)
                        == named_day.start != _slash_date(int(m["a"]), int(m["b"]), int(m["y"]), False) for m in matches)
        if not day_first:  # "06/06/2017" then "07/06/2017" in "2017-06-06-ops-chat.txt": the reading that keeps
            # the messages nearest the file's day (the next day, not a month later)
            day_first = _distance(matches, named_day.start, True) < _distance(matches, named_day.start, False)
    people = dict(ctx.config.people) if ctx.config.people else {}
    listed = _participant_orgs(head) if first else {}
    full_names = _participant_names(head) if first else {}
    current_day: DateValue | None = header.date if header is not None else None
    if current_day is None and first and (named_day is None or named_day.precision != "day"):
        # "#ops-bridge  (export, 2020-10-01, JST)": the export's heading names the day of its messages
        # (a file named by its day says it first: an export's own date may be a later one)
        iso = re.search(r"(?<!\d)((?:19|20)\d\d-\d\d-\d\d)(?!\d)", "\n".join(lines[:min(first, 6)]))
        current_day = parse_header_date(iso.group(1)) if iso else None
    out: list[tuple[int, str, DateValue | None, list[str]]] = []  # (line no, author, date, text lines)
    for no, (line, m) in enumerate(zip(lines, matches), 1):
        if m is None:
            day_line = _DATE_HEADER.match(line) if line.strip() else None
            value = parse_header_date(day_line["d"]) if day_line else None
            short = _WEEKDAY_SHORT.match(line) if value is None else None
            year = (named_day or current_day).start.year if short and (named_day or current_day) else None
            if short and year:  # "Tue 01/10" over a day's messages: the year the file's name or heading gives
                a, b = int(short["a"]), int(short["b"])
                d = _slash_date(a, b, year, day_first)
                value = DateValue.day(d, "header", line.strip()) if d else None
            if value is not None and len(line.strip()) <= 60:
                current_day = value
                continue
            labelled = _DATE_LABEL.search(line) if not (out and out[-1][3][-1:] and line[:1].isspace()) else None
            value = parse_header_date(labelled["d"].strip()) if labelled else None
            if value is not None:  # "--- Item 14 | Meeting date: 2021-09-09 | Topic: ... ---": the day of what follows
                current_day = value
                continue
            if out and line.strip():
                out[-1][3].append(line)  # continuation of a multi-line message
            continue
        gd = m.groupdict()
        date: DateValue | None = None
        who_group = next((g for g in ("who1", "who2", "who3", "who4", "who5", "who6") if gd.get(g)), "who2")
        raw_stamp = (line[:m.start(who_group)] if who_group in ("who1", "who2", "who3")
                     else line[m.start("time"):m.end("time")]).strip(" -[]")
        if gd.get("iso"):
            date = parse_header_date(gd["iso"])
        elif gd.get("pdate") and parse_header_date(gd["pdate"]) is not None:
            date = parse_header_date(gd["pdate"])
            raw_stamp = line[m.start("time"):m.end("pdate")].strip()
        elif gd.get("a"):
            d = _slash_date(int(gd["a"]), int(gd["b"]), int(gd["y"]), day_first)
            date = DateValue.day(d, "header", raw_stamp) if d else None
        else:
            date = current_day
        if date is not None:
            date = DateValue(date.start, date.end, date.precision, "header", raw_stamp)
        who = (gd.get("who1") or gd.get("who2") or gd.get("who3") or gd.get("who4") or gd.get("who5") or "")
        if gd.get("who6"):  # "Roe, Alice": the export's surname-first form, read as "Alice Roe"
            surname, given = gd["who6"].split(", ", 1)
            who = f"{given} {surname}"
        who = who.strip().lstrip("@~+")
        named = _NAME_AND_UNIT.fullmatch(who)
        held = _UNIT_AND_NAME.fullmatch(who)
        if held and (_INITIALS_NAME.fullmatch(held["name"]) or JOB_TITLE.search(held["unit"])
                     or set(held["unit"].lower().split()) <= UNIT_WORDS):
            who = held["name"]  # "Flight Dispatch (K. Nowak)", "OCC Duty Manager (Jane Roe)": the desk, then who wrote
        elif named:  # "Jane Roe (NOC Core Transport)": the person, then her team
            who = named["name"]
        else:
            one = _ONE_NAME_AND_ROLE.fullmatch(who)
            if one and (JOB_TITLE.search(one["role"]) or len(one["role"].split()) <= 3 and one["role"][:1].isupper()):
                who = one["name"]  # "Roe (EVP, Cabin Services)": a surname, then the writer's title; "Paula
                # (Comunicaciones)": a first name, then the writer's unit
        who = full_names.get(who.lower(), who)  # "Van Roe:" under "Participants: Jane van Roe, ...": Jane van Roe
        out.append((no, who, date, [gd.get("msg") or ""]))
    if not any(date is not None for _no, _who, date, _lines in out):
        # clock times with no day anywhere: a timestamped transcript, not a chat log -- unless every
        # message line names its writer first ("Alice Roe 6:46 PM: ...") and the file's name gives the day
        named = all(m is None or any(m.groupdict().get(g) for g in ("who4", "who5", "who6")) for m in matches)
        said_chat = bool(first) and bool(_CHAT_HEADING.search("\n".join(lines[:min(first, 6)]))) or private
        day = named_day if named or said_chat else None  # ("Chat export -- channel #crisis" over "[15:41] Jane R.: ...")
        if day is None or day.precision not in ("day", "month"):
            return None
        out = [(no, who, day, msg_lines) for no, who, _date, msg_lines in out]
    docs = []
    owner = header.organization if header and not _PLATFORM.fullmatch(header.organization.strip()) else ""
    requested = _EXPORTED_FOR.search("\n".join(lines[:first])) if first and not owner else None
    if requested:  # ("Export requested by: Information Security Office, Acme Telecom": the company, not its office)
        parts = [p.strip() for p in requested["by"].split(",") if p.strip()]
        unit = len(parts) >= 2 and parts[0].split()[-1].lower() in ("office", "department", "team", "unit", "division", "desk")
        owner = parts[-1] if unit and parts[-1][:1].isupper() else org_of_phrase(requested["by"])
    # ("Chat export -- "Crew ops" (Acme Teams)": the program that kept the log owns none of it)
    for no, who, date, msg_lines in out:
        while len(msg_lines) > 1 and not msg_lines[0].strip():
            msg_lines, no = msg_lines[1:], no + 1  # "Jane Roe  8:12 AM" over the message: it starts a line below
        body = "\n".join(msg_lines).rstrip()
        if not body.strip():
            continue
        docs.append(make_document(ctx, text=body, part=f"m{len(docs) + 1}", kind="chat", date=date,
                                  author=_bare_author(who), organization=people.get(who, "") or listed.get(who, "") or owner
                                  or (org_of_phrase(who) if ", " in who else ""),  # "[DIRECTOR, Acme product team]"
                                  line_base=no))
    orgs = {d.organization for d in docs if d.author not in people and d.author not in listed} - {""}
    orgs |= set(listed.values()) if len(set(listed.values())) == 1 and not orgs else set()
    # ("Participants: Jane Roe (Acme); John Doe (Acme)": unnamed writers inside the one organization listed)
    if len(orgs) == 1:  # one organization's meeting or channel: whoever the log names without one speaks inside it
        # (an organization the user's people config gives one writer is that writer's alone)
        docs = [d if d.organization else replace(d, organization=next(iter(orgs))) for d in docs]
    return docs or None


TEXT_SNIFFERS = [sniff_chat_log]
READERS: dict[str, Any] = {}


#: Abbreviated titles a chat name may carry before it, in the languages chats come in: "Ing.", "Lic.", "Tec.".
_NAME_TITLES = re.compile(r"^(?:Ing|Lic|Tec|Téc|Arq|Dra?|Sra?|Mr|Mrs|Ms|Eng|Engr|Atty)\.[ \t]{1,2}(?=[A-ZÀ-Þ])")


def _bare_author(who: str) -> str:
    """A chat name without its role or unit in brackets and an abbreviated title before it ("Ing. Ana Roe
    (Supervisor turno C)", "Jane Roe (IT)"): the person's name, when two words or more are left."""
    bare = _NAME_TITLES.sub("", re.sub(r"[ \t]{0,2}\([^()\n]{1,60}\)[ \t]*$", "", who.strip()))
    return bare if len(bare.split()) >= 2 and bare[:1].isupper() else who
