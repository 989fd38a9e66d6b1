"""A contact's proof (SPEC 15): one read of the contact, its chain, and the sends recorded
for its addresses."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from optout.consent import proof
from optout.consent.audit import contact_subject
from optout.consent.channels import CHANNELS, PHONE_CHANNELS
from optout.consent.model import Contact
from optout.consent.send_rules import load, version
from optout.settings import Settings
from optout.store.consents import ConsentStore
from optout.store.registries import RndStore
from optout.store.repository import Repository
from optout.store.sends import SendStore
from optout.usecases.consents import view
from optout.usecases.runner import Runner, utc_now


class ProofService:
    def __init__(self, repo: Repository, settings: Settings, clock: Callable[[], str] = utc_now) -> None:
        self.runner = Runner(repo, settings, clock)
        self.repo = repo
        self.sends = SendStore(repo)
        self.clock = clock
        self.settings = settings
        self.rules = load(settings.send_rules_file)
        self.store = ConsentStore(repo)

    def proof(self, contact_id: str) -> dict[str, Any]:
        contact = self.runner.get_contact(contact_id)  # NotFound: 404
        chain = self.repo.chain(contact_subject(contact_id))
        sends = {
            channel.value: [
                (at, purpose, address)
                for address in contact.addresses_for(channel)
                for at, purpose in self.sends.sends(channel.value, address, "")
            ]
            for channel in CHANNELS
        }
        refused = {
            channel.value: [
                (at, purpose, address)
                for address in contact.addresses_for(channel)
                for at, purpose, _ in self.sends.refusals(channel.value, address)
            ]
            for channel in CHANNELS
        }
        found = proof.proof(contact, chain, sends, self.rules, self.clock(), refused)
        return {**found, **self._consents(contact), "rules_version": version(self.settings.send_rules_file)}

    def _consents(self, contact: Contact) -> dict[str, Any]:
        """SPEC 19: every grant with its disclosure's full text and evidence, and each send
        recorded with the grant that covered it (`none`)."""
        now = self.clock()
        texts = self.store.disclosures({g.disclosure_id for g in contact.grants if g.disclosure_id})
        consents = [
            {**view(g, now), "disclosure": texts.get(g.disclosure_id) if g.disclosure_id else None}
            for g in contact.grants
        ]
        sends = [
            {**send, "grant_id": send["grant_id"] or "none", "exemption": send["exemption"] or "none"}
            for channel in CHANNELS
            for address in contact.addresses_for(channel)
            for send in self.store.sent(channel.value, address)
        ]
        found = {"consents": consents, "sends": sorted(sends, key=lambda s: (s["at"], s["provider_id"]))}
        if self.settings.reassigned_check == "rnd":
            # SPEC 20: the Reassigned Numbers Database's answers the gate relied on (the safe
            # harbor of 47 CFR 64.1200(m) needs the query shown)
            numbers = dict.fromkeys(n for channel in PHONE_CHANNELS for n in contact.addresses_for(channel))
            found["reassigned_queries"] = [q for n in numbers for q in RndStore(self.repo).queries(n)]
        return found
