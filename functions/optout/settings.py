"""Configuration: one validated object, built on first use from the environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

# Environment variable -> field. Defaults suit local development; template.yaml sets
# every one of them in AWS.
_ENV = {
    "CONTACTS_TABLE": "contacts_table",
    "SUPPRESSIONS_TABLE": "suppressions_table",
    "AUDIT_TABLE": "audit_table",
    "AWS_REGION": "region",
    "AWS_ENDPOINT_URL_DYNAMODB": "dynamodb_endpoint",
    "STOP_SCOPE": "stop_scope",
    "PUBLIC_BASE_URL": "public_base_url",
    "DEFAULT_COUNTRY": "default_country",
    "MAX_BODY_BYTES": "max_body_bytes",
    "STAGE_HOT_LEADS": "stage_hot_leads",
    "STAGE_DISCONTINUED": "stage_discontinued",
}


class Settings(BaseModel):
    model_config = {"frozen": True}

    contacts_table: str = "optout-contacts"
    suppressions_table: str = "optout-suppressions"
    audit_table: str = "optout-audit"
    region: str = "us-east-1"
    dynamodb_endpoint: str | None = None
    stop_scope: Literal["sms", "all"] = "sms"
    public_base_url: str = "http://127.0.0.1:3000"
    default_country: str = Field(default="US", min_length=2, max_length=2)
    max_body_bytes: int = Field(default=64 * 1024, gt=0)
    stage_hot_leads: str = "Hot Leads"
    stage_discontinued: str = "Discontinued Process"

    @classmethod
    def from_env(cls, environ: Mapping[str, str]) -> Settings:
        values = {field: environ[name] for name, field in _ENV.items() if environ.get(name)}
        return cls.model_validate(values)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_env(os.environ)
