// The contact card: consent, DND, Do Not Email, conversation, opportunity, automations,
// the numbers in use, the unsubscribe link and the history. Every action answers the
// updated Contact, and the card is drawn again from it.

import {
  ApiError,
  call,
  CHANNELS,
  enc,
  optOut,
  type Channel,
  type Contact,
  type HistoryPage,
  type HistoryRecord,
  type Grant,
  type Disclosure,
  type PhoneAnswer,
} from "./api";
import { confirmDialog } from "./dialog";
import { h, nextId, showError, timeEl } from "./dom";

const CHANGERS = ["rep", "manager", "admin"];
const STOPPERS = ["manager", "admin"];
const REACTIVATORS = ["admin", "support"];
const LINK_ROLES = ["integration", "admin"];
const DND_SOURCES: [string, string][] = [
  ["phone_call", "Phone call"],
  ["in_person", "In person"],
  ["email", "Email"],
  ["written", "Written"],
  ["other", "Other"],
];
const CHANNEL_NAMES: Record<Channel, string> = { sms: "Texts (SMS)", email: "Email", call: "Calls" };
const DND_LABELS: Record<Channel, string> = { sms: "DND texts", email: "DND email", call: "DND calls" };

/** An opt-out's source in words; unknown ones verbatim. */
// Every OptOut.source the service writes (functions/optout/consent/sources.py and the rep
// actions), in words: the lead's own request, a rep, an import, a sweep, a report.
const SOURCES: Record<string, string> = {
  sms_stop: "the lead's STOP",
  twilio_21610: "the lead's STOP (reported by the carrier)",
  email_unsubscribe: "the lead's unsubscribe link",
  email_reply: "the lead's email reply",
  revocation: "the lead, in words (call note or message)",
  review: "the lead's message, confirmed by a reviewer",
  ses_bounce: "a permanent bounce",
  ses_complaint: "the lead's spam complaint",
  crm: "the CRM",
  "rep:do_not_email": "a rep (Do Not Email)",
  "opportunity:discontinued": "a rep (opportunity discontinued)",
};

export function sourceInWords(source: string): string {
  const how = (s: string) => s.replace(/_/g, " ");
  if (SOURCES[source]) return SOURCES[source];
  const [kind, detail] = source.split(/:(.*)/s, 2);
  if (kind === "rep") return `a rep, at the lead's request (${how(detail ?? "")})`;
  if (kind === "import") return `an import (${how(detail ?? "file")})`;
  if (kind === "revocation") return `the lead, in words (${how(detail ?? "")})`;
  if (kind.startsWith("sweep")) return "a sweep";
  return how(source);
}

interface CardState {
  contact: Contact;
  role: string;
  history: HistoryRecord[];
  historyCursor: string | null;
  historyLoaded: boolean;
  phones: Partial<Record<"sms" | "call", PhoneAnswer | string>>;
  link: { url?: string; error?: string } | null;
  status: string;
  dndSource: string;
  grants: Grant[] | string | null;
  disclosures: Record<string, Disclosure | string>;
}

let current: CardState | null = null;
let root: HTMLElement | null = null;

export async function renderCard(view: HTMLElement, id: string, role: string): Promise<void> {
  root = view;
  view.replaceChildren(h("p", { role: "status" }, "Loading the contact…"));
  try {
    const contact = await call<Contact>("GET", `/contacts/${enc(id)}`);
    showError(null);
    current = {
      contact,
      role,
      history: [],
      historyCursor: null,
      historyLoaded: false,
      phones: {},
      link: null,
      status: "",
      dndSource: "phone_call",
      grants: null,
      disclosures: {},
    };
    draw("card-title");
    void refreshSecondary();
  } catch (err) {
    showError((err as Error).message);
    view.replaceChildren(
      h("p", {}, h("a", { href: "#", id: "back-link" }, "Back to Lead Manager")),
      h("h1", { id: "card-title", tabindex: "-1" }, "Contact not shown"),
    );
    document.getElementById("card-title")?.focus();
  }
}

