"""`GET /contacts` (SPEC 16): the Lead Manager's list and search. Registered on the rep
actions function's resolver (`register`)."""

from __future__ import annotations

from typing import Annotated, Literal

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver
from aws_lambda_powertools.event_handler.openapi.params import Query
from pydantic import Field

from optout import wiring
from optout.consent import search
from optout.consent.channels import Channel
from optout.handlers.http import permit
from optout.handlers.schemas.base import Model, operation
from optout.handlers.schemas.contacts import ContactResponse
from optout.observability import logger
from optout.settings import get_settings
from optout.usecases.search import SearchService

Flag = Literal["true", "false"]
DND_PATTERN = r"^(sms|email|call)(,(sms|email|call)){0,2}$"


class ContactsPage(Model):
    contacts: list[ContactResponse]
    next_cursor: str | None = Field(description="pass as cursor for the next page; null: the last page")


def service() -> SearchService:
    return wiring.current().search


def register(app: APIGatewayHttpResolver) -> None:
    @app.get("/contacts", **operation("search_contacts", "contacts", ContactsPage))
    def search_contacts(
        query: Annotated[
            str | None,
            Query(
                max_length=search.MAX_QUERY,
                pattern=r"^[^\x00-\x1f]*$",
                description="the start of a name, a phone number or an email address",
            ),
        ] = None,
        opted_out: Annotated[Flag, Query(description="true: only contacts opted out of a channel")] = "false",
        stopped: Annotated[Flag, Query(description="true: only contacts whose conversation is stopped")] = "false",
        dnd: Annotated[
            str | None, Query(pattern=DND_PATTERN, description="only contacts DND on these channels: sms,call")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 25,
        cursor: Annotated[
            str | None,
            Query(
                max_length=2000,
                pattern=r"^[A-Za-z0-9_-]+$",
                description="next_cursor of the previous page; any other string is past the end (an empty last page)",
            ),
        ] = None,
    ) -> ContactsPage:
        """Contacts by name prefix (case and accents ignored), by exact phone number or email
        address, or all of them, with filters; paged."""
        permit(app, "search_contacts")
        parsed = search.parse(query, get_settings().default_country)
        channels = frozenset(Channel(c) for c in dnd.split(",")) if dnd else frozenset()
        filters = search.Filters(opted_out=opted_out == "true", stopped=stopped == "true", dnd=channels)
        found, next_cursor = service().search(parsed, filters, limit, cursor)
        logger.info("contacts searched", extra={"kind": parsed.kind, "filtered": filters.any, "found": len(found)})
        return ContactsPage(contacts=[ContactResponse.of(c) for c in found], next_cursor=next_cursor)
