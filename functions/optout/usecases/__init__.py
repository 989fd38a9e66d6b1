"""Use cases: one module per thing the service does, each reading, asking the domain
(`optout.consent`) for a plan, and committing one change set through the one runner."""
