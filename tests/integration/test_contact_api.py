"""The contact API through the same router, JWT stand-in and handler as the local server."""

from __future__ import annotations

import threading

import pytest

from optout.consent.audit import contact_subject, verify_chain
from optout.settings import get_settings
from optout.store.repository import Repository
from tests.conftest import Client, Faults, ada, grant_consent


def repo() -> Repository:
    return Repository(get_settings())


class TestUpsertAndRead:
    def test_created_contact_reads_back_in_the_spec_shape(self, client: Client) -> None:
        # Given a CRM record, when it is upserted
        created = client.put("/contacts/c-123", ada(), role="integration")
        # Then it is created with normalised addresses and reads back the same
        assert created.status == 201, created.body
        got = client.get("/contacts/c-123", role="rep")
        assert got.status == 200
        body = got.json()
        assert body["email"] == "ada@example.com"
        assert body["phones"] == {"cell": "+14155550100", "home": "+14155550101", "work": None}
        assert body["dnd"] == {"sms": False, "email": False, "call": False}
        assert body["do_not_email"] is False
        assert body["conversation"] == {"status": "active", "stage": None}
        assert body["opportunity"]["stage"] == "New Lead"
        assert body["automations"] == ["nurture-7"]
        assert body["consent"]["sms"] == {"allowed": True, "reason": None}

    def test_phones_in_national_form_are_normalised_with_the_contact_country(self, client: Client) -> None:
        res = client.put("/contacts/c-gb", ada(country="GB", phones={"cell": "07400 123456"}), role="integration")
        assert res.status == 201, res.body
        assert res.json()["phones"]["cell"] == "+447400123456"

    def test_second_identical_upsert_changes_nothing_and_writes_no_audit(self, client: Client) -> None:
        client.put("/contacts/c-1", ada(), role="integration")
        again = client.put("/contacts/c-1", ada(), role="integration")
        assert again.status == 200
        assert len(repo().chain(contact_subject("c-1"))) == 1

    def test_unknown_contact_is_404(self, client: Client) -> None:
        res = client.get("/contacts/nobody")
        assert res.status == 404
        assert res.json()["error"] == "not_found"

    def test_partial_upsert_keeps_fields_it_does_not_mention(self, client: Client) -> None:
        client.put("/contacts/c-1", ada(), role="integration")
        res = client.put("/contacts/c-1", {"opportunity": {"stage": "Qualified"}}, role="integration")
        assert res.status == 200
        body = res.json()
        assert body["opportunity"] == {"name": "Ada Lovelace", "stage": "Qualified"}
        assert body["email"] == "ada@example.com"

    def test_get_response_can_be_sent_back_as_an_upsert(self, client: Client) -> None:
        got = client.put("/contacts/c-1", ada(), role="integration").json()
        res = client.put("/contacts/c-1", got, role="integration")
        assert res.status == 200, res.body


