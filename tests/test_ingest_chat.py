"""Chat exports: a Slack export folder written by the test, and plain chat logs in each layout."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.config import CorpusConfig
from claimcheck.ingest.base import context_for
from claimcheck.ingest.chat import (
    FOLDER_READERS, TEXT_SNIFFERS, is_slack_export, read_slack_export, slack_text, sniff_chat_log,
)


def ts(y: int, mo: int, d: int, h: int = 12, mi: int = 0) -> str:
    return f"{dt.datetime(y, mo, d, h, mi, tzinfo=dt.timezone.utc).timestamp():.6f}"


def write_slack(root: Path) -> Path:
    export = root / "slack"
    (export / "sales").mkdir(parents=True)
    (export / "users.json").write_text(json.dumps([
        {"id": "U1", "name": "jroe", "real_name": "Jane Roe", "profile": {"email": "jane@contoso.com"}},
        {"id": "U2", "name": "jdoe", "profile": {"real_name": "John Doe"}},
    ]))
    (export / "channels.json").write_text(json.dumps([{"id": "C1", "name": "sales"}]))
    (export / "sales" / "2019-03-14.json").write_text(json.dumps([
        {"type": "message", "subtype": "channel_join", "user": "U2", "text": "<@U2> has joined", "ts": ts(2019, 3, 14, 8)},
        {"type": "message", "user": "U1", "text": "We shipped 200 units to <@U2>'s team &amp; more", "ts": ts(2019, 3, 14, 9, 2)},
        {"type": "message", "user": "U2", "text": "See <https://example.org/doc|the plan>", "ts": ts(2019, 3, 14, 9, 5),
         "thread_ts": ts(2019, 3, 14, 9, 2)},
        {"type": "message", "user": "U9", "text": "", "ts": ts(2019, 3, 14, 9, 6)},
    ], indent=1))
    (export / "sales" / "2019-03-15.json").write_text(json.dumps({"not": "a list"}))
    (export / "sales" / "2019-03-16.json").write_text("[{\"ts\": ")
    (export / "sales" / "notes.txt").write_text("not part of the export format")
    return export


def test_registered():
    assert FOLDER_READERS == [(is_slack_export, read_slack_export)]
    assert TEXT_SNIFFERS == [sniff_chat_log]


def test_slack_export_one_document_per_message(tmp_path):
    export = write_slack(tmp_path)
    assert is_slack_export(export) and not is_slack_export(export / "sales")
    results = read_slack_export(export, CorpusConfig(root=tmp_path))
    by_path = {r.record.path: r for r in results}
    assert set(by_path) == {"slack/users.json", "slack/channels.json", "slack/sales/2019-03-14.json",
                            "slack/sales/2019-03-15.json", "slack/sales/2019-03-16.json"}
    assert by_path["slack/users.json"].record.status == "skipped"
    day = by_path["slack/sales/2019-03-14.json"]
    assert day.record.status == "parsed"
    got = [(d.part, d.kind, d.author, d.organization, d.date.iso(), d.date.precision, d.date.source, d.text, d.title)
           for d in day.documents]
    assert got == [
        ("m1", "chat", "Jane Roe", "Contoso", "2019-03-14", "day", "header", "We shipped 200 units to @John Doe's team & more", "#sales"),
        ("m2", "chat", "John Doe", "", "2019-03-14", "day", "header", "See the plan", "#sales"),
    ]
    assert day.record.documents == tuple(d.id for d in day.documents)
    assert day.documents[1].in_reply_to == day.documents[0].message_id
    # the line of each message in the day file (where its ts is written)
    raw = (export / "sales" / "2019-03-14.json").read_text().split("\n")
    assert day.documents[0].message_id in raw[day.documents[0].line_base - 1]


def test_slack_bad_day_files_fail_with_reason(tmp_path):
    results = {r.record.path: r for r in read_slack_export(write_slack(tmp_path), CorpusConfig(root=tmp_path))}
    not_list = results["slack/sales/2019-03-15.json"]
    assert not_list.record.status == "failed" and "not a list of messages" in not_list.record.reason
    assert not_list.errors and not_list.errors[0].path == "slack/sales/2019-03-15.json"
    assert results["slack/sales/2019-03-16.json"].record.status == "failed"
    assert "not valid JSON" in results["slack/sales/2019-03-16.json"].record.reason


def test_slack_users_json_not_a_list(tmp_path):
    export = write_slack(tmp_path)
    (export / "users.json").write_text("{}")
    results = {r.record.path: r for r in read_slack_export(export, CorpusConfig(root=tmp_path))}
    assert results["slack/users.json"].record.status == "failed"
    day = results["slack/sales/2019-03-14.json"]
    assert [d.author for d in day.documents] == ["U1", "U2"]  # ids when names are unknown


def test_slack_text_markup():
    users = {"U1": ("Jane Roe", "")}
    assert slack_text("<@U1> see <#C1|general> <!here> <http://x.org> &lt;b&gt;", users) == \
        "@Jane Roe see #general @here http://x.org <b>"


LOGS = {
    "bracket-iso": "[2019-03-14 09:02] alice: we ship in April\n[2019-03-15 09:05] bob: ok\n",
    "whatsapp-us": "3/14/19, 9:02 AM - alice: we ship in April\n3/15/19, 10:00 PM - bob: ok\n",
    "whatsapp-ios": "[3/14/19, 9:02:11 AM] alice: we ship in April\n[3/15/19, 9:03:11 AM] bob: ok\n",
    "day-first": "14/03/2019, 09:02 - alice: we ship in April\n15/03/2019, 09:03 - bob: ok\n",
    "irc-iso": "2019-03-14T09:02:11Z <alice> we ship in April\n2019-03-15T09:05:00Z <bob> ok\n",
    "date-header": "--- Day changed Thu Mar 14 2019\n[09:02] alice: we ship in April\n"
                   "=== March 15, 2019 ===\n[09:05] bob: ok\n",
}


@pytest.mark.parametrize("layout", sorted(LOGS))
def test_chat_log_layouts(layout):
    text = LOGS[layout]
    docs = sniff_chat_log(text, context_for(text.encode(), Path("chat.txt"), "chat.txt"))
    assert docs is not None
    got = [(d.part, d.kind, d.author, d.date.iso(), d.date.source, d.text) for d in docs]
    assert got == [("m1", "chat", "alice", "2019-03-14", "header", "we ship in April"),
                   ("m2", "chat", "bob", "2019-03-15", "header", "ok")]
    lines = text.split("\n")
    assert all(d.text in lines[d.locate(0)[0] - 1] for d in docs)  # line of each message in the file


def test_continuation_lines_and_people_config():
    text = "[2019-03-14 09:02] Jane Roe: first line\nsecond line\n[2019-03-14 09:03] Bob: ok\n"
    cfg = CorpusConfig(people=(("Jane Roe", "Contoso Corp"),))
    docs = sniff_chat_log(text, context_for(text.encode(), Path("c.txt"), config=cfg))
    assert [(d.text, d.organization) for d in docs] == [("first line\nsecond line", "Contoso Corp"), ("ok", "")]


def test_bad_timestamp_leaves_message_undated():
    text = "[2019-13-45 09:02] alice: bad day\n[2019-03-14 09:05] bob: ok\n"
    docs = sniff_chat_log(text, context_for(text.encode(), Path("c.txt")))
    assert [(d.author, d.date.known) for d in docs] == [("alice", False), ("bob", True)]


@pytest.mark.parametrize("text", [
    "This is a news story.\nIt has: colons in it.\n10:30 the meeting began.\n",
    "[00:01] HOST: welcome\n[00:02] GUEST: thanks\n",  # timestamped transcript with no day
    "",
])
def test_not_chat_logs(text):
    assert sniff_chat_log(text, context_for(text.encode(), Path("t.txt"))) is None


def test_meta_kind_overrides_chat_sniffing():
    text = LOGS["bracket-iso"]
    ctx = context_for(text.encode(), Path("t.txt"), meta={"kind": "interview"})
    assert sniff_chat_log(text, ctx) is None


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("[]2019-03-14 09:02/AMP<>alice:bob\n,.")), max_size=300))
def test_fuzz_chat_sniffer_never_raises(text):
    docs = sniff_chat_log(text, context_for(text.encode(), Path("f.txt")))
    assert docs is None or all(d.kind == "chat" for d in docs)


@settings(max_examples=15, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.sampled_from(["ts", "user", "text", "subtype"]), c, max_size=4),
                    max_leaves=12))
def test_fuzz_slack_day_files(tmp_path_factory, value):
    root = tmp_path_factory.mktemp("s")
    export = root / "ex"
    (export / "c").mkdir(parents=True)
    (export / "users.json").write_text("[]")
    (export / "c" / "2020-01-01.json").write_text(json.dumps(value))
    results = read_slack_export(export, CorpusConfig(root=root))
    assert {r.record.status for r in results} <= {"parsed", "skipped", "failed"}
    assert len(results) == 2


def test_surname_first_chat_dated_by_file_name():
    """``Roe, Jane 16:05: ...`` lines with no day in the file: one message each, writer read as
    "Jane Roe", dated by the file's name."""
    text = ("Instant-message export - trading desk\nTimes: London\n\n"
            "Roe, Jane 16:02: the book moved against us again\nDoe, John 16:03: how much?\n"
            "Roe, Jane 16:05: we are down more than 500m on the year\n")
    ctx = context_for(text.encode(), Path("2012-03-23-desk-chat.txt"), "internal/2012-03-23-desk-chat.txt")
    docs = sniff_chat_log(text, ctx)
    assert docs is not None
    got = [(d.part, d.kind, d.author, d.date.iso(), d.text, d.locate(0)[0]) for d in docs]
    assert got == [("m1", "chat", "Jane Roe", "2012-03-23", "the book moved against us again", 4),
                   ("m2", "chat", "John Doe", "2012-03-23", "how much?", 5),
                   ("m3", "chat", "Jane Roe", "2012-03-23", "we are down more than 500m on the year", 6)]


def test_time_then_parenthesised_date_and_role_labels():
    """``Jane Roe 11:04 AM (Nov 16, 2020): ...`` carries its own day; a role label ("Comms lead")
    is a writer too."""
    text = ("Exhibit -- message threads\n\n"
            "Jane Roe 9:12 PM (Nov 15, 2020): the claim is absurd\n"
            "Comms lead 11:04 AM (Nov 16, 2020): nobody believes it\n"
            "Jane Roe 11:09 AM (Nov 16, 2020): ok\n")
    docs = sniff_chat_log(text, context_for(text.encode(), Path("texts.txt"), "texts.txt"))
    assert docs is not None
    assert [(d.author, d.date.iso(), d.text) for d in docs] == [
        ("Jane Roe", "2020-11-15", "the claim is absurd"), ("Comms lead", "2020-11-16", "nobody believes it"),
        ("Jane Roe", "2020-11-16", "ok")]


def test_name_first_chat_without_any_day_is_not_a_chat():
    text = "Jane Roe 9:02 AM: we ship in April\nJohn Doe 9:05 AM: ok\n"
    assert sniff_chat_log(text, context_for(text.encode(), Path("notes.txt"), "notes.txt")) is None
