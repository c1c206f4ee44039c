"""The PolNeAR yardstick on a tiny synthetic split: reader, match rules, scorer, CLI, refusal of test.

Every article here is invented for these tests (people, places and events); no corpus text is
used, and no test needs the corpus on disk.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from components.__main__ import main as cli_main
from components.evaluation import polnear as pn
from components.evaluation import polnear_corpus as pn_corpus
from components.evaluation import polnear_match as pn_match
from components.evaluation import polnear_records as pn_records
from components.evaluation import polnear_score as pn_score

# --- a synthetic PolNeAR-format split ---------------------------------------------------------

BRIDGE = (
    "Mayor Elena Korsak said the Ostrel bridge would reopen in May. "
    "\u201cWe have replaced every cable,\u201d said Tomas Vell, the chief engineer. "
    "He added that the work cost four million crowns. "
    "Residents are believed to welcome the news."
)
DAM = "\u201cThe dam is safe,\u201d Inspector Ruth Halloran said. \u201cNobody needs to leave.\u201d"
COUNCIL = "The vote was close, said Councillor Ines Marwick, who warned that the levy would rise again."


def span(text: str, phrase: str, after: str = "") -> tuple[int, int]:
    """Offsets of ``phrase`` in ``text`` (its first occurrence after ``after``)."""
    start = text.index(phrase, text.index(after) + len(after) if after else 0)
    return start, start + len(phrase)


@dataclass
class Attr:
    """One attribution to write: role -> list of (start, end) fragments; label of the trigger."""

    roles: dict[str, list[tuple[int, int]]]
    label: str = "Attribution"
    extra_lines: list[str] = field(default_factory=list)


def ann_text(text: str, attrs: list[Attr], *, notes: bool = True) -> str:
    """Write BRAT standoff the way PolNeAR does (T lines per role, a trigger T, one E line)."""
    lines, t = [], 0
    for e, attr in enumerate(attrs, start=1):
        role_ids = []
        for role, frags in attr.roles.items():
            t += 1
            base = role.rstrip("0123456789")
            ranges = ";".join(f"{s} {e_}" for s, e_ in frags)
            lines.append(f"T{t}\t{base} {ranges}\t{' '.join(text[s:e_] for s, e_ in frags)}")
            role_ids.append((role, f"T{t}"))
        t += 1
        cue = attr.roles.get("Cue", [(0, 1)])[0]
        lines.append(f"T{t}\t{attr.label} {cue[0]} {cue[1]}\t{text[cue[0]:cue[1]]}")
        lines.append(f"E{e}\t{attr.label}:T{t} " + " ".join(f"{r}:{i}" for r, i in role_ids) + " ")
    if notes:
        lines.append("#1\tAnnotatorNotes T1\tinvented note")
        t += 1
        lines.append(f"T{t}\tDiscard 0 5\t{text[0:5]}")
    return "\n".join(lines) + "\n"


def bridge_attrs() -> list[Attr]:
    t = BRIDGE
    return [
        Attr({"Source": [span(t, "Mayor Elena Korsak")], "Cue": [span(t, "said")],
              "Content": [span(t, "the Ostrel bridge would reopen in May")]}),
        Attr({"Content": [span(t, "\u201cWe have replaced every cable,\u201d")], "Cue": [span(t, "said", "cable")],
              "Source": [span(t, "Tomas Vell, the chief engineer")]}),
        Attr({"Source": [span(t, "He")], "Cue": [span(t, "added")],
              "Content": [span(t, "that the work cost four million crowns")]}),
        Attr({"Cue": [span(t, "are believed")], "Content": [span(t, "to welcome the news")]},
             label="Attribution-no-source"),
    ]


def dam_attrs() -> list[Attr]:
    t = DAM
    return [Attr({"Content": [span(t, "\u201cThe dam is safe,\u201d"), span(t, "\u201cNobody needs to leave.\u201d")],
                  "Source": [span(t, "Inspector Ruth Halloran")], "Cue": [span(t, "said")]})]


def write_article(folder: Path, name: str, text: str, anns: dict[str, str]) -> None:
    (folder / "text").mkdir(parents=True, exist_ok=True)
    (folder / "attributions").mkdir(parents=True, exist_ok=True)
    (folder / "text" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    for annotator, content in anns.items():
        (folder / "attributions" / f"{name}_{annotator}.ann").write_text(content, encoding="utf-8")


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A PolNeAR-shaped checkout: data/dev with two articles, and a poisoned data/test."""
    root = tmp_path / "PolNeAR"
    dev = root / "data" / "dev"
    write_article(dev, "ledger_2031-05-02_ostrel-bridge", BRIDGE, {"a1b2": ann_text(BRIDGE, bridge_attrs())})
    # two annotators: the first in sorted order is read, the other file must be ignored
    write_article(dev, "courier_2031-05-03_dam-inspection", DAM,
                  {"c3d4": ann_text(DAM, dam_attrs()), "f9e8": "T1\tSource zero zero\tbroken\n"})
    # a test split that would fail loudly if anything read it
    write_article(root / "data" / "test", "secret", "never read", {"0000": "T1\tSource x y\tboom\n"})
    return root