class TestReimportNeverLowersAnOptOut:
    def test_dnd_do_not_email_and_stopped_conversation_survive_a_reimport(self, client: Client) -> None:
        # Given a contact with opt-outs on record
        client.put(
            "/contacts/c-1",
            ada(dnd={"sms": True, "call": True}, do_not_email=True, conversation={"status": "stopped"}),
            role="integration",
        )
        # When the CRM sync sends the contact again with every flag cleared
        res = client.put("/contacts/c-1", ada(), role="admin")
        # Then every opt-out is still in place
        assert res.status == 200
        body = client.get("/contacts/c-1").json()
        assert body["dnd"] == {"sms": True, "email": True, "call": True}
        assert body["do_not_email"] is True
        assert body["conversation"]["status"] == "stopped"
        assert body["consent"]["email"] == {"allowed": False, "reason": "do_not_email"}

    def test_suppressed_number_is_inherited_by_a_contact_created_later(self, client: Client) -> None:
        from optout.consent.changes import ChangeSet, HeadWrite
        from optout.consent.channels import Channel
        from optout.consent.model import AddressState, OptOut

        # Given a STOP already recorded for a number no contact had yet
        state = AddressState(
            "+14155550100", suppressed={Channel.SMS: OptOut("keyword", "2026-01-01T00:00:00Z", "customer")}
        )
        repo().commit(ChangeSet(heads=[HeadWrite(state.address, guarded=True, state=state)]))
        # When a contact with that number as cell is imported
        res = client.put("/contacts/c-1", ada(), role="integration")
        # Then SMS is blocked for the contact (their cell said STOP) but calls are not
        body = res.json()
        assert body["suppressed"] == {"sms": ["+14155550100"]}
        assert body["dnd"]["sms"] is True
        assert body["consent"]["call"]["allowed"] is True
        check = client.post("/consent/check", {"channel": "sms", "address": "+14155550100"}, role="rep")
        assert (check.json()["allowed"], check.json()["reason"]) == (False, "address_suppressed")

    def test_shared_home_line_suppression_blocks_the_number_not_the_contact(self, client: Client) -> None:
        from optout.consent.changes import ChangeSet, HeadWrite
        from optout.consent.channels import Channel
        from optout.consent.model import AddressState, OptOut

        state = AddressState(
            "+14155550101", suppressed={Channel.SMS: OptOut("keyword", "2026-01-01T00:00:00Z", "customer")}
        )
        repo().commit(ChangeSet(heads=[HeadWrite(state.address, guarded=True, state=state)]))
        body = client.put("/contacts/c-1", ada(), role="integration").json()
        assert body["dnd"]["sms"] is False
        grant = grant_consent(client, "c-1", "+14155550100", channels=("sms",))  # the lead agreed (SPEC 19)
        check = client.post("/consent/check", {"channel": "sms", "contact_id": "c-1"}).json()
        assert check == {
            "allowed": True,
            "reason": None,
            "rule": None,
            "timezone": None,
            "allowed_at": None,
            "channel": "sms",
            "contact_id": "c-1",
            "address": "+14155550100",
            "requires": None,
            "consent": {"grant_id": grant["id"], "kind": "express_written", "captured_at": grant["captured_at"]},
            "would_refuse": None,
            "registries": [],
            "registry": None,
            "exemption": None,
        }
        home = client.post("/consent/check", {"channel": "sms", "contact_id": "c-1", "address": "+14155550101"})
        assert home.json()["reason"] == "address_suppressed"


class TestConsentCheck:
    def test_check_by_address_sees_a_personal_owner_dnd(self, client: Client) -> None:
        client.put("/contacts/c-1", ada(dnd={"sms": True}), role="integration")
        cell = client.post("/consent/check", {"channel": "sms", "address": "(415) 555-0100"}).json()
        assert cell["allowed"] is False and cell["reason"] == "contact_dnd"
        # A shared home line stays usable for the others on it
        body = {"channel": "sms", "address": "+14155550101", "purpose": "transactional"}  # needs no grant
        home = client.post("/consent/check", body).json()
        assert home["allowed"] is True

    def test_check_unknown_address_is_allowed(self, client: Client) -> None:
        res = client.post("/consent/check", {"channel": "email", "address": "someone@example.org"})
        assert res.status == 200 and res.json()["allowed"] is True

    def test_check_after_an_address_change_follows_the_new_address(self, client: Client) -> None:
        client.put("/contacts/c-1", ada(dnd={"sms": True}), role="integration")
        client.put("/contacts/c-1", {"phones": {"cell": "+14155550199"}}, role="integration")
        asked = {"channel": "sms", "purpose": "transactional"}  # needs no grant: only opt-outs refuse it
        old = client.post("/consent/check", {**asked, "address": "+14155550100"}).json()
        new = client.post("/consent/check", {**asked, "address": "+14155550199"}).json()
        assert old["allowed"] is True
        assert new["allowed"] is False

    @pytest.mark.parametrize(
        "body",
        [
            {"channel": "sms"},
            {"channel": "fax", "address": "+14155550100"},
            {"channel": "sms", "address": "not a number"},
            {"channel": "email", "address": "nope"},
            {"channel": "sms", "contact_id": 5},
            {"channel": "sms", "contact_id": "bad id with spaces"},
        ],
    )
    def test_bad_check_requests_are_4xx(self, client: Client, body: dict[str, object]) -> None:
        res = client.post("/consent/check", body)
        assert 400 <= res.status < 500, res.body
        assert set(res.json()) == {"error", "message"}

    def test_check_of_unknown_contact_is_404(self, client: Client) -> None:
        assert client.post("/consent/check", {"channel": "sms", "contact_id": "ghost"}).status == 404


