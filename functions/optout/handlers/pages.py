"""The unsubscribe pages people see: small, accessible HTML that works without JavaScript."""

from __future__ import annotations

import html

from optout.consent.addresses import mask

PAGE_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'",
}
_STYLE = (
    "body{font-family:system-ui,sans-serif;line-height:1.5;margin:0;padding:2rem 1rem;color:#1a1a1a;"
    "background:#f6f6f6}main{max-width:34rem;margin:0 auto;background:#fff;padding:1.5rem 2rem;"
    "border-radius:8px}h1{font-size:1.5rem;margin-top:0}button{font-size:1.1rem;padding:.7rem 1.4rem;"
    "border:0;border-radius:6px;background:#1d4ed8;color:#fff;cursor:pointer}button:focus{outline:3px solid "
    "#f59e0b;outline-offset:2px}label{margin-left:.4rem}.choice{margin:1.2rem 0}"
    "input[type=checkbox]{width:1.2rem;height:1.2rem;vertical-align:middle}"
)


_DOCUMENT = (
    "main{max-width:72rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}"
    "th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}"
    "caption{text-align:left;font-style:italic}code{white-space:pre-wrap;word-break:break-word;font-size:.85rem}"
    "@media print{body{background:#fff;padding:0}main{max-width:none;padding:0}}"
)


def _page(title: str, body: str, style: str = "") -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}{style}</style></head>"
        f"<body><main>{body}</main></body></html>"
    )


def confirm_page(program: str, email: str) -> str:
    """GET: what will happen, one button; works without JavaScript and changes nothing."""
    return _page(
        f"Unsubscribe from {program}",
        f"<h1>Unsubscribe from {html.escape(program)} emails</h1>"
        f"<p>We will stop sending email to <strong>{html.escape(mask(email) or '')}</strong>, at once.</p>"
        '<form method="post">'
        '<div class="choice"><input type="checkbox" id="all" name="all" value="yes">'
        '<label for="all">Also stop all other messages from us: texts and calls too</label></div>'
        '<button type="submit" name="confirm" value="yes">Unsubscribe</button>'
        "</form>",
    )


def done_page(program: str, email: str, everything: bool) -> str:
    what = "any more messages from us: no email, texts or calls" if everything else "any more email from us"
    return _page(
        "You are unsubscribed",
        "<h1>You are unsubscribed</h1>"
        f"<p>{html.escape(mask(email) or '')} will not get {what}.</p>"
        f"<p>{html.escape(program)}</p>",
    )


def error_page(title: str, message: str, support: str) -> str:
    return _page(
        title,
        f"<h1>{html.escape(title)}</h1><p>{html.escape(message)}</p>"
        f"<p>To stop our messages another way, write to {html.escape(support)}.</p>",
    )


def document_page(title: str, body: str) -> str:
    """A wide, printable page in the same frame, for tables (the proof)."""
    return _page(title, body, _DOCUMENT)
