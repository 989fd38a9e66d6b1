"""Rep actions and the contact API: upsert, read, rep actions, reviews, and the consent
check every sender calls.

The Lambda's entry. Its routes (`rep_actions_routes`) load with the first request, or with
SnapStart's warm-up before the snapshot, not at import: they are most of what an init would
load (the request validation of Powertools' OpenAPI and pydantic, the models, the classifier
and the store), so a cold init stays small and a restored instance finds them loaded and warm.
"""

from __future__ import annotations

from typing import Any

from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext

from optout.observability import logger
from optout.settings import get_settings
from optout.snapstart import register

# An invalid setting fails the Lambda init here, with a message naming the variable.
get_settings()


@logger.inject_lambda_context(clear_state=True, correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
def lambda_handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    from optout.handlers.rep_actions_routes import handle  # loaded once, by the first request

    return handle(event, context)


def _before_snapshot() -> None:
    from optout.handlers.rep_actions_routes import warm_up

    warm_up(lambda_handler)


def __getattr__(name: str) -> Any:
    """The routes' names (`app`, `service`…), loading the routes on first use."""
    if name.startswith("__"):
        raise AttributeError(name)
    from optout.handlers import rep_actions_routes

    return getattr(rep_actions_routes, name)


register(_before_snapshot)
