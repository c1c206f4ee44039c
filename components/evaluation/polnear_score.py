"""Scores of the PolNeAR yardstick: per article (hits, misses, false positives) and the
summary over a split (micro P/R/F1, by source kind and construction, the cues missed most).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from components.evaluation.polnear_match import (
    _MULTI_SENTENCE,
    QUOTE_CHARS,
    content_matches,
    speaker_matches_gold,
)
from components.evaluation.polnear_records import (
    ArticleScore,
    FalsePositive,
    GoldArticle,
    GoldAttribution,
    Miss,
    PredictedQuote,
)

# --- scoring ---------------------------------------------------------------------------------


def score_article(gold: GoldArticle, predicted: Sequence[PredictedQuote]) -> ArticleScore:
    """Score the predicted quotes of one article against its gold (many-to-many, lenient).

    Args:
        gold: the article's gold.
        predicted: our quotes of the same text (offsets into ``gold.text``).
    """
    golds = gold.attributions
    content_pairs = {
        (i, j) for i, g in enumerate(golds) for j, q in enumerate(predicted) if content_matches(q.spans, g.content)
    }
    attr_pairs = {(i, j) for i, j in content_pairs if speaker_matches_gold(predicted[j].speaker, golds[i])}
    neutral = {
        j for j, q in enumerate(predicted)
        if not any((i, j) in content_pairs for i in range(len(golds)))
        and any(content_matches(q.spans, u) for u in gold.unscored)
    }
    misses, hits, content_hits = [], [], []
    for i, g in enumerate(golds):
        matched = [j for (gi, j) in content_pairs if gi == i]
        if any((i, j) in attr_pairs for j in matched):
            hits.append(g)
            content_hits.append(g)
            continue
        if matched:
            content_hits.append(g)
            speakers = tuple(sorted({predicted[j].speaker for j in matched}))
            misses.append(Miss(gold=g, reason="wrong speaker", predicted_speakers=speakers))
        else:
            misses.append(Miss(gold=g, reason="content not found"))
    false_positives = []
    pred_content_hits = pred_attr_hits = 0
    for j, q in enumerate(predicted):
        if j in neutral:
            continue
        matched = [i for (i, pj) in content_pairs if pj == j]
        if any((i, j) in attr_pairs for i in matched):
            pred_attr_hits += 1
            pred_content_hits += 1
        elif matched:
            pred_content_hits += 1
            sources = tuple(sorted({golds[i].resolved_source or f"({golds[i].source}: unresolved)" for i in matched}))
            false_positives.append(FalsePositive(quote=q, reason="wrong speaker", gold_sources=sources))
        else:
            false_positives.append(FalsePositive(quote=q, reason="no gold content"))
    return ArticleScore(
        name=gold.name, coref=gold.coref, n_gold=len(golds), n_pred=len(predicted) - len(neutral),
        n_neutral=len(neutral),
        gold_content_hits=len(content_hits), gold_attr_hits=len(hits), pred_content_hits=pred_content_hits,
        pred_attr_hits=pred_attr_hits, skipped=dict(gold.skipped), misses=tuple(misses),
        false_positives=tuple(false_positives), hits=tuple(hits), content_hits=tuple(content_hits),
    )


def prf(hits_p: int, n_pred: int, hits_r: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 (1.0 for an empty side, as the acceptance scorer does).

    Args:
        hits_p: predictions that matched.
        n_pred: predictions scored.
        hits_r: gold items recalled.
        n_gold: gold items.
    """
    p = hits_p / n_pred if n_pred else 1.0
    r = hits_r / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def article_figures(score: ArticleScore) -> dict[str, Any]:
    """The per-article row: counts and content / attribution P/R/F1.

    Args:
        score: one article's counts.
    """
    return {
        "article": score.name, "gold": score.n_gold, "pred": score.n_pred, "neutral": score.n_neutral,
        "content": prf(score.pred_content_hits, score.n_pred, score.gold_content_hits, score.n_gold),
        "attribution": prf(score.pred_attr_hits, score.n_pred, score.gold_attr_hits, score.n_gold),
    }


def _cue_key(cue: str) -> str:
    cue = " ".join(cue.lower().split())
    return cue[:40] if cue else "(no cue)"