async function refreshSecondary(): Promise<void> {
  const s = current;
  if (!s) return;
  const id = enc(s.contact.id);
  const phone = (channel: "sms" | "call") =>
    call<PhoneAnswer>("GET", `/contacts/${id}/phone?channel=${channel}`).catch((e: Error) => e.message);
  const [history, sms, voice, link, grants] = await Promise.all([
    call<HistoryPage>("GET", `/contacts/${id}/history?limit=20`).catch((e: Error) => e),
    phone("sms"),
    phone("call"),
    LINK_ROLES.includes(s.role)
      ? call<{ url: string }>("GET", `/contacts/${id}/unsubscribe-link`).then(
          (r) => ({ url: r.url }),
          (e: Error) => ({ error: e.message }),
        )
      : Promise.resolve(null),
    call<{ consents: Grant[] }>("GET", `/contacts/${id}/consents`).then(
      (r) => r.consents,
      (e: Error) => e.message,
    ),
  ]);
  if (current !== s) return;
  s.grants = grants;
  if (history instanceof Error) showError(history.message);
  else {
    s.history = history.records;
    s.historyCursor = history.next_cursor;
  }
  s.historyLoaded = true;
  s.phones = { sms, call: voice };
  s.link = link;
  draw();
}

/** Draw the card from the state, keeping the focus on the same control when it is still there. */
function draw(focusId?: string): void {
  const s = current;
  if (!s || !root) return;
  const active = focusId ?? (document.activeElement as HTMLElement | null)?.id;
  const c = s.contact;
  const parts: (Node | null)[] = [
    h("p", {}, h("a", { href: "#", id: "back-link" }, "Back to Lead Manager")),
    h("h1", { id: "card-title", tabindex: "-1" }, c.name || c.id),
    h("p", { role: "status", id: "card-status", class: "status" }, s.status),
    s.role === "support"
      ? h("p", { class: "hint" }, "Support: read-only, except Reactivate.")
      : null,
    details(c),
    consentSection(c),
    grantsSection(s),
    dndSection(s),
    doNotEmailSection(s),
    conversationSection(s),
    opportunitySection(s),
    automationsSection(s),
    phonesSection(s),
    linkSection(s),
    historySection(s),
  ];
  root.replaceChildren(...parts.filter((p): p is Node => p !== null));
  if (active) {
    const el = document.getElementById(active) as (HTMLElement & { disabled?: boolean }) | null;
    if (el && !el.disabled) el.focus();
    else document.getElementById("card-title")?.focus();
  }
}

function section(id: string, title: string, ...body: (Node | null)[]): HTMLElement {
  return h("section", { class: "card", "aria-labelledby": id }, h("h2", { id }, title), ...body);
}

/** A control that is disabled with its reason shown next to it (aria-describedby). */
function gate<T extends HTMLButtonElement | HTMLInputElement | HTMLSelectElement>(
  control: T,
  reason: string | null,
): (Node | null)[] {
  if (!reason) return [control];
  const id = nextId("why");
  control.disabled = true;
  const described = control.getAttribute("aria-describedby");
  control.setAttribute("aria-describedby", described ? `${described} ${id}` : id);
  return [control, h("span", { class: "reason", id }, reason)];
}

const ROLE_GROUPS: Record<string, string> = {
  "rep,manager,admin": "reps, managers and admins",
  "manager,admin": "managers and admins",
  "admin,support": "support and admins",
};

function roleReason(role: string, allowed: string[], what: string): string | null {
  if (allowed.includes(role)) return null;
  return `Only ${ROLE_GROUPS[allowed.join(",")] ?? allowed.join(", ")} may ${what}`;
}

