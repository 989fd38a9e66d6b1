"""Applying a change that arrives at an address (a text, a link click): read the address
and the contacts that use it, plan, commit through the runner; a retried event finds its
record and changes nothing, and answers from the state it read, like the first delivery."""

from __future__ import annotations

from collections.abc import Callable

from optout.consent.address_plan import Plan
from optout.consent.inbound import InboundPlanner
from optout.store.errors import AlreadyApplied
from optout.usecases.runner import Runner


def apply_at_address(
    runner: Runner, address: str, plan: Callable[[InboundPlanner], Plan], also: tuple[str, ...] = ()
) -> Plan:
    """`also`: contacts to read besides the address's owners (an unsubscribe link's contact)."""
    repo = runner.repo

    def attempt() -> Plan:
        state = repo.address_state(address)
        wanted = sorted(set(state.owners) | set(also))
        contacts = repo.get_contacts(wanted) if wanted else {}
        result = plan(InboundPlanner(state, contacts, runner.clock(), runner.stages))
        try:
            runner.commit(result.changes)
        except AlreadyApplied:
            result.duplicate = True
        return result

    return runner.run(attempt)
