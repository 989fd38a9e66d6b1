"""The example budgets of the property, fuzz and contract tests, scaled by the hypothesis
profile that tests/conftest.py loads from HYPOTHESIS_PROFILE: `quick` (the default, what
`make test` runs) a quarter of each, `thorough` (`make test-thorough`, run by .ci/run) the
full budgets, `fuzz` (`make fuzz`) ten times them. A test that uses one is marked `budget`."""

from __future__ import annotations

from hypothesis import settings

FULL = 100  # the `thorough` profile's max_examples: the counts below are at that budget


def examples(full: int) -> int:
    """`full` examples at the thorough budget, scaled to the loaded profile (at least one)."""
    return max(1, full * settings.default.max_examples // FULL)