async function act(path: string, method: string, body: unknown, focusId: string, done?: string): Promise<void> {
  const s = current;
  if (!s) return;
  try {
    const contact = await call<Contact>(method, `/contacts/${enc(s.contact.id)}${path}`, body);
    showError(null);
    if (current !== s) return;
    s.contact = contact;
    s.status = done ?? "Saved.";
    draw(focusId);
    void refreshSecondary();
  } catch (err) {
    showError((err as Error).message);
    s.status = "";
    if (!(err instanceof ApiError && err.status === 401)) draw(focusId);
  }
}

function details(c: Contact): HTMLElement {
  const row = (term: string, value: string | null | undefined) => [h("dt", {}, term), h("dd", {}, value || "—")];
  return section(
    "sec-details",
    "Details",
    h(
      "dl",
      { class: "facts" },
      ...row("Contact id", c.id),
      ...row("Email", c.email),
      ...row("Cell", c.phones?.cell),
      ...row("Home", c.phones?.home),
      ...row("Work", c.phones?.work),
      ...row("Country / state", [c.country, c.state].filter(Boolean).join(" / ")),
      ...row("Preferred channel", c.channel),
    ),
  );
}

function consentSection(c: Contact): HTMLElement {
  const rows = CHANNELS.map((ch) => {
    const consent = c.consent?.[ch];
    const opt = optOut(c, ch) ?? (ch === "email" ? optOut(c, "do_not_email") : undefined);
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, CHANNEL_NAMES[ch]),
      h("td", {}, consent ? (consent.allowed ? "Allowed" : "Not allowed") : "—"),
      h("td", {}, consent?.reason ? consent.reason.replace(/_/g, " ") : "—"),
      h("td", {}, opt ? sourceInWords(opt.source) : "—"),
      h("td", {}, opt ? timeEl(opt.at) : "—"),
    );
  });
  const dne = optOut(c, "do_not_email");
  if (dne && optOut(c, "email")) {
    rows.push(
      h(
        "tr",
        {},
        h("th", { scope: "row" }, "Do Not Email"),
        h("td", {}, "Not allowed"),
        h("td", {}, "permanent"),
        h("td", {}, sourceInWords(dne.source)),
        h("td", {}, timeEl(dne.at)),
      ),
    );
  }
  return section(
    "sec-consent",
    "Consent",
    h(
      "table",
      {},
      h("caption", { class: "visually-hidden" }, "Consent per channel"),
      h(
        "thead",
        {},
        h("tr", {}, ...["Channel", "Consent", "Reason", "Opted out by", "When"].map((t) => h("th", { scope: "col" }, t))),
      ),
      h("tbody", {}, ...rows),
    ),
  );
}

function dndSection(s: CardState): HTMLElement {
  const c = s.contact;
  const noRole = roleReason(s.role, CHANGERS, "change DND");
  const source = h(
    "select",
    { id: "dnd-source" },
    ...DND_SOURCES.map(([v, label]) => h("option", { value: v, selected: v === s.dndSource }, label)),
  );
  source.addEventListener("change", () => (s.dndSource = source.value));
  const toggles = CHANNELS.map((ch) => {
    const id = `dnd-${ch}`;
    const box = h("input", { type: "checkbox", id, checked: Boolean(c.dnd?.[ch]) });
    box.addEventListener("change", () => {
      void act("/dnd", "POST", { channels: [ch], enabled: box.checked, source: s.dndSource }, id,
        box.checked ? `DND enabled by customer for ${CHANNEL_NAMES[ch].toLowerCase()}` : `DND lifted for ${CHANNEL_NAMES[ch].toLowerCase()}`);
    });
    const permanent = ch === "email" && c.do_not_email ? "Do Not Email is permanent" : null;
    const [control, why] = gate(box, noRole ?? permanent);
    return h("div", { class: "check" }, control, h("label", { for: id }, DND_LABELS[ch]), why);
  });
  const allOn = CHANNELS.every((ch) => c.dnd?.[ch]);
  const all = h("button", { type: "button", id: "dnd-all" }, "DND all channels");
  all.addEventListener("click", () => {
    void act("/dnd", "POST", { channels: ["all"], enabled: true, source: s.dndSource }, "dnd-all",
      "DND enabled by customer for all channels");
  });
  return section(
    "sec-dnd",
    "Do Not Disturb",
    h(
      "div",
      { class: "field" },
      h("label", { for: "dnd-source" }, "How the customer asked"),
      ...gate(source, noRole),
    ),
    h("fieldset", {}, h("legend", {}, "DND per channel"), ...toggles),
    h("div", { class: "row" }, ...gate(all, noRole ?? (allOn ? "DND is already on for all channels" : null))),
  );
}

