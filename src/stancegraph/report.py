"""Text for the terminal: evaluation tables and explanations. Pure functions."""

from __future__ import annotations

from collections.abc import Mapping

from stancegraph.evaluation import Edge, Score
from stancegraph.knowledge import Knowledge
from stancegraph.model import STANCES, StanceAssertion
from stancegraph.pipeline import Explanation


def _name(qid: str, labels: Mapping[str, str]) -> str:
    return f"{labels.get(qid, '?')} ({qid})"


def _edge(edge: Edge, labels: Mapping[str, str]) -> str:
    return f"{_name(edge[0], labels)} -{edge[1]}-> {_name(edge[2], labels)}"


def evaluation_text(scores: dict[str, Score], knowledge: Knowledge,
                    evidence: Mapping[tuple[str, Edge], StanceAssertion]) -> str:
    """Per-article rows with every false positive and negative, then the totals."""
    labels = {a.qid: a.label for a in knowledge.actors.values() if a.qid}
    lines = []
    for row in scores["all"].articles:
        lines.append(f"{row.article}: predicted {row.predicted} ({row.allowed} allowed), "
                     f"found {row.found}/{row.required}")
        for edge in row.false_positives:
            lines.append(f"   FP {_edge(edge, labels)}")
            said = evidence.get((row.article, edge))
            if said is not None:
                lines.append(f"      cue {said.cue!r}, rule {said.rule}: {said.evidence}")
        for item in row.false_negatives:
            lines.append("   FN " + " | ".join(_edge(e, labels) for e in item))
    lines.append("")
    lines.append(f"{'stances':<10} {'P':>6} {'R':>6} {'F1':>6} {'predicted':>10} {'found':>9}")
    for key in ("all", "core", *STANCES):
        s = scores[key]
        lines.append(f"{key:<10} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.predicted:10d} "
                     f"{s.found:>4d}/{s.required:<4d}")
    lines.append(f"F1 all={scores['all'].f1:.3f} core={scores['core'].f1:.3f}")
    return "\n".join(lines)


def explanation_text(explanation: Explanation, knowledge: Knowledge, text: str) -> str:
    """Each sentence that names an actor: its assertions, or why it made none."""
    label = {a.id: a.label for a in knowledge.actors.values()}
    lines = []
    for index, sentence in enumerate(explanation.sentences):
        named = [m for m in explanation.mentions if sentence.start <= m.start < sentence.end]
        made = [a for a in explanation.assertions if a.start == sentence.start and a.end == sentence.end]
        notes = [n for n in explanation.notes if n.sentence == index]
        if not named and not made:
            continue
        lines.append(f"[{sentence.start}:{sentence.end}] {text[sentence.start:sentence.end]}")
        for a in made:
            speaker = a.speaker.name or label.get(a.speaker.actor, a.speaker.actor) if a.speaker else "-"
            lines.append(f"   {label.get(a.holder, a.holder)} -{a.stance}-> {label.get(a.target, a.target)}"
                         f"  cue {a.cue!r}  rule {a.rule}  speaker {speaker}  confidence {a.confidence:.2f}"
                         f"  {a.modality}")
        for note in notes:
            lines.append(f"   no edge: {note.stance} cue {text[note.start:note.end]!r}: {note.reason}")
        if not made and not notes:
            actors = sorted({label.get(m.actor, m.actor) for m in named if m.actor})
            lines.append(f"   no edge: names {', '.join(actors) or 'only people out of office'} "
                         f"but holds no stance cue")
    return "\n".join(lines)