# --- the reader --------------------------------------------------------------------------------


def test_reader_parses_spans_and_relations(checkout: Path) -> None:
    articles = pn_corpus.read_split(checkout, "dev")
    assert [a.name for a in articles] == ["courier_2031-05-03_dam-inspection", "ledger_2031-05-02_ostrel-bridge"]
    dam, bridge = articles
    assert dam.annotator == "c3d4"
    (inspection,) = dam.attributions
    assert len(inspection.content) == 2  # discontinuous content kept as two fragments
    assert inspection.source == "Inspector Ruth Halloran" and inspection.cue == "said"
    assert inspection.source_kind == "named" and inspection.resolved_by == "as written"

    assert bridge.annotator == "a1b2"
    assert bridge.skipped == {"implicit source": 1}
    assert len(bridge.unscored) == 1
    mayor, engineer, added = bridge.attributions
    assert BRIDGE[mayor.content[0][0]:mayor.content[0][1]] == "the Ostrel bridge would reopen in May"
    assert (mayor.source, mayor.cue) == ("Mayor Elena Korsak", "said")
    assert engineer.source == "Tomas Vell, the chief engineer"
    assert engineer.cue_start == span(BRIDGE, "said", "cable")[0]
    assert added.source == "He" and added.source_kind == "pronoun"
    # no coreference file: "He" takes the nearest earlier source
    assert (added.resolved_source, added.resolved_by) == ("Tomas Vell, the chief engineer", "nearest source")


def test_reader_accepts_the_data_folder_and_a_limit(checkout: Path) -> None:
    from_data = [a.name for a in pn_corpus.read_split(checkout / "data", "dev")]
    assert from_data == [a.name for a in pn_corpus.read_split(checkout, "dev")]
    assert len(pn_corpus.read_split(checkout, "dev", limit=1)) == 1


def test_parse_ann_reads_content2_and_skips_other_lines() -> None:
    ann = ("T1\tSource 0 4\tAnna\nT2\tCue 5 9\tsaid\nT3\tContent 10 14;20 24\txxxx yyyy\nT4\tContent 30 34\tzzzz\n"
           "T5\tAttribution 5 9\tsaid\nE1\tAttribution:T5 Source:T1 Cue:T2 Content:T3 Content2:T4\n"
           "#1\tAnnotatorNotes T1\tnote\nthe tail of a span text that held a newline\n")
    spans, events = pn_records.parse_ann(ann)
    assert spans["T3"].fragments == ((10, 14), (20, 24))
    (event,) = events
    assert event.label == "Attribution"
    assert ("Content", "T4") in event.roles  # Content2 is content


@pytest.mark.parametrize("split", ["test", "parc3-replication", "annotator-training", "validation"])
def test_only_train_and_dev_are_read(checkout: Path, split: str) -> None:
    error = pn_records.HeldOutSplitError if split == "test" else pn_records.PolnearError
    with pytest.raises(error):
        pn_corpus.read_split(checkout, split)


def test_cli_refuses_the_test_split(checkout: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["evaluate", "polnear", str(checkout), "--split", "test"]) == 2
    err = capsys.readouterr().err
    assert "held out" in err and "--split dev" in err


def test_not_a_checkout_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert pn.main(["polnear", str(tmp_path), "--split", "dev"]) == 2
    assert "not a PolNeAR checkout" in capsys.readouterr().err


def test_relative_pronoun_takes_the_phrase_before_it(tmp_path: Path) -> None:
    t = COUNCIL
    attrs = [Attr({"Source": [span(t, "who")], "Cue": [span(t, "warned")],
                   "Content": [span(t, "that the levy would rise again")]})]
    gold = pn_corpus.gold_from_ann("council", "x", t, ann_text(t, attrs, notes=False))
    (warning,) = gold.attributions
    assert warning.source_kind == "relative"
    assert pn_match.speaker_matches("Ines Marwick", warning.resolved_source)


