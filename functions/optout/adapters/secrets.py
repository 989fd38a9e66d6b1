"""Secrets: the value itself in local development, else an SSM SecureString read through
Powertools parameters and cached for five minutes (so a rotation lands within that)."""

from __future__ import annotations

from optout.consent.errors import ConfigurationError, StoreUnavailable

MAX_AGE_SECONDS = 300


def read_secret(value: str | None, parameter: str | None, what: str) -> str:
    if value:
        return value
    if not parameter:
        raise ConfigurationError(f"{what} is not configured")
    # Imported here: only Lambda reads the secret store, and boto3 then loads once, at first use.
    from aws_lambda_powertools.utilities import parameters

    try:
        return str(parameters.get_parameter(parameter, decrypt=True, max_age=MAX_AGE_SECONDS))
    except parameters.exceptions.GetParameterError as exc:
        raise StoreUnavailable(f"{what} could not be read") from exc
