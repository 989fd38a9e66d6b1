"""`GET /contacts/{id}/proof` (SPEC 15; admin, support): the contact's proof of consent and
of honoured revocations, as JSON, or as a printable page with `Accept: text/html`.
Registered on the rep actions function's resolver (`register`)."""

from __future__ import annotations

import html
import json
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response

from optout import wiring
from optout.handlers.http import contact_id, permit
from optout.handlers.pages import PAGE_HEADERS, document_page
from optout.handlers.schemas.base import ErrorResponse, responses
from optout.handlers.schemas.fields import ContactId
from optout.usecases.proof import ProofService


def service() -> ProofService:
    return wiring.current().proof


def _responses() -> dict[int, Any]:
    documented = responses(ErrorResponse, 404)
    documented[200] = {
        "description": "The proof: the chain and its verification, every event with its evidence and the rules "
        "in force, each opt-out's time to honour against 10 business days, the sends recorded and the checks "
        "refused after it. "
        "JSON, or a printable HTML page with Accept: text/html",
        "content": {"application/json": {"schema": {"type": "object"}}, "text/html": {"schema": {"type": "string"}}},
    }
    return documented


def register(app: APIGatewayHttpResolver) -> None:
    @app.get(
        "/contacts/<id>/proof",
        operation_id="get_proof",
        tags=["contacts"],
        summary="The contact's proof of consent and of every honoured revocation",
        security=[{"jwt": []}],
        responses=_responses(),
    )
    def get_proof(id: ContactId) -> Response[str]:  # noqa: A002 - the path parameter's name in the SPEC
        permit(app, "get_proof")
        found = service().proof(contact_id(id))
        accept = next((v for k, v in (app.current_event.headers or {}).items() if k.lower() == "accept"), "")
        if "text/html" in accept:
            return Response(200, "text/html; charset=utf-8", proof_page(found), headers=PAGE_HEADERS)
        return Response(200, "application/json", json.dumps(found, ensure_ascii=False))


def proof_page(found: dict[str, Any]) -> str:
    e = html.escape
    chain = found["chain"]
    verdict = "verified" if chain["verified"] else f"BROKEN at record {chain['broken_at']}: {chain['problem']}"
    rows = "".join(
        f"<tr><td>{o['seq']}</td><td>{e(', '.join(o['channels']))}</td><td>{e(o['requested_at'])}</td>"
        f"<td>{e(o['honoured_at'])}</td><td>{o['business_days']}</td>"
        f"<td>{'yes' if o['within_limit'] else '<strong>no</strong>'}</td><td>{len(o['sends_after'])}</td>"
        f"<td>{len(o['refused_after'])}</td></tr>"
        for o in found["opt_outs"]
    )
    events = "".join(
        f"<tr><td>{ev['seq']}</td><td>{e(ev['at'])}</td><td>{e(_actor(ev['actor']))}</td><td>{e(ev['action'])}</td>"
        f"<td>{e(str(ev['reason'] or ''))}</td><td>{e(', '.join(ev['rules_in_force']))}</td>"
        f"<td><code>{e(json.dumps(ev['evidence'], ensure_ascii=False, sort_keys=True))}</code></td></tr>"
        for ev in found["events"]
    )
    grants = "".join(
        f"<tr><td>{e(g['id'])}</td><td>{e(g['status'])}</td><td>{e(g['kind'])}</td><td>{e(g['address'])}</td>"
        f"<td>{e(', '.join(g['channels']))}</td><td>{e(', '.join(g['purposes']))}</td>"
        f"<td>{e(', '.join(g['sellers']))}</td><td>{e(g['method'])}</td><td>{e(g['captured_at'])}</td>"
        f"<td>{e((g['disclosure'] or {}).get('text', ''))}</td>"
        f"<td><code>{e(json.dumps(g.get('evidence') or {}, ensure_ascii=False, sort_keys=True))}</code></td></tr>"
        for g in found.get("consents", [])
    )
    sends = "".join(
        f"<tr><td>{e(s['at'])}</td><td>{e(s['channel'])}</td><td>{e(s['address'])}</td><td>{e(s['purpose'])}</td>"
        f"<td>{e(s['provider_id'])}</td><td>{e(s['grant_id'])}</td><td>{e(s.get('exemption', 'none'))}</td></tr>"
        for s in found.get("sends", [])
    )
    queries = "".join(
        f"<tr><td>{e(q['number'])}</td><td>{e(q['date'])}</td><td>{e(q['result'])}</td>"
        f"<td>{e(q['queried_at'])}</td><td>{e(q['source'])}</td></tr>"
        for q in found.get("reassigned_queries", [])
    )
    reassigned = (
        "<h2>Reassigned numbers</h2><table><caption>Each query of the Reassigned Numbers Database</caption>"
        '<thead><tr><th scope="col">number</th><th scope="col">disconnected since</th><th scope="col">answer</th>'
        f'<th scope="col">asked at</th><th scope="col">source</th></tr></thead><tbody>{queries}</tbody></table>'
        if "reassigned_queries" in found
        else ""
    )
    rules = "".join(
        f"<li>{e(r['rule'])} (from {e(r['effective_from'])}): {e(r['source'])}</li>" for r in found["rules"]
    )
    body = (
        f"<h1>Consent proof for {e(found['contact_id'])}</h1>"
        f"<p>Generated {e(found['generated_at'])}. Audit chain: <strong>{e(verdict)}</strong>, "
        f"{chain['records']} records.</p>"
        f"<h2>Opt-outs (limit {found['limit_business_days']} business days)</h2>"
        '<table><caption>Each opt-out and its time to honour</caption><thead><tr><th scope="col">record</th>'
        '<th scope="col">channels</th><th scope="col">requested</th><th scope="col">honoured</th>'
        '<th scope="col">business days</th><th scope="col">within limit</th><th scope="col">sends after</th>'
        '<th scope="col">refused after</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
        '<h2>Events</h2><table><caption>The audit chain, oldest first</caption><thead><tr><th scope="col">record</th>'
        '<th scope="col">at</th><th scope="col">by</th><th scope="col">action</th><th scope="col">reason</th>'
        '<th scope="col">rules in force</th><th scope="col">evidence</th>'
        f"</tr></thead><tbody>{events}</tbody></table>"
        "<h2>Consent grants</h2><table><caption>Each grant with the disclosure the lead answered</caption><thead><tr>"
        '<th scope="col">grant</th><th scope="col">status</th><th scope="col">kind</th><th scope="col">address</th>'
        '<th scope="col">channels</th><th scope="col">purposes</th><th scope="col">sellers</th>'
        '<th scope="col">method</th><th scope="col">captured</th><th scope="col">disclosure</th>'
        '<th scope="col">evidence</th>'
        f"</tr></thead><tbody>{grants}</tbody></table>"
        "<h2>Sends</h2><table><caption>Each send recorded and the grant that covered it</caption><thead><tr>"
        '<th scope="col">at</th><th scope="col">channel</th><th scope="col">address</th><th scope="col">purpose</th>'
        '<th scope="col">provider id</th><th scope="col">grant</th><th scope="col">registry exemption</th>'
        f"</tr></thead><tbody>{sends}</tbody></table>{reassigned}"
        f"<h2>Rules (table {e(str(found.get('rules_version', '')))})</h2><ul>{rules}</ul>"
        "<p>The rules are facts from law-firm summaries; counsel must confirm them.</p>"
    )
    return document_page(f"Consent proof for {found['contact_id']}", body)


def _actor(actor: dict[str, Any]) -> str:
    return " ".join(str(actor.get(k)) for k in ("type", "role", "id") if actor.get(k))
