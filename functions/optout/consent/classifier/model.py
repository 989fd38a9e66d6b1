"""What the classifier answers (`Classification`) and the keyword lists it reads
(`KeywordConfig`: the built-in ones plus configured extras)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from optout.consent.channels import Channel
from optout.consent.classifier.normalise import normalise_text
from optout.consent.classifier.words import HELP_KEYWORDS, OPT_IN_KEYWORDS, OPT_OUT_KEYWORDS

Kind = Literal["opt_out", "opt_in", "help", "channel_email", "affirmative", "doubtful", "reply"]


@dataclass(frozen=True)
class KeywordConfig:
    opt_out: frozenset[str] = OPT_OUT_KEYWORDS
    opt_in: frozenset[str] = OPT_IN_KEYWORDS
    help_words: frozenset[str] = HELP_KEYWORDS

    @classmethod
    def with_extras(
        cls, opt_out: Iterable[str] = (), opt_in: Iterable[str] = (), help_words: Iterable[str] = ()
    ) -> KeywordConfig:
        """The built-in lists plus configured extras (normalised like message bodies)."""
        return cls(
            opt_out=OPT_OUT_KEYWORDS | {normalise_text(k) for k in opt_out if normalise_text(k)},
            opt_in=OPT_IN_KEYWORDS | {normalise_text(k) for k in opt_in if normalise_text(k)},
            help_words=HELP_KEYWORDS | {normalise_text(k) for k in help_words if normalise_text(k)},
        )


@dataclass(frozen=True)
class Classification:
    kind: Kind
    # What matched, never the body itself: a keyword ("stop"), "typo:<keyword>", "spelt:<keyword>",
    # "keywords:<the first>", "phrase:<rule id>", "email_preference:<rule id>", "doubtful:<rule id>", "twilio:STOP",
    # "none" or "empty". Safe to log.
    rule: str
    # For an opt-out: the channels it names ("stop calling me": call), and whether it also
    # stands for a STOP, whose channels the StopScope setting decides (a keyword, "stop
    # texting me", "take me off your list"). "Don't call me, text me instead" names call
    # and is no STOP: texts go on. For a doubtful message: the channels it seems to be about.
    channels: frozenset[Channel] = field(default_factory=frozenset)
    with_scope: bool = True
    # Channels the message asks to keep ("text me instead"): this message never closes them.
    keep: frozenset[Channel] = field(default_factory=frozenset)
    # For a switch to email: the message also revokes texts ("no more texts, email is fine").
    revokes_sms: bool = False
    # A keyword as it is decided (one of the lists, or Twilio's OptOutType), not words nor a
    # typo: Twilio's own keyword handling may already have answered it.
    by_keyword: bool = False

    @property
    def stops_texts(self) -> bool:
        """An opt-out that ends texting (every STOP does, whatever the scope)."""
        return (
            self.kind == "opt_out"
            and (self.with_scope or Channel.SMS in self.channels)
            and Channel.SMS not in self.keep
        )
