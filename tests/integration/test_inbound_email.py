"""Email in (SPEC 14), through InboundEmailFunction's handler as SNS invokes it: a lead's
reply read by the classifier (quoted history, signatures and auto-replies ignored), the
mailto: unsubscribe, SES's bounces and complaints; once per Message-ID; parked in the
durable intake while the store fails."""

from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path
from typing import Any

import boto3
import pytest

from infra import email_sim
from optout import wiring
from optout.adapters.intake import DirectoryIntake
from optout.adapters.unsubscribe_links import signing_keys, unsubscribe_link
from optout.consent.audit import address_subject, contact_subject, verify_chain
from optout.consent.tokens import make_token
from optout.settings import get_settings
from optout.store.repository import Repository
from optout.usecases.intake import IntakeConsumer
from tests.conftest import Client, Faults, LambdaContext, ada

ADA = "ada@example.com"
UNSUBSCRIBE = "unsubscribe@mail.optout.example.com"


@pytest.fixture
def api(client: Client, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Client:
    monkeypatch.setenv("UNSUBSCRIBE_SIGNING_KEY", "k1:inbound-email-test-signing-key")
    monkeypatch.setenv("INBOUND_EMAIL_ADDRESS", UNSUBSCRIBE)
    monkeypatch.setenv("INTAKE_DIR", str(tmp_path / "intake"))
    get_settings.cache_clear()

    wiring.reset()
    body = ada(email=ADA, channel="sms", automations=["email-drip", "sms-nurture"], automation_channels={})
    assert client.put("/contacts/c-1", body, role="integration").status == 201
    return client


def deliver(*notifications: dict[str, Any]) -> list[dict[str, Any]]:
    from optout.handlers import inbound_email

    result = inbound_email.lambda_handler(email_sim.sns_event(*notifications), LambdaContext())
    return list(result["results"])


def reply(body: str, subject: str = "Re: your quote", sender: str = ADA, **kwargs: Any) -> dict[str, Any]:
    (result,) = deliver(email_sim.received(email_sim.mail(sender, subject, body, **kwargs)))
    return result


def contact(api: Client) -> dict[str, Any]:
    return dict(api.get("/contacts/c-1").json())


def records(subject: str = contact_subject("c-1")) -> list[Any]:
    chain = Repository(get_settings()).chain(subject)
    assert verify_chain(chain).ok
    return chain


def test_remove_me_by_email_is_do_not_email_as_customer_stopped(api: Client) -> None:
    quoted = (
        "Remove me\n\nThanks,\nAda\n-- \nAda Lovelace, CTO\n\nOn Mon, Jan 5, 2026 at 9:00 AM Bob wrote:\n> Reply STOP"
    )
    result = reply(quoted, message_id="<m-1@mail.example.com>")
    assert (result["kind"], result["applied"]) == ("revoked", True)
    after = contact(api)
    assert after["do_not_email"] is True and after["consent"]["email"]["allowed"] is False
    assert after["conversation"] == {"status": "stopped", "stage": "Customer Stopped"}
    assert after["consent"]["sms"]["allowed"] is True  # texts were not revoked
    (record,) = [r for r in records() if r.action == "email.opt_out"]
    assert record.actor.type == "customer" and record.channel == "email"
    assert record.evidence["message_id"] == "<m-1@mail.example.com>" and len(record.evidence["body_sha256"]) == 64
    # the same Message-ID again (SNS redelivers): nothing more
    assert reply(quoted, message_id="<m-1@mail.example.com>")["applied"] is False
    assert len([r for r in records() if r.action == "email.opt_out"]) == 1


def test_stop_texting_me_sent_by_email_closes_texts_only(api: Client) -> None:
    assert reply("Please stop texting me.")["kind"] == "revoked"
    after = contact(api)
    assert after["dnd"]["sms"] is True and after["consent"]["email"]["allowed"] is True
    assert "sms-nurture" not in after["automations"] and "email-drip" in after["automations"]
    assert after["dnd"]["call"] is False and after["do_not_email"] is False
    # its conversation was by text: it stops, as the lead's own (SPEC 3)
    assert after["conversation"] == {"status": "stopped", "stage": "Customer Stopped"}


def test_no_more_texts_email_is_fine_by_email_closes_texts_and_moves_to_email(api: Client) -> None:
    assert reply("No more texts please, email is fine.")["kind"] == "channel_email"
    after = contact(api)
    assert after["dnd"]["sms"] is True and after["channel"] == "email"
    assert after["consent"]["email"]["allowed"] is True


def test_an_ordinary_reply_switches_an_sms_contact_back_to_email(api: Client) -> None:
    body = "Sounds good, Tuesday works.\n\nOn Mon, Jan 5, 2026, Bob <bob@acme.test> wrote:\n> Reply STOP to opt out"
    result = reply(body)
    assert (result["kind"], result["applied"]) == ("reply", True)
    after = contact(api)
    assert after["channel"] == "email" and after["consent"]["sms"]["allowed"] is True
    assert [r.action for r in records()][-1] == "email.replied"
    # a reply from someone we do not know writes nothing
    before = records(address_subject("stranger@example.com"))
    assert reply("Who is this?", sender="stranger@example.com")["applied"] is False
    assert records(address_subject("stranger@example.com")) == before == []


def test_auto_replies_and_vacation_notices_change_nothing(api: Client) -> None:
    before = records()
    auto = reply("I am out of the office. Stop by next week.", headers={"Auto-Submitted": "auto-replied"})
    vacation = reply("Please remove me... just kidding, back Monday", subject="Out of Office: back Monday")
    assert (auto["kind"], vacation["kind"]) == ("auto_reply", "auto_reply")
    assert records() == before and contact(api)["do_not_email"] is False


def test_a_doubtful_reply_goes_to_a_person_whose_revoke_is_do_not_email(api: Client) -> None:
    assert reply("Not interested anymore.")["kind"] == "doubtful"
    (review,) = api.get("/reviews?status=open", role="rep").json()["reviews"]
    assert review["channel"] == "email" and review["contact_ids"] == ["c-1"] and review["suggested"] == ["email"]
    assert contact(api)["do_not_email"] is False
    decided = api.post(f"/reviews/{review['id']}", {"decision": "revoke"}, role="manager")
    assert decided.status == 200, decided.body
    after = contact(api)
    assert after["do_not_email"] is True and after["consent"]["sms"]["allowed"] is True


def test_a_mailto_unsubscribe_and_apple_mails_are_honoured_like_one_click(api: Client) -> None:
    _, headers = unsubscribe_link(get_settings(), "https://optout.example.com", "c-1", ADA)
    mailto = headers["List-Unsubscribe"].split(", <mailto:")[1].rstrip(">")
    assert mailto.startswith(UNSUBSCRIBE + "?subject=unsubscribe%20")
    token = make_token(signing_keys(get_settings()), "c-1", ADA)
    result = reply("", subject=f"unsubscribe {token}", to=UNSUBSCRIBE)
    assert (result["kind"], result["applied"]) == ("unsubscribed", True)
    after = contact(api)
    assert after["do_not_email"] is True and after["conversation"]["stage"] == "Customer Stopped"
    (record,) = [r for r in records() if r.action == "email.unsubscribed"]
    assert record.reason == "mailto"
    # Apple Mail's unsubscribe, from another lead's address, to any of our addresses
    assert api.put("/contacts/c-2", ada(email="grace@example.com"), role="integration").status == 201
    apple = reply("", subject="Unsubscribe", sender="grace@example.com", headers={"X-Apple-Unsubscribe": "true"})
    assert apple["kind"] == "unsubscribed"
    assert api.get("/contacts/c-2").json()["do_not_email"] is True


def test_a_large_mail_is_read_from_s3(api: Client) -> None:
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="mail-test")
    raw = email_sim.mail(ADA, "Re: hi", "Stop emailing me. " + "x" * 200_000)
    s3.put_object(Bucket="mail-test", Key="mail/abc", Body=raw)
    (result,) = deliver(email_sim.received(raw, s3=("mail-test", "mail/abc")))
    assert result["kind"] == "revoked" and contact(api)["do_not_email"] is True


