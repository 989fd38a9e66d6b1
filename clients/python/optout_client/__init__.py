
""" A client library for accessing Opt-out and contact-consent service """
from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