function doNotEmailSection(s: CardState): HTMLElement {
  const c = s.contact;
  if (c.do_not_email) {
    return section("sec-dne", "Do Not Email", h("p", { class: "badge", id: "dne-state" }, "Do Not Email (permanent)"));
  }
  const button = h("button", { type: "button", id: "dne-open", class: "danger" }, "Mark as Do Not Email…");
  button.addEventListener("click", async () => {
    const answer = await confirmDialog({
      title: "Mark as Do Not Email?",
      body: `This is permanent: no email will ever be sent to ${c.email} again, and Do Not Email cannot be undone.`,
      confirm: "Mark as Do Not Email",
      note: true,
    });
    if (answer.ok) {
      await act("/do-not-email", "POST", answer.note ? { note: answer.note } : {}, "dne-state", "Marked as Do Not Email.");
    } else button.focus();
  });
  const reason = roleReason(s.role, CHANGERS, "mark Do Not Email") ?? (c.email ? null : "No email address");
  return section("sec-dne", "Do Not Email", h("div", { class: "row" }, ...gate(button, reason)));
}

/** Who a history record names: the lead, the system, or a person with their role. */
function actorInWords(r: HistoryRecord): string {
  if (r.actor.type === "customer") return "the lead";
  if (r.actor.type === "system") return "the service";
  return [r.actor.id, r.actor.role ? `(${r.actor.role})` : null].filter(Boolean).join(" ") || r.actor.type;
}

function conversationSection(s: CardState): HTMLElement {
  const c = s.contact;
  const stopped = c.conversation?.status === "stopped";
  // The newest record that stopped it (history is newest first)
  const stoppedBy = stopped ? s.history.find((r) => r.action === "conversation.stopped") : undefined;
  const stop = h("button", { type: "button", id: "stop-messaging", class: "danger" }, "Stop Messaging");
  stop.addEventListener("click", async () => {
    const answer = await confirmDialog({
      title: "Stop messaging?",
      body: `Stop all automated messages to ${c.name || c.id}? The conversation is marked Client Stopped.`,
      confirm: "Yes",
      cancel: "Cancel",
    });
    if (answer.ok) await act("/stop-messaging", "POST", {}, "reactivate", "Messaging stopped.");
    else stop.focus();
  });
  const reactivate = h("button", { type: "button", id: "reactivate" }, "Reactivate");
  reactivate.addEventListener("click", () => {
    void act("/reactivate", "POST", {}, "stop-messaging", "Conversation reactivated.");
  });
  return section(
    "sec-conversation",
    "Conversation",
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Status"),
      h("dd", { id: "conversation-status" }, stopped ? "Stopped" : "Active"),
      h("dt", {}, stopped ? "Stopped as" : "Stage"),
      h("dd", { id: "conversation-stage" }, c.conversation?.stage ?? "—"),
      ...(stoppedBy ? [h("dt", {}, "Stopped by"), h("dd", { id: "stopped-by" }, actorInWords(stoppedBy), ", ", timeEl(stoppedBy.at))] : []),
    ),
    h(
      "div",
      { class: "row" },
      ...gate(stop, roleReason(s.role, STOPPERS, "stop messaging") ?? (stopped ? "Conversation already stopped" : null)),
    ),
    h(
      "div",
      { class: "row" },
      ...gate(reactivate, roleReason(s.role, REACTIVATORS, "reactivate") ?? (stopped ? null : "Conversation is active")),
    ),
  );
}

