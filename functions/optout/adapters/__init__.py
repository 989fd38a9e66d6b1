"""Thin wrappers around what the service talks to: Twilio, the secret store, unsubscribe links."""