def corenlp_xml(text: str, sentences: list[list[str]], chain: list[tuple[int, int, int]]) -> str:
    """A minimal CoreNLP XML file: the tokens given (each phrase's first occurrence) and one chain.

    ``chain`` holds (sentence, first token, one past the last token), 1-based as CoreNLP writes.
    """
    parts, after = ["<root><document><sentences>"], ""
    for sid, tokens in enumerate(sentences, start=1):
        parts.append(f'<sentence id="{sid}"><tokens>')
        for tid, phrase in enumerate(tokens, start=1):
            s, e = span(text, phrase, after)
            after = text[: e]
            parts.append(f'<token id="{tid}"><word>{phrase}</word><CharacterOffsetBegin>{s}</CharacterOffsetBegin>'
                         f"<CharacterOffsetEnd>{e}</CharacterOffsetEnd></token>")
        parts.append("</tokens></sentence>")
    parts.append("</sentences><coreference><coreference>")
    for sid, first, end in chain:
        parts.append(f"<mention><sentence>{sid}</sentence><start>{first}</start><end>{end}</end>"
                     f"<head>{first}</head><text>x</text></mention>")
    parts.append("</coreference></coreference></document></root>")
    return "".join(parts)


def test_coreference_chains_win_over_the_nearest_source(tmp_path: Path) -> None:
    """A CoreNLP chain that links "He" to the mayor is followed, though the engineer is nearer."""
    path = tmp_path / "bridge.txt.xml"
    path.write_text(corenlp_xml(BRIDGE, [["Elena", "Korsak"], ["Tomas"], ["He"]], [(1, 1, 3), (3, 1, 2)]),
                    encoding="utf-8")
    chains = pn_corpus.read_corenlp_chains(path)
    assert chains == [(span(BRIDGE, "Elena Korsak"), span(BRIDGE, "He"))]
    gold = pn_corpus.gold_from_ann("bridge", "x", BRIDGE, ann_text(BRIDGE, bridge_attrs()), chains=chains)
    added = gold.attributions[2]
    assert (added.resolved_source, added.resolved_by) == ("Elena Korsak", "corenlp")
    assert pn_corpus.read_corenlp_chains(tmp_path / "missing.xml") == []


def test_a_common_noun_source_also_matches_its_named_antecedent(tmp_path: Path) -> None:
    text = "Elena Korsak opened the session. The mayor said the budget was final."
    path = tmp_path / "session.txt.xml"
    path.write_text(corenlp_xml(text, [["Elena", "Korsak"], ["The", "mayor"]], [(1, 1, 3), (2, 1, 3)]),
                    encoding="utf-8")
    attrs = [Attr({"Source": [span(text, "The mayor")], "Cue": [span(text, "said")],
                   "Content": [span(text, "the budget was final")]})]
    gold = pn_corpus.gold_from_ann("session", "x", text, ann_text(text, attrs, notes=False),
                            chains=pn_corpus.read_corenlp_chains(path))
    (statement,) = gold.attributions
    assert statement.source_kind == "common" and statement.alternatives == ("Elena Korsak",)
    assert pn_match.speaker_matches_gold("Elena Korsak", statement)
    assert pn_match.speaker_matches_gold("mayor", statement)
    assert not pn_match.speaker_matches_gold("Tomas Vell", statement)


# --- the match rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("speaker", "source", "expected"),
    [
        ("Elena Korsak", "Mayor Elena Korsak", True),
        ("Tomas Vell", "Tomas Vell, the chief engineer", True),
        ("Korsak", "the mayor, Elena Korsak", True),
        ("Ostrel Ministry of Transport", "the ministry", True),
        ("Ostrel Ministry of Transport", "a spokesman for the Ostrel Ministry of Transport", True),
        ("\u201cthe Harbour Authority\u201d", "The Harbour Authority\u2019s", True),
        ("Democrat", "Democrats", True),
        ("Brandt campaign", "the Korsak campaign", False),
        ("Tomas Vell", "Mayor Elena Korsak", False),
        ("Tomas Vell", None, False),
        ("", "Tomas Vell", False),
    ],
    ids=["title", "apposition", "surname", "org-head", "spokesman-for", "quotes-possessive", "plural", "names-disjoint",
         "other-person", "unresolved", "empty"],
)
def test_speaker_match(speaker: str, source: str | None, expected: bool) -> None:
    assert pn_match.speaker_matches(speaker, source) is expected


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        (((40, 60),), ((0, 100),), True),  # inside a longer gold
        (((90, 110),), ((0, 100),), True),  # exactly half of the shorter
        (((95, 120),), ((0, 100),), False),  # a fifth of the shorter
        (((0, 10), (50, 60)), ((0, 12), (48, 62)), True),  # split quote against discontinuous gold
        (((200, 210),), ((0, 100),), False),
    ],
    ids=["inside", "half", "fifth", "fragments", "apart"],
)
def test_content_match(predicted: pn_records.Fragments, gold: pn_records.Fragments, expected: bool) -> None:
    assert pn_match.content_matches(predicted, gold) is expected


# --- the scorer on hand-made predictions -------------------------------------------------------