def test_a_mail_of_any_size_ses_takes_is_read_from_its_start(api: Client) -> None:
    # Given a reply with a 12 MB attachment, stored by SES's S3 action (SES takes up to 40 MB)
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="mail-test")
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = ADA, email_sim.OUR_ADDRESS, "Re: hi"
    message["Message-ID"] = "<big@mail.example.com>"
    message.set_content("Please remove me from your emails.")
    message.add_attachment(b"\x89PNG" * (3 * 2**20), maintype="image", subtype="png", filename="scan.png")
    raw = bytes(message)
    assert len(raw) > 12 * 2**20
    s3.put_object(Bucket="mail-test", Key="mail/big", Body=raw)
    # When it arrives, Then what it says first is heard (only its start is fetched and read)
    (result,) = deliver(email_sim.received(raw, s3=("mail-test", "mail/big")))
    assert result["kind"] == "revoked" and contact(api)["do_not_email"] is True


def test_bounces_and_complaints_suppress_the_address_for_email(api: Client) -> None:
    transient, permanent = deliver(email_sim.bounce([ADA], "Transient"), email_sim.bounce([ADA]))
    assert (transient["kind"], transient["type"], permanent["suppressed"]) == ("bounce", "Transient", 1)
    after = contact(api)
    assert after["consent"]["email"]["allowed"] is False and after["suppressed"]["email"] == [ADA]
    assert after["do_not_email"] is False  # the address is bad; the lead asked nothing
    check = api.post("/consent/check", {"channel": "email", "address": ADA}, role="integration").json()
    assert check["allowed"] is False
    (complained,) = deliver(email_sim.complaint(["nobody@example.com"]))
    assert complained["suppressed"] == 1
    (record,) = records(address_subject("nobody@example.com"))
    assert (record.action, record.actor.type, record.reason) == ("email.complained", "system", "ses_complaint")


