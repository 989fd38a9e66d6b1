"""Opt-out and contact-consent service."""