function opportunitySection(s: CardState): HTMLElement {
  const o = s.contact.opportunity ?? {};
  const stages = [...new Set([o.stage, "Hot Leads", "Discontinued Process"].filter((x): x is string => Boolean(x)))];
  const select = h(
    "select",
    { id: "opportunity-stage" },
    ...stages.map((st) => h("option", { value: st, selected: st === o.stage }, st)),
  );
  const save = h("button", { type: "button", id: "opportunity-save" }, "Save stage");
  save.addEventListener("click", () => {
    void act("/opportunity", "PUT", { stage: select.value }, "opportunity-save", `Stage saved: ${select.value}.`);
  });
  const noRole = roleReason(s.role, CHANGERS, "change the opportunity");
  return section(
    "sec-opportunity",
    "Opportunity",
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Name"),
      h("dd", {}, typeof o.name === "string" ? o.name : "—"),
      h("dt", {}, "Stage"),
      h("dd", {}, typeof o.stage === "string" ? o.stage : "—"),
    ),
    h("div", { class: "field" }, h("label", { for: "opportunity-stage" }, "New stage"), ...gate(select, noRole)),
    h("div", { class: "row" }, ...gate(save, noRole)),
  );
}

function automationsSection(s: CardState): HTMLElement {
  const list = s.contact.automations ?? [];
  const noRole = roleReason(s.role, CHANGERS, "remove automations");
  const items = list.map((a, i) => {
    const button = h("button", { type: "button", class: "x", id: `remove-${i}`, "aria-label": `Remove from ${a}` }, "X");
    button.addEventListener("click", () => {
      const next = list.length > 1 ? `remove-${Math.min(i, list.length - 2)}` : "sec-automations-empty";
      void act(`/automations/${enc(a)}`, "DELETE", undefined, next, `Removed from ${a}.`);
    });
    return h("li", {}, h("span", {}, a), ...gate(button, noRole));
  });
  return section(
    "sec-automations",
    "Automations",
    items.length
      ? h("ul", { class: "automations" }, ...items)
      : h("p", { id: "sec-automations-empty", tabindex: "-1" }, "In no automation."),
  );
}

function phoneText(answer: PhoneAnswer | string | undefined): HTMLElement {
  if (answer === undefined) return h("span", {}, "Loading…");
  if (typeof answer === "string") return h("span", {}, answer);
  if (!answer.number) return h("span", {}, `None: ${(answer.reason ?? "no usable number").replace(/_/g, " ")}`);
  const parts: (string | Node)[] = [h("strong", {}, answer.number), answer.type ? ` (${answer.type})` : ""];
  const w = answer.calling_window;
  if (w) {
    const hours = w.local_hours ? `${w.local_hours[0]}:00–${w.local_hours[1]}:00` : "";
    const zones = w.time_zones?.length ? ` ${w.time_zones.join(", ")}` : "";
    parts.push(`; ${w.inside ? "inside" : "outside"} calling hours (${hours}${zones})`);
  }
  return h("span", {}, ...parts);
}

function phonesSection(s: CardState): HTMLElement {
  return section(
    "sec-phones",
    "Numbers the service would use now",
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Texts"),
      h("dd", { id: "phone-sms" }, phoneText(s.phones.sms)),
      h("dt", {}, "Calls"),
      h("dd", { id: "phone-call" }, phoneText(s.phones.call)),
    ),
  );
}

function linkSection(s: CardState): HTMLElement {
  let body: Node;
  if (!LINK_ROLES.includes(s.role)) body = h("p", {}, "Admin only.");
  else if (!s.link) body = h("p", {}, "Loading…");
  else if (s.link.error) body = h("p", {}, s.link.error);
  else
    body = h(
      "p",
      {},
      h("a", { href: s.link.url ?? "#", id: "unsubscribe-link", class: "wrap", rel: "noopener", target: "_blank" }, s.link.url ?? ""),
    );
  return section("sec-link", "Unsubscribe link", body);
}