def test_unreadable_notifications_are_dropped_not_retried(api: Client) -> None:
    from optout.handlers import inbound_email

    event = {"Records": [{"Sns": {"Message": "not json"}}, {"Sns": {"Message": '{"notificationType": "Received"}'}}]}
    result = inbound_email.lambda_handler(event, LambdaContext())
    assert [r["kind"] for r in result["results"]] == ["unreadable", "unreadable"]
    no_id = b"From: ada@example.com\nTo: sales@x.test\nSubject: hi\n\nremove me\n"
    assert deliver(email_sim.received(no_id))[0]["kind"] == "unreadable"
    assert contact(api)["do_not_email"] is False


def test_a_reply_while_the_store_fails_is_parked_and_applied_once(api: Client, faults: Faults) -> None:
    for call in ("GetItem", "BatchGetItem", "Query", "TransactWriteItems"):
        faults.fail(call)
    assert reply("remove me", message_id="<parked@mail.example.com>")["kind"] == "parked"
    faults.clear()
    settings = get_settings()
    parking, consumer = DirectoryIntake(str(settings.intake_dir)), IntakeConsumer(Repository(settings), settings)
    applied = 0
    for path, parked in parking.pending():
        applied += consumer.apply(parked)
        parking.done(path)
    assert applied == 1 and contact(api)["do_not_email"] is True
    assert reply("remove me", message_id="<parked@mail.example.com>")["applied"] is False
    assert len([r for r in records() if r.action == "email.opt_out"]) == 1


# ---- authentication: SES's SPF, DKIM and DMARC verdicts -------------------------------------

FORGED = {"spf": "FAIL", "dkim": "FAIL", "dmarc": "FAIL"}


def forged(body: str, subject: str = "Re: your quote", verdicts: dict[str, str] = FORGED, **kwargs: Any) -> Any:
    (result,) = deliver(email_sim.received(email_sim.mail(ADA, subject, body, **kwargs), verdicts=verdicts))
    return result


@pytest.mark.parametrize(
    "verdicts",
    [
        FORGED,
        {"spf": "PASS", "dkim": "GRAY", "dmarc": "FAIL"},  # an unaligned SPF pass: DMARC decides
        {"spf": "FAIL", "dkim": "GRAY", "dmarc": "GRAY"},
    ],
)
def test_a_forged_opt_out_goes_to_a_person_and_closes_nothing(api: Client, verdicts: dict[str, str]) -> None:
    result = forged("Remove me from everything, stop texting and emailing me.", verdicts=verdicts)
    assert (result["kind"], result["auth"]) == ("doubtful", "fail") and result["rule"].startswith("unauthenticated:")
    after = contact(api)
    assert after["do_not_email"] is False and all(c["allowed"] for c in after["consent"].values())
    (review,) = api.get("/reviews?status=open", role="rep").json()["reviews"]
    assert review["channel"] == "email" and review["contact_ids"] == ["c-1"] and "email" in review["suggested"]
    (record,) = [r for r in records() if r.action == "email.doubtful"]
    assert record.evidence["authentication"] == "fail"
    decided = api.post(f"/reviews/{review['id']}", {"decision": "revoke"}, role="manager")
    assert decided.status == 200 and contact(api)["do_not_email"] is True  # a person may still honour it


def test_a_forged_ordinary_reply_changes_nothing(api: Client) -> None:
    result = forged("Sounds good, talk Tuesday.")
    assert (result["kind"], result["applied"]) == ("unauthenticated", False)
    assert contact(api)["channel"] == "sms" and [r.action for r in records()] == ["contact.created"]


