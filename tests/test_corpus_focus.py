"""Who a news story's unnamed voice ("the company said") speaks for, with no claimcheck.yaml:
not a substance the story names, and the organization whose records the folder holds."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.corpus import build
from claimcheck.extract import ExtractSettings, extract_batch
from claimcheck.models import DateValue, Document, Source, Statement

DAY = DateValue.day(dt.date(2021, 9, 14), "header")


def _st(sid: str, doc: str, kind: str, role: str, org: str, text: str, speaker: str = "",
        entities: tuple[str, ...] = ()) -> Statement:
    return Statement(id=sid, document=doc, kind=kind, role=role, speaker=speaker, organization=org,  # type: ignore[arg-type]
                     date=DAY, text=text, source=Source("f", 1, 0, 1), entities=entities)


def _folder(news: list[Statement]) -> list[Statement]:
    docs = [Document(id="memo", path="lab/memo.docx", kind="memo"), Document(id="mail", path="mail/a.eml", kind="email"),
            Document(id="story", path="news/story.txt", kind="news")]
    records = [_st("i1", "memo", "internal", "evidence", "Acme Chemical Co", "The plant is releasing solvent to the lake.",
                   speaker="Jane Roe"),
               _st("i2", "mail", "internal", "evidence", "Acme Chemical Co", "We are still releasing solvent.",
                   speaker="John Doe")]
    return [s for s in build(records + news, docs) if s.document == "story"]


def test_an_unnamed_voice_in_a_story_speaks_for_the_folders_record_owner() -> None:
    out = _folder([_st("p1", "story", "public", "third-party", "Northgate Lake Alliance",
                       "The Acme plant has never released solvent into the lake.", entities=("Acme",))])
    assert [(s.organization, s.role) for s in out] == [("Acme Chemical Co", "claim")]


def test_a_voice_the_sentence_names_keeps_its_organization() -> None:
    named = [_st("p1", "story", "public", "third-party", "Northgate Lake Alliance",
                 "Northgate Lake Alliance said its samples found solvent near the Acme plant.",
                 entities=("Northgate Lake Alliance", "Acme")),
             _st("p2", "story", "public", "third-party", "Food and Drug Administration",
                 "The FDA said its laboratory found solvent in the Acme sample.", entities=("Acme",)),
             _st("p3", "story", "public", "third-party", "Northgate Lake Alliance",
                 "The Acme plant never released solvent.", speaker="Rita Moss", entities=("Acme",))]
    out = {s.id: (s.organization, s.role) for s in _folder(named)}
    assert out == {"p1": ("Northgate Lake Alliance", "third-party"), "p2": ("Food and Drug Administration", "third-party"),
                   "p3": ("Northgate Lake Alliance", "third-party")}


def test_a_story_that_never_names_the_record_owner_is_left_alone() -> None:
    out = _folder([_st("p1", "story", "public", "third-party", "Northgate Lake Alliance",
                       "The plant has never released solvent into the lake.")])
    assert [(s.organization, s.role) for s in out] == [("Northgate Lake Alliance", "third-party")]


STORY = """Residents ask what is in their water

Families along the Northgate River asked on Monday whether the Acme Chemical plant has been putting solvents into the river.

An environmental group, Northgate River Keepers, said its own samples found TCE in two private wells below the plant.

In a statement handed out at the meeting, the company said: "The Acme plant has never discharged TCE into the Northgate River."

TCE has been linked to kidney cancer.
"""


@pytest.mark.model
def test_a_substance_the_story_only_acts_upon_is_not_who_the_company_is() -> None:
    doc = Document(id="story", path="news/story.txt", text=STORY, kind="news", date=DAY)
    said = [s for s in extract_batch([doc], settings=ExtractSettings())[0] if "never discharged" in s.text]
    assert said and all(s.organization != "TCE" for s in said)