def gold_features(gold: GoldAttribution) -> list[str]:
    """Construction labels of a gold attribution, for the recall-by-construction table.

    Labels: quoted / unquoted content; the order of source (S), cue (V) and content (C);
    the source kind; "according to" and colon cues; multi-sentence and discontinuous content.

    Args:
        gold: one gold attribution.
    """
    labels = ["content quoted" if any(c in gold.content_text for c in QUOTE_CHARS) else "content unquoted"]
    positions = [("S", gold.source_start), ("V", gold.cue_start), ("C", gold.start)]
    labels.append("order " + " ".join(k for k, _ in sorted((p for p in positions if p[1] is not None),
                                                           key=lambda p: p[1])))
    labels.append(f"source {gold.source_kind}")
    cue = _cue_key(gold.cue)
    if cue.startswith("according"):
        labels.append("cue 'according to'")
    elif cue == ":":
        labels.append("cue ':'")
    elif cue == "(no cue)":
        labels.append("no cue")
    if _MULTI_SENTENCE.search(gold.content_text.strip(QUOTE_CHARS + " ")):
        labels.append("content multi-sentence")
    if len(gold.content) > 1:
        labels.append("content discontinuous")
    return labels


def summarize(scores: Sequence[ArticleScore], *, top: int = 15) -> dict[str, Any]:
    """Micro P/R/F1 over articles, recall by source kind and construction, and the top patterns.

    Args:
        scores: per-article counts.
        top: how many cues each pattern list keeps.
    """
    total = Counter[str]()
    skipped = Counter[str]()
    for s in scores:
        total.update({"gold": s.n_gold, "pred": s.n_pred, "neutral": s.n_neutral, "gold_content": s.gold_content_hits,
                      "gold_attr": s.gold_attr_hits, "pred_content": s.pred_content_hits,
                      "pred_attr": s.pred_attr_hits})
        skipped.update(s.skipped)
    feature_n, feature_attr, feature_content = Counter[str](), Counter[str](), Counter[str]()
    kind_n, kind_attr, kind_content = Counter[str](), Counter[str](), Counter[str]()
    resolution: Counter[str] = Counter()
    missed_cues: dict[str, Counter[str]] = {"content not found": Counter(), "wrong speaker": Counter()}
    fp_cues: dict[str, Counter[str]] = {"no gold content": Counter(), "wrong speaker": Counter()}
    fp_kinds: dict[str, Counter[str]] = {"no gold content": Counter(), "wrong speaker": Counter()}
    for s in scores:
        hit_ids = {g.id for g in s.hits}
        content_ids = {g.id for g in s.content_hits}
        for g in list(s.hits) + [m.gold for m in s.misses]:
            for label in gold_features(g):
                feature_n[label] += 1
                feature_attr[label] += g.id in hit_ids
                feature_content[label] += g.id in content_ids
            kind = g.source_kind or "none"
            kind_n[kind] += 1
            kind_attr[kind] += g.id in hit_ids
            kind_content[kind] += g.id in content_ids
            if kind not in ("named", "common"):
                resolution[f"{kind}: {g.resolved_by or 'unresolved'}"] += 1
        for m in s.misses:
            missed_cues[m.reason][_cue_key(m.gold.cue)] += 1
        for fp in s.false_positives:
            fp_cues[fp.reason][_cue_key(fp.quote.cue)] += 1
            fp_kinds[fp.reason][fp.quote.kind or "?"] += 1

    def table(n: Counter[str], attr: Counter[str], content: Counter[str]) -> list[dict[str, Any]]:
        return [
            {"label": k, "gold": v, "attr_recall": round(attr[k] / v, 4), "content_recall": round(content[k] / v, 4)}
            for k, v in n.most_common()
        ]

    return {
        "articles": len(scores),
        "gold": total["gold"], "pred": total["pred"], "neutral_pred": total["neutral"],
        "skipped_gold": dict(skipped), "articles_without_coref": sum(not s.coref for s in scores),
        "pronoun_resolution": dict(sorted(resolution.items())),
        "content": prf(total["pred_content"], total["pred"], total["gold_content"], total["gold"]),
        "attribution": prf(total["pred_attr"], total["pred"], total["gold_attr"], total["gold"]),
        "counts": dict(total),
        "by_source_kind": table(kind_n, kind_attr, kind_content),
        "by_construction": table(feature_n, feature_attr, feature_content),
        "missed_cues": {reason: c.most_common(top) for reason, c in missed_cues.items()},
        "false_positive_cues": {reason: c.most_common(top) for reason, c in fp_cues.items()},
        "false_positive_kinds": {reason: dict(c) for reason, c in fp_kinds.items()},
    }


