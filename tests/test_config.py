"""claimcheck.yaml and FILE.meta.yaml: loading, overrides applied to documents, every problem reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.config import CorpusConfig, load_corpus_config, load_sidecar
from claimcheck.errors import ConfigError
from claimcheck.ingest import WalkOptions, ingest_paths

CONFIG = """\
focus: Contoso Corp
aliases:
  Contoso Corp: [Contoso, Contoso Inc., CTSO, contoso.com]
people:
  Jane Roe: Contoso Corp
documents:
  "releases/*.txt": {kind: press-release}
  "statement.md": {date: "2020-06-11", source: "Contoso newsroom"}
"""


def test_no_config_is_empty(tmp_path):
    cfg = load_corpus_config(tmp_path)
    assert cfg == CorpusConfig(root=tmp_path)
    assert cfg.alias_pairs() == () and cfg.focus == ""


def test_load_config(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text(CONFIG)
    cfg = load_corpus_config(tmp_path)
    assert cfg.focus == "Contoso Corp"
    assert ("CTSO", "Contoso Corp") in cfg.alias_pairs()
    assert cfg.people == (("Jane Roe", "Contoso Corp"),)
    assert cfg.organization_for("mail.contoso.com") == "Contoso Corp"
    assert cfg.organization_for("notcontoso.com") == ""
    assert cfg.meta_for("releases/a.txt") == {"kind": "press-release"}
    m = cfg.meta_for("statement.md")
    assert m["date"].iso() == "2020-06-11" and m["date"].source == "config" and m["publisher"] == "Contoso newsroom"


def test_config_and_sidecar_applied_to_documents(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text(CONFIG)
    (tmp_path / "releases").mkdir()
    (tmp_path / "releases" / "r1.txt").write_text("Contoso will ship the product.\n")
    (tmp_path / "statement.md").write_text("We will ship.\n")
    (tmp_path / "note.txt").write_text("Internal note text.\n")
    (tmp_path / "note.txt.meta.yaml").write_text("date: 2019-05\nkind: memo\nauthor: Jane Roe\n")
    res = {r.record.path: r for r in ingest_paths([tmp_path])}
    assert res["claimcheck.yaml"].record.status == "skipped" and res["claimcheck.yaml"].record.reason == "metadata file"
    assert res["note.txt.meta.yaml"].record.reason == "metadata file"
    r1 = res["releases/r1.txt"].documents[0]
    assert r1.kind == "press-release" and r1.focus == "Contoso Corp" and ("Contoso", "Contoso Corp") in r1.aliases
    st = res["statement.md"].documents[0]
    assert st.date.iso() == "2020-06-11" and st.date.source == "config" and st.publisher == "Contoso newsroom"
    note = res["note.txt"].documents[0]
    assert (note.date.iso(), note.date.precision, note.date.source) == ("2019-05", "month", "sidecar")
    assert note.kind == "memo" and note.author == "Jane Roe"


def test_sidecar_beats_config_glob(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text('documents:\n  "*.txt": {kind: news, date: "2020-01-01"}\n')
    (tmp_path / "a.txt").write_text("Text.\n")
    (tmp_path / "a.txt.meta.yaml").write_text("kind: memo\n")
    doc = next(r for r in ingest_paths([tmp_path]) if r.record.path == "a.txt").documents[0]
    assert doc.kind == "memo" and doc.date.iso() == "2020-01-01"


def problems_of(exc: ConfigError) -> list[str]:
    return [str(p) for p in exc.problems]


def test_every_problem_reported_with_positions(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text(
        "focus: Contoso\n"
        "alias: {}\n"                                   # unknown key -> did you mean aliases
        "people: [a, b]\n"                              # wrong type
        "documents:\n"
        '  "a.txt": {kind: pressrelease, date: "June-ish", colour: red}\n')
    with pytest.raises(ConfigError) as info:
        load_corpus_config(tmp_path)
    msgs = problems_of(info.value)
    assert any(":2:1: unknown key 'alias' (did you mean 'aliases'?)" in m for m in msgs)
    assert any(":3:1: 'people' must be a mapping" in m for m in msgs)
    assert any(":5:" in m and "bad kind 'pressrelease' (did you mean 'press-release'?)" in m for m in msgs)
    assert any(":5:" in m and "bad date 'June-ish'" in m for m in msgs)
    assert any(":5:" in m and "unknown key 'colour'" in m for m in msgs)
    assert all(m.startswith(str(tmp_path / "claimcheck.yaml")) for m in msgs)


def test_duplicate_key_and_syntax_error(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text("focus: A\nfocus: B\n")
    with pytest.raises(ConfigError) as info:
        load_corpus_config(tmp_path)
    assert ":2:1: duplicate key 'focus'" in problems_of(info.value)[0]
    (tmp_path / "claimcheck.yaml").write_text("focus: [A\n")
    with pytest.raises(ConfigError) as info:
        load_corpus_config(tmp_path)
    assert "YAML syntax error" in problems_of(info.value)[0]


def test_bad_sidecar(tmp_path):
    side = tmp_path / "x.txt.meta.yaml"
    side.write_text("date: 2020-13-45\nkind: nope\nsoruce: x\n")
    with pytest.raises(ConfigError) as info:
        load_sidecar(side)
    msgs = problems_of(info.value)
    assert len(msgs) == 3
    assert any(":3:1: unknown key 'soruce' (did you mean 'source'?)" in m for m in msgs)


def test_ingest_raises_before_yielding_with_all_problems(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text("focsu: A\n")
    (tmp_path / "a.txt").write_text("Text.\n")
    (tmp_path / "a.txt.meta.yaml").write_text("kind: wrong\n")
    stream = None
    with pytest.raises(ConfigError) as info:
        stream = ingest_paths([tmp_path])
    assert stream is None
    msgs = problems_of(info.value)
    assert len(msgs) == 1
    assert msgs[0].startswith(f"{tmp_path.as_posix()}/claimcheck.yaml:1:1:")


def test_broken_sidecar_fails_its_file_not_the_scan(tmp_path):
    (tmp_path / "a.txt").write_text("Text.\n")
    (tmp_path / "a.txt.meta.yaml").write_text("kind: wrong\n")
    (tmp_path / "b.txt").write_text("Other text.\n")
    res = {r.record.path: r.record for r in ingest_paths([tmp_path])}
    assert res["a.txt"].status == "failed"
    assert res["a.txt"].reason.startswith(f"broken sidecar {tmp_path.as_posix()}/a.txt.meta.yaml:1:1: bad kind")
    assert res["b.txt"].status == "parsed"


def test_single_file_uses_parent_config(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text("focus: Contoso Corp\n")
    p = tmp_path / "a.txt"
    p.write_text("Text.\n")
    doc = next(iter(ingest_paths([p]))).documents[0]
    assert doc.focus == "Contoso Corp"


def test_empty_config_file_is_fine(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text("# nothing yet\n")
    assert load_corpus_config(tmp_path).focus == ""


def test_display_path_is_given_path(tmp_path: Path):
    (tmp_path / "claimcheck.yaml").write_text("nope: 1\n")
    with pytest.raises(ConfigError) as info:
        load_corpus_config(tmp_path, display="corpus/claimcheck.yaml")
    assert problems_of(info.value)[0].startswith("corpus/claimcheck.yaml:1:1: unknown key 'nope'")


def test_control_character_in_config_is_a_config_error(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text("focus: A\x1b\n")
    with pytest.raises(ConfigError) as info:
        load_corpus_config(tmp_path)
    assert "YAML error" in problems_of(info.value)[0]


def test_nested_config_applies_to_its_subtree(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text("focus: Top Org\n")
    case = tmp_path / "case-a"
    case.mkdir()
    (case / "claimcheck.yaml").write_text('focus: Case Org\ndocuments:\n  "notes/*.txt": {kind: memo}\n')
    (case / "notes").mkdir()
    (case / "notes" / "n.txt").write_text("Inner note.\n")
    (tmp_path / "top.txt").write_text("Top text.\n")
    res = {r.record.path: r for r in ingest_paths([tmp_path], walk=WalkOptions(nested_configs=True))}
    inner = res["case-a/notes/n.txt"].documents[0]
    assert inner.focus == "Case Org" and inner.kind == "memo"
    assert res["top.txt"].documents[0].focus == "Top Org"
    assert res["case-a/claimcheck.yaml"].record.reason == "metadata file"


def test_nested_config_problems_fail_its_subtree_with_path(tmp_path):
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "claimcheck.yaml").write_text("focus: A\nfocus: B\n")
    (tmp_path / "case" / "in.txt").write_text("Inside.\n")
    (tmp_path / "out.txt").write_text("Outside.\n")
    res = {r.record.path: r.record for r in ingest_paths([tmp_path], walk=WalkOptions(nested_configs=True))}
    assert res["case/in.txt"].status == "failed"
    assert res["case/in.txt"].reason.startswith(
        f"broken {tmp_path.as_posix()}/case/claimcheck.yaml: {tmp_path.as_posix()}/case/claimcheck.yaml:2:1: duplicate key")
    assert res["out.txt"].status == "parsed"


def test_nested_config_and_sidecar_not_used_by_default(tmp_path):
    (tmp_path / "case").mkdir()
    (tmp_path / "case" / "claimcheck.yaml").write_text('ignore: ["*"]\ndocuments: {"*": {kind: press-release}}\n')
    (tmp_path / "case" / "m.txt").write_text("Internal words.\n")
    (tmp_path / "case" / "m.txt.meta.yaml").write_text("kind: press-release\n")
    res = {r.record.path: r for r in ingest_paths([tmp_path])}
    assert res["case/m.txt"].record.status == "parsed"
    assert res["case/m.txt"].documents[0].kind != "press-release"
    assert res["case/claimcheck.yaml"].record.reason == "claimcheck.yaml not used: below the scan root (--nested-configs applies it)"
    assert res["case/m.txt.meta.yaml"].record.reason == "sidecar not used: below the scan root (--nested-configs applies it)"


def test_ignore_globs_skip_files_with_reason(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text('ignore: [README.md, "drafts/*"]\n')
    (tmp_path / "README.md").write_text("About this folder.\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.txt").write_text("Draft.\n")
    (tmp_path / "keep.txt").write_text("Evidence.\n")
    res = {r.record.path: r.record for r in ingest_paths([tmp_path])}
    assert (res["README.md"].status, res["README.md"].reason) == ("skipped", "ignored by claimcheck.yaml")
    assert res["drafts/d.txt"].reason == "ignored by claimcheck.yaml"
    assert res["keep.txt"].status == "parsed"


def test_ignore_must_be_globs(tmp_path):
    (tmp_path / "claimcheck.yaml").write_text("ignore: {a: 1}\n")
    with pytest.raises(ConfigError) as info:
        load_corpus_config(tmp_path)
    assert ":1:1: 'ignore' must be a list of file globs" in problems_of(info.value)[0]


def test_orphan_sidecar_reported(tmp_path):
    (tmp_path / "gone.txt.meta.yaml").write_text("kind: memo\n")
    (rec,) = [r.record for r in ingest_paths([tmp_path])]
    assert (rec.status, rec.reason) == ("skipped", "metadata file for a missing file 'gone.txt'")