const KINDS: Record<string, string> = { express_written: "Express written", express: "Express" };

/** The lead's consent grants (SPEC 19): kind, method, when, seller, status; the disclosure's
 * text on demand; evidence only for the roles the API shows it to (admin, support). */
function grantsSection(s: CardState): HTMLElement {
  if (s.grants === null) return section("sec-grants", "Consent grants", h("p", {}, "Loading…"));
  if (typeof s.grants === "string") return section("sec-grants", "Consent grants", h("p", {}, s.grants));
  if (!s.grants.length) return section("sec-grants", "Consent grants", h("p", {}, "No consent recorded."));
  const rows = s.grants.map((g) => {
    const shown = g.disclosure_id ? s.disclosures[g.disclosure_id] : undefined;
    const open = h("button", { type: "button", id: `disclosure-${g.id}` }, "Show disclosure");
    open.addEventListener("click", async () => {
      if (!g.disclosure_id) return;
      try {
        s.disclosures[g.disclosure_id] = await call<Disclosure>("GET", `/disclosures/${enc(g.disclosure_id)}`);
      } catch (err) {
        s.disclosures[g.disclosure_id] = (err as Error).message;
      }
      draw(`disclosure-text-${g.id}`);
    });
    const disclosure = !g.disclosure_id
      ? "—"
      : shown === undefined
        ? open
        : h("blockquote", { id: `disclosure-text-${g.id}`, tabindex: "-1" }, typeof shown === "string" ? shown : shown.text);
    const evidence = g.evidence
      ? h("details", {}, h("summary", {}, "Evidence"), h("pre", {}, JSON.stringify(g.evidence, null, 2)))
      : null;
    const status = g.status === "revoked" ? `revoked (${g.revoked.join(", ")})` : g.status;
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, KINDS[g.kind] ?? g.kind),
      h("td", {}, `${g.channels.join(", ")} · ${g.purposes.join(", ")}`),
      h("td", {}, g.method.replace(/_/g, " ")),
      h("td", {}, timeEl(g.captured_at)),
      h("td", {}, g.sellers.join(", ")),
      h("td", { class: `grant-${g.status}` }, status),
      h("td", {}, disclosure, evidence),
    );
  });
  const head = ["Kind", "Channels · purposes", "Method", "Captured", "Seller", "Status", "Disclosure"];
  return section(
    "sec-grants",
    "Consent grants",
    h(
      "table",
      { id: "grants" },
      h("thead", {}, h("tr", {}, ...head.map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, ...rows),
    ),
  );
}

function historySection(s: CardState): HTMLElement {
  const items = s.history.map((r) => {
    const who = actorInWords(r);
    const what = [r.action, r.channel ? `on ${r.channel}` : null, r.reason ? `(${r.reason.replace(/_/g, " ")})` : null]
      .filter(Boolean)
      .join(" ");
    const evidence = r.evidence && Object.keys(r.evidence).length
      ? h("details", {}, h("summary", {}, "Evidence"), h("pre", {}, JSON.stringify(r.evidence, null, 2)))
      : null;
    return h("li", {}, timeEl(r.at), " — ", h("span", { class: "actor" }, who), ": ", h("span", {}, what), evidence);
  });
  const more = h("button", { type: "button", id: "history-more" }, "More");
  more.addEventListener("click", async () => {
    try {
      const page = await call<HistoryPage>(
        "GET",
        `/contacts/${enc(s.contact.id)}/history?limit=20&cursor=${enc(s.historyCursor ?? "")}`,
      );
      s.history = [...s.history, ...page.records];
      s.historyCursor = page.next_cursor;
      draw(page.next_cursor ? "history-more" : "card-title");
    } catch (err) {
      showError((err as Error).message);
    }
  });
  return section(
    "sec-history",
    "History",
    !s.historyLoaded ? h("p", {}, "Loading…") : items.length ? h("ol", { class: "history" }, ...items) : h("p", {}, "No history yet."),
    s.historyCursor ? more : null,
  );
}
