"""Who may call what: one row per operation behind the JWT authorizer (its OpenAPI
operation id -> the roles allowed), the README's role table (HTTP API) as code.

A route asks `http.permit(app, "<its operation id>")`. Tests hold the table to the OpenAPI
document (a row for every secured operation, none for another) and to the README's table,
and hold each route to its own row (tests/unit/test_permissions.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

ROLES = ("rep", "manager", "admin", "support", "integration")
ANY_ROLE = ROLES
REP_AND_UP = ("rep", "manager", "admin")
# Machines (a CRM sync, a dialer, a sender: the integration scope) and administrators.
INTEGRATION_AND_ADMIN = ("integration", "admin")
# Who reads the evidence of a record whole (history, a grant's evidence, the proof); the
# other roles see it masked or not at all.
WHOLE_EVIDENCE = ("admin", "support")

PERMISSIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        # contacts, the consent check and the send gate (README "HTTP API")
        "upsert_contact": INTEGRATION_AND_ADMIN,
        "search_contacts": ANY_ROLE,
        "get_contact": ANY_ROLE,
        "check_consent": ANY_ROLE,
        "check_consent_batch": ANY_ROLE,
        "get_proof": ("admin", "support"),
        "record_send": INTEGRATION_AND_ADMIN,
        # rep actions
        "set_dnd": REP_AND_UP,
        "do_not_email": REP_AND_UP,
        "stop_messaging": ("manager", "admin"),
        "reactivate": ("admin", "support"),
        "set_opportunity": REP_AND_UP,
        "leave_automation": REP_AND_UP,
        "get_history": ANY_ROLE,
        "get_unsubscribe_link": INTEGRATION_AND_ADMIN,
        # phone lookup and SMS-first
        "get_phone": ANY_ROLE,
        "set_channel": INTEGRATION_AND_ADMIN,
        # doubtful messages and revocations heard on a call
        "list_reviews": REP_AND_UP,
        "decide_review": REP_AND_UP,
        "record_revocation": (*REP_AND_UP, "integration"),
        # suppression lists in and out
        "import_suppressions": INTEGRATION_AND_ADMIN,
        "get_import": INTEGRATION_AND_ADMIN,
        "create_import_upload": INTEGRATION_AND_ADMIN,
        "import_upload": INTEGRATION_AND_ADMIN,
        "export_suppressions": INTEGRATION_AND_ADMIN,
        # consent grants (SPEC 19)
        "record_disclosure": INTEGRATION_AND_ADMIN,
        "get_disclosure": ANY_ROLE,
        "record_consent": INTEGRATION_AND_ADMIN,
        "import_consents": INTEGRATION_AND_ADMIN,
        "list_consents": ANY_ROLE,
        # do-not-call registries and list scrubs (SPEC 20)
        "load_registry_file": INTEGRATION_AND_ADMIN,
        "create_registry_upload": INTEGRATION_AND_ADMIN,
        "get_registry_file": INTEGRATION_AND_ADMIN,
        "list_registries": INTEGRATION_AND_ADMIN,
        "start_scrub": INTEGRATION_AND_ADMIN,
        "create_scrub_upload": INTEGRATION_AND_ADMIN,
        "get_scrub": INTEGRATION_AND_ADMIN,
        "get_scrub_results": INTEGRATION_AND_ADMIN,
    }
)
