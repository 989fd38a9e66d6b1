"""The consent domain: channels, addresses, contacts, decisions and audit. No AWS here."""
