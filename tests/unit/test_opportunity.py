"""The CRM's opportunity as a type (consent.model.Opportunity): the CRM's object kept as
sent (any names, nulls), typed names for the fields the service itself reads and writes."""

from __future__ import annotations

import json

from optout.consent.model import Contact, Opportunity


def test_it_is_the_crms_object_as_sent() -> None:
    sent = {"name": "Ada", "stage": None, "self": 1, "budget": 1500.5}
    opportunity = Opportunity(sent)
    assert opportunity == sent and json.loads(json.dumps(opportunity)) == sent
    assert (opportunity.name, opportunity.stage) == ("Ada", None)


def test_merged_is_a_new_opportunity_and_leaves_this_one() -> None:
    first = Opportunity({"name": "Ada", "stage": "New Lead"})
    moved = first.merged({Opportunity.STAGE: "Hot Leads", Opportunity.DIALER_PRIORITY: "top"})
    assert isinstance(moved, Opportunity) and moved.stage == "Hot Leads" and moved["dialer_priority"] == "top"
    assert first == {"name": "Ada", "stage": "New Lead"}


def test_a_contact_given_a_plain_object_holds_an_opportunity() -> None:
    contact = Contact(id="c-1", opportunity={"stage": "New Lead"})  # type: ignore[arg-type]
    assert isinstance(contact.opportunity, Opportunity) and contact.opportunity.stage == "New Lead"
    assert Contact(id="c-2").opportunity == {}
