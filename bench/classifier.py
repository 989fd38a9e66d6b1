"""How well the classifier hears a revocation in words: precision and recall on the held-out
corpus (bench/corpus/replies-held-out.tsv), per language and per medium, and its cost.

    python -m bench.classifier           (part of make bench)

A reply revokes when its label is a channel, channels or `all`; `none` and `doubtful` do
not (a doubtful reply is for a person to decide, SPEC 17: counted apart). The classifier
revokes when it answers an opt-out, or a switch to email that also ends texts; its
`doubtful` answer is no revocation. Channel accuracy: among the revocations heard, how many
name the labelled channels (an opt-out without channels counts as the medium's channel for
a keyword or a rule that stands for one, `all` for other words). Two doubtful counts: the
labelled-doubtful replies the classifier flagged doubtful, and the `none` replies it
flagged doubtful (noise in the reviewers' queue). The held-out file has parts: part 1 was
written before the rules; each later part ("# Added <date>: ...") was written apart from the
rules and appended unread; "part N sms" and "part N email" score each part by medium.
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from optout.consent.classifier.model import Classification

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "functions"), str(ROOT)]

CORPUS = ROOT / "bench" / "corpus"
LABELS = ("sms", "email", "call", "all", "none", "doubtful")
MEDIA = ("sms", "email")
LANGUAGES = ("en", "es", "fr")


@dataclass(frozen=True)
class Reply:
    medium: str
    lang: str
    revokes: frozenset[str]  # channels, {"all"}, {"none"} or {"doubtful"}
    text: str
    part: int = 1  # the file's part: a comment "# Added <date>: ..." starts the next one

    @property
    def is_revocation(self) -> bool:
        return not self.revokes & {"none", "doubtful"}


def load(name: str) -> list[Reply]:
    """The replies of replies-<name>.tsv; a malformed line is an error naming it."""
    replies = []
    path = CORPUS / f"replies-{name}.tsv"
    part = 1
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        part += line.startswith("# Added ")
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 4:
            raise ValueError(f"{path.name}:{number}: 4 tab-separated fields expected, got {len(fields)}")
        medium, lang, revokes, text = fields
        labels = frozenset(revokes.split("+"))
        if medium not in MEDIA or lang not in LANGUAGES or not labels <= set(LABELS) or not text.strip():
            raise ValueError(f"{path.name}:{number}: bad medium, language, label or empty text")
        replies.append(Reply(medium, lang, labels, text, part))
    return replies


def normalise_key(text: str) -> str:
    """A reply as the classifier reads it (case, accents, punctuation gone): two replies with
    one key are the same reply."""
    from optout.consent.classifier.normalise import normalise_text

    return normalise_text(text)


def heard(reply: Reply, found: Classification | None = None) -> frozenset[str]:
    """What the classifier says the reply revokes: channels, {"all"}, or nothing; the
    service's own reading (`revocations.revoked_channels`) for the medium the reply came by."""
    from optout.consent.channels import CHANNELS, Channel
    from optout.consent.classifier.engine import classify
    from optout.consent.revocations import revoked_channels

    found = found or classify(reply.text)
    if found.kind == "channel_email" or found.kind == "opt_out":  # a doubtful one is for a person
        channels = revoked_channels(found, Channel(reply.medium))
        return frozenset({"all"}) if len(channels) == len(CHANNELS) else frozenset(c.value for c in channels)
    return frozenset()


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    channel_right: int = 0
    doubtful: int = 0
    doubtful_revoked: int = 0
    doubtful_flagged: int = 0  # labelled doubtful, said doubtful
    none: int = 0
    none_flagged: int = 0  # labelled none, said doubtful: reviewer noise

    def add(self, reply: Reply, said: frozenset[str], doubtful: bool = False) -> None:
        if "none" in reply.revokes:
            self.none += 1
            self.none_flagged += doubtful
        if "doubtful" in reply.revokes:
            self.doubtful += 1
            self.doubtful_revoked += bool(said)
            self.doubtful_flagged += doubtful
        elif reply.is_revocation:
            if said:
                self.tp += 1
                self.channel_right += said == reply.revokes
            else:
                self.fn += 1
        elif said:
            self.fp += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(replies: list[Reply]) -> tuple[dict[str, Score], list[tuple[Reply, frozenset[str]]]]:
    """Scores by group (all, per language, per medium) and the replies it got wrong."""
    from optout.consent.classifier.engine import classify

    groups: dict[str, Score] = defaultdict(Score)
    wrong = []
    for reply in replies:
        found = classify(reply.text)
        said, doubtful = heard(reply, found), found.kind == "doubtful"
        for group in ("all", f"lang {reply.lang}", f"medium {reply.medium}", f"part {reply.part} {reply.medium}"):
            groups[group].add(reply, said, doubtful)
        if reply.is_revocation:  # recall per revoked channel
            for label in reply.revokes:
                groups[f"revokes {label}"].add(reply, said, doubtful)
        if "doubtful" not in reply.revokes and bool(said) != reply.is_revocation:
            wrong.append((reply, said))
    return dict(groups), wrong


def cost_us(replies: list[Reply], rounds: int = 20) -> float:
    """Microseconds per message, over every reply `rounds` times."""
    from optout.consent.classifier.engine import classify

    started = time.perf_counter()
    for _ in range(rounds):
        for reply in replies:
            classify(reply.text)
    return (time.perf_counter() - started) / (rounds * len(replies)) * 1e6


def classifier_figures() -> dict[str, object]:
    held_out, tune = load("held-out"), load("tune")
    groups, wrong = score(held_out)
    return {
        "held_out": len(held_out),
        "tune": len(tune),
        "groups": groups,
        "wrong": wrong,
        "cost_us": cost_us(held_out),
    }


def main() -> None:
    figures = classifier_figures()
    groups: dict[str, Score] = figures["groups"]  # type: ignore[assignment]
    print(f"held-out replies: {figures['held_out']} (tuning set: {figures['tune']}, not scored here)")
    print(
        f"{'group':<14} {'precision':>9} {'recall':>7} {'channel':>8} {'doubtful heard as revocation':>30}"
        f" {'doubtful flagged':>18} {'none flagged doubtful':>22}"
    )
    names = ["all", *(f"lang {x}" for x in LANGUAGES), *(f"medium {x}" for x in MEDIA)]
    names += [f"revokes {x}" for x in ("sms", "email", "call", "all") if f"revokes {x}" in groups]
    names += sorted(name for name in groups if name.startswith("part "))  # part 1: written before the rules
    for name in names:
        s = groups[name]
        channel = s.channel_right / s.tp if s.tp else 1.0
        print(
            f"{name:<14} {s.precision:>9.3f} {s.recall:>7.3f} {channel:>8.2f} {s.doubtful_revoked:>22} of {s.doubtful:<3}"
            f" {s.doubtful_flagged:>11} of {s.doubtful:<3} {s.none_flagged:>15} of {s.none:<3}"
        )
    print(f"cost: {figures['cost_us']:.0f} us per message")
    if os.environ.get("BENCH_SHOW_MISSES") == "1":  # never while tuning: it prints held-out lines
        for reply, said in figures["wrong"]:  # type: ignore[attr-defined]
            print(f"  {reply.medium} {reply.lang} {'+'.join(sorted(reply.revokes))} <- {sorted(said)}: {reply.text}")


if __name__ == "__main__":
    main()