def quote(text: str, phrase: str, speaker: str, cue: str = "said", after: str = "") -> pn_records.PredictedQuote:
    start, end = span(text, phrase, after)
    return pn_records.PredictedQuote.from_contract({"speaker": speaker, "speaker_text": speaker, "cue": cue,
                                            "kind": "indirect", "text": phrase, "start": start, "end": end})


def test_scorer_counts_a_match_a_wrong_speaker_a_miss_and_a_false_positive(checkout: Path) -> None:
    bridge = pn_corpus.read_split(checkout, "dev")[1]
    predicted = [
        quote(BRIDGE, "the Ostrel bridge would reopen in May", "Elena Korsak"),  # match
        quote(BRIDGE, "We have replaced every cable", "Elena Korsak"),  # content right, speaker wrong
        quote(BRIDGE, "Mayor Elena Korsak", "Tomas Vell", cue="told"),  # no gold content: false positive
        quote(BRIDGE, "welcome the news", "Residents"),  # only the implicit-source gold: neutral
    ]  # "He added that ..." is not predicted: a miss
    score = pn_score.score_article(bridge, predicted)
    assert (score.n_gold, score.n_pred, score.n_neutral) == (3, 3, 1)
    figures = pn_score.article_figures(score)
    assert figures["content"] == {"p": round(2 / 3, 4), "r": round(2 / 3, 4), "f1": round(2 / 3, 4)}
    assert figures["attribution"] == {"p": round(1 / 3, 4), "r": round(1 / 3, 4), "f1": round(1 / 3, 4)}
    assert sorted((m.gold.cue, m.reason) for m in score.misses) == [("added", "content not found"),
                                                                     ("said", "wrong speaker")]
    assert sorted((fp.quote.cue, fp.reason) for fp in score.false_positives) == [("said", "wrong speaker"),
                                                                                 ("told", "no gold content")]

    summary = pn_score.summarize([score])
    assert summary["attribution"]["f1"] == round(1 / 3, 4)
    assert summary["skipped_gold"] == {"implicit source": 1}
    assert summary["missed_cues"]["content not found"] == [("added", 1)]
    assert summary["false_positive_cues"]["no gold content"] == [("told", 1)]
    kinds = {row["label"]: row for row in summary["by_source_kind"]}
    assert kinds["pronoun"]["gold"] == 1 and kinds["pronoun"]["attr_recall"] == 0.0


def test_a_pronoun_source_matches_its_antecedent(checkout: Path) -> None:
    bridge = pn_corpus.read_split(checkout, "dev")[1]
    cost = "the work cost four million crowns"
    right = pn_score.score_article(bridge, [quote(BRIDGE, cost, "Tomas Vell", "added")])
    wrong = pn_score.score_article(bridge, [quote(BRIDGE, cost, "Elena Korsak", "added")])
    assert right.gold_attr_hits == 1 and wrong.gold_attr_hits == 0 and wrong.gold_content_hits == 1


def test_empty_sides_score_like_the_acceptance_scorer() -> None:
    assert pn_score.prf(0, 0, 0, 0) == {"p": 1.0, "r": 1.0, "f1": 1.0}
    assert pn_score.prf(0, 3, 0, 0) == {"p": 0.0, "r": 1.0, "f1": 0.0}


# --- the real analysis, end to end -------------------------------------------------------------


def test_real_analysis_on_a_synthetic_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "PolNeAR"
    text = BRIDGE.rsplit(" Residents", 1)[0]  # three sentences, three attributions
    write_article(root / "data" / "train", "ledger_2031-05-02_ostrel-bridge", text,
                  {"a1b2": ann_text(text, bridge_attrs()[:3])})
    out = tmp_path / "report.json"
    assert cli_main(["evaluate", "polnear", str(root), "--split", "train", "--json", str(out), "--verbose"]) == 0
    printed = capsys.readouterr().out
    assert "attribution  P 1.000  R 1.000  F1 1.000" in printed
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["split"] == "train" and report["overall"]["gold"] == 3
    assert report["overall"]["content"]["f1"] == 1.0
    (article,) = report["articles"]
    assert article["misses"] == [] and article["false_positives"] == []


def test_an_article_the_analysis_fails_on_is_reported(checkout: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug in one extractor fails that article only: the others are still analyzed and scored."""
    import components.analysis

    real = components.analysis.iter_analyze

    def flaky(articles, **kwargs):
        articles = list(articles)
        if any("dam" in a.text for a in articles):
            raise ValueError("invented extractor bug")
        return real(articles, **kwargs)

    monkeypatch.setattr(components.analysis, "iter_analyze", flaky)
    report, scored, scores = pn.evaluate(checkout, "dev")
    assert report["analysis_errors"] == [{"article": "courier_2031-05-03_dam-inspection",
                                          "error": "ValueError: invented extractor bug"}]
    assert [g.name for g in scored] == ["ledger_2031-05-02_ostrel-bridge"] and len(scores) == 1