def test_a_forged_mailto_unsubscribe_goes_to_a_person(api: Client) -> None:
    token = make_token(signing_keys(get_settings()), "c-1", ADA)
    result = forged("", subject=f"unsubscribe {token}", to=UNSUBSCRIBE)
    assert result["kind"] == "doubtful" and result["rule"] == "unauthenticated:mailto"
    assert contact(api)["do_not_email"] is False
    assert len(api.get("/reviews?status=open", role="rep").json()["reviews"]) == 1


def test_mail_passing_any_check_or_without_verdicts_is_applied(api: Client) -> None:
    assert forged("remove me", verdicts={"spf": "FAIL", "dkim": "PASS", "dmarc": "GRAY"})["kind"] == "revoked"
    assert contact(api)["do_not_email"] is True
    raw = email_sim.mail("grace@example.com", "Re: hi", "remove me")
    notification = email_sim.received(raw)
    for name in ("spfVerdict", "dkimVerdict", "dmarcVerdict"):
        del notification["receipt"][name]
    assert api.put("/contacts/c-2", ada(email="grace@example.com"), role="integration").status == 201
    (result,) = deliver(notification)
    assert (result["kind"], result["auth"]) == ("revoked", "unverified")
    assert api.get("/contacts/c-2").json()["do_not_email"] is True


def test_a_mailto_with_another_contacts_token_acts_on_the_senders_address_only(api: Client) -> None:
    assert api.put("/contacts/c-2", ada(email="grace@example.com"), role="integration").status == 201
    token = make_token(signing_keys(get_settings()), "c-1", ADA)  # Ada's link, mailed by Grace
    result = reply("", subject=f"unsubscribe {token}", sender="grace@example.com", to=UNSUBSCRIBE)
    assert (result["kind"], result["applied"]) == ("unsubscribed", True)
    assert api.get("/contacts/c-2").json()["do_not_email"] is True
    assert contact(api)["do_not_email"] is False and [r.action for r in records()] == ["contact.created"]


def test_a_parked_forged_reply_is_still_a_review_when_applied(api: Client, faults: Faults) -> None:
    for call in ("GetItem", "BatchGetItem", "Query", "TransactWriteItems"):
        faults.fail(call)
    assert forged("remove me", message_id="<forged-parked@mail.example.com>")["kind"] == "parked"
    faults.clear()
    settings = get_settings()
    parking, consumer = DirectoryIntake(str(settings.intake_dir)), IntakeConsumer(Repository(settings), settings)
    for path, parked in parking.pending():
        consumer.apply(parked)
        parking.done(path)
    assert contact(api)["do_not_email"] is False
    assert len(api.get("/reviews?status=open", role="rep").json()["reviews"]) == 1


@pytest.mark.parametrize(
    "notification",
    [
        {"notificationType": "Received", "receipt": {"action": {"type": "S3", "objectKey": "k"}}},  # no bucket
        {"notificationType": "Received", "receipt": ["not", "an", "object"], "content": "x"},
        {"notificationType": "Received", "receipt": {"action": "S3"}, "content": "x"},
        {"notificationType": "Received", "receipt": {"virusVerdict": "FAIL"}, "content": "x"},
        {"notificationType": "Bounce", "bounce": {"bounceType": "Permanent", "bouncedRecipients": "ada@example.com"}},
        {"notificationType": "Bounce", "bounce": {"bounceType": "Permanent", "bouncedRecipients": [ADA]}},
        {"notificationType": "Bounce", "bounce": ["Permanent"]},
        {"eventType": "Complaint", "complaint": {"complainedRecipients": {"emailAddress": ADA}}},
        {"eventType": "Complaint", "complaint": "spam"},
    ],
)
def test_malformed_notifications_are_unreadable_counted_and_change_nothing(
    api: Client, notification: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    (result,) = deliver(notification)
    assert result["kind"] == "unreadable"
    assert contact(api)["do_not_email"] is False and contact(api)["consent"]["email"]["allowed"] is True
    assert ADA not in capsys.readouterr().out


@pytest.mark.parametrize("record", [None, "x", {"Sns": "x"}, {"Sns": {"Message": 7}}, {"Sns": {"Message": "[1]"}}])
def test_malformed_sns_records_are_unreadable(api: Client, record: Any) -> None:
    from optout.handlers import inbound_email

    result = inbound_email.lambda_handler({"Records": [record]}, LambdaContext())
    assert [r["kind"] for r in result["results"]] == ["unreadable"]