class TestAuthorization:
    def test_no_token_is_401(self, client: Client) -> None:
        res = client.get("/contacts/c-1", role=None)
        assert res.status == 401
        assert res.json()["error"] == "unauthorized"

    def test_forged_token_is_401(self, client: Client) -> None:
        import jwt

        forged = jwt.encode({"sub": "x", "cognito:groups": ["admin"]}, "another-secret-another-secret-0123", "HS256")
        res = client.request("GET", "/contacts/c-1", role=None, headers={"authorization": f"Bearer {forged}"})
        assert res.status == 401

    @pytest.mark.parametrize("role", ["rep", "manager", "support"])
    def test_upsert_is_refused_to_other_roles_and_writes_nothing(self, client: Client, role: str) -> None:
        res = client.put("/contacts/c-1", ada(), role=role)
        assert res.status == 403
        assert res.json()["error"] == "forbidden"
        assert repo().get_contact("c-1") is None
        assert repo().chain(contact_subject("c-1")) == []

    @pytest.mark.parametrize("role", ["rep", "manager", "admin", "support", "integration"])
    def test_every_role_may_read_and_check(self, client: Client, role: str) -> None:
        client.put("/contacts/c-1", ada(), role="integration")
        assert client.get("/contacts/c-1", role=role).status == 200
        assert client.post("/consent/check", {"channel": "call", "contact_id": "c-1"}, role=role).status == 200

    def test_token_without_a_known_group_is_403(self, client: Client) -> None:
        from infra.token import mint

        token = mint("", sub="u-1")
        res = client.request("GET", "/contacts/c-1", role=None, headers={"authorization": f"Bearer {token}"})
        assert res.status == 403


class TestBadInput:
    @pytest.mark.parametrize(
        ("raw", "status", "code"),
        [
            (b"{not json", 400, "invalid_json"),
            (b'{"phones": {"cell": "123"}}', 422, "validation_error"),
            (b'{"phones": {"cell": "+1 415 555 0100 ext"}}', 422, "validation_error"),
            (b'{"email": "not-an-email"}', 422, "validation_error"),
            (b'{"dnd": {"sms": "yes"}}', 422, "validation_error"),
            (b'{"name": 42}', 422, "validation_error"),
            (b'{"automations": "nurture-7"}', 422, "validation_error"),
            (b'{"phones": {"fax": "+14155550100"}}', 422, "validation_error"),
            (b'{"conversation": {"status": "paused"}}', 422, "validation_error"),
            (b'{"country": "USA"}', 422, "validation_error"),
            (b'{"id": "someone-else"}', 422, "validation_error"),
            (b"[]", 422, "validation_error"),
            (b'"text"', 422, "validation_error"),
            (b"\xff\xfe\x00", 400, "invalid_json"),
        ],
    )
    def test_bad_bodies_get_a_clear_4xx_and_change_nothing(
        self, client: Client, raw: bytes, status: int, code: str
    ) -> None:
        res = client.put("/contacts/c-1", raw=raw, role="integration")
        assert res.status == status, res.body
        assert res.json()["error"] == code
        assert res.json()["message"]
        assert repo().get_contact("c-1") is None

    def test_error_messages_never_echo_personal_data(self, client: Client) -> None:
        # (a national number libphonenumber cannot read: an E.164 one is taken as given)
        res = client.put("/contacts/c-1", raw=b'{"+14155550100": 1, "phones": {"cell": "415 5557"}}', role="admin")
        assert res.status == 422
        assert b"4155550100" not in res.body and b"415 5557" not in res.body

    def test_oversized_body_is_413(self, client: Client) -> None:
        res = client.put("/contacts/c-1", ada(name="x" * 100, automations=["a" * 100] * 1000), role="integration")
        assert res.status == 413
        assert res.json()["error"] == "payload_too_large"

    def test_invalid_contact_id_is_422(self, client: Client) -> None:
        assert client.put("/contacts/a%20b", ada(), role="integration").status == 422

    def test_wrong_method_and_unknown_route(self, client: Client) -> None:
        assert client.request("DELETE", "/contacts/c-1").status == 405
        assert client.get("/nowhere").status == 404


class TestAtomicity:
    def test_failed_transaction_is_a_5xx_and_writes_nothing(self, client: Client, faults: Faults) -> None:
        # Given DynamoDB fails the upsert's transaction
        faults.fail("TransactWriteItems")
        # When a contact is upserted
        res = client.put("/contacts/c-1", ada(), role="integration")
        # Then the client gets a retryable 5xx and no table holds any part of it
        assert res.status == 503
        assert res.json()["error"] == "unavailable"
        assert res.headers.get("Retry-After")
        faults.clear()
        assert repo().get_contact("c-1") is None
        assert repo().chain(contact_subject("c-1")) == []
        assert repo().address_state("+14155550100").owners == {}
        # And the retry applies exactly once
        assert client.put("/contacts/c-1", ada(), role="integration").status == 201
        assert len(repo().chain(contact_subject("c-1"))) == 1

    def test_failed_read_is_a_5xx(self, client: Client, faults: Faults) -> None:
        faults.fail("BatchGetItem", code="ProvisionedThroughputExceededException")
        assert client.get("/contacts/c-1").status == 503

    def test_racing_upsert_is_retried_and_both_are_audited(self, client: Client, faults: Faults) -> None:
        # Given a contact, and a second writer that commits between our read and our write
        client.put("/contacts/c-1", ada(), role="integration")
        fired = []

        def interleave(params: dict[str, object]) -> bool:
            if not fired:
                fired.append(True)
                other = client.put("/contacts/c-1", {"opportunity": {"stage": "Qualified"}}, role="admin")
                assert other.status == 200
            return False  # never fail the call itself

        faults.fail("TransactWriteItems", when=interleave)
        # When our upsert commits
        res = client.put("/contacts/c-1", {"dnd": {"call": True}}, role="integration")
        # Then it lost the race once, re-read, and both changes and both records are there
        assert res.status == 200, res.body
        body = client.get("/contacts/c-1").json()
        assert body["opportunity"]["stage"] == "Qualified"
        assert body["dnd"]["call"] is True
        chain = repo().chain(contact_subject("c-1"))
        assert len(chain) == 3
        assert verify_chain(chain).ok

    def test_concurrent_upserts_keep_a_valid_chain_with_every_record(self, client: Client) -> None:
        client.put("/contacts/c-1", ada(), role="integration")
        stages = [f"Stage {n}" for n in range(6)]
        barrier = threading.Barrier(len(stages))
        results: list[int] = []

        def upsert(stage: str) -> None:
            barrier.wait()
            results.append(client.put("/contacts/c-1", {"opportunity": {"stage": stage}}, role="admin").status)

        threads = [threading.Thread(target=upsert, args=(s,)) for s in stages]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert sorted(results) == [200] * len(stages)
        chain = repo().chain(contact_subject("c-1"))
        assert len(chain) == 1 + len(stages)
        assert verify_chain(chain).ok
        # The stored state is the one the last audited write made
        last_stage = client.get("/contacts/c-1").json()["opportunity"]["stage"]
        assert last_stage in stages


@pytest.mark.parametrize("body", [b"[]", b'[{"name": "Ada"}]', b'"Ada"', b"42", b"null", b"true"])
@pytest.mark.parametrize(("method", "path"), [("PUT", "/contacts/c-1"), ("POST", "/consent/check")])
def test_a_body_that_is_not_a_json_object_is_422_and_changes_nothing(
    client: Client, body: bytes, method: str, path: str
) -> None:
    result = client.request(method, path, raw=body)
    assert result.status == 422 and result.json()["error"] == "validation_error"
    assert client.get("/contacts/c-1").status == 404
