// The Lead Manager: search, filters, a page of results.

import { call, type Contact, type ContactsPage } from "./api";
import { h, showError } from "./dom";

interface SearchState {
  query: string;
  opted_out: boolean;
  stopped: boolean;
  dnd: { sms: boolean; email: boolean; call: boolean };
  cursors: (string | null)[]; // the cursor of each page shown so far; the last is the current page
  page: ContactsPage | null;
}

const state: SearchState = {
  query: "",
  opted_out: false,
  stopped: false,
  dnd: { sms: false, email: false, call: false },
  cursors: [null],
  page: null,
};

function dndSummary(c: Contact): string {
  const on = (["sms", "email", "call"] as const).filter((ch) => c.dnd?.[ch]);
  const words = { sms: "texts", email: "email", call: "calls" };
  const parts = on.map((ch) => words[ch]);
  if (c.do_not_email && !on.includes("email")) parts.push("email");
  if (parts.length === 0) return "None";
  return parts.length === 3 ? "All channels" : parts.join(", ");
}

function url(): string {
  const q = new URLSearchParams();
  if (state.query.trim()) q.set("query", state.query.trim());
  if (state.opted_out) q.set("opted_out", "true");
  if (state.stopped) q.set("stopped", "true");
  // The service takes one comma-separated dnd parameter (DND_PATTERN: sms,call).
  const dnd = (["sms", "email", "call"] as const).filter((ch) => state.dnd[ch]);
  if (dnd.length) q.set("dnd", dnd.join(","));
  q.set("limit", "25");
  const cursor = state.cursors[state.cursors.length - 1];
  if (cursor) q.set("cursor", cursor);
  return `/contacts?${q}`;
}

export function renderLeads(view: HTMLElement, focusId?: string): void {
  const checkbox = (id: string, label: string, checked: boolean, set: (v: boolean) => void) =>
    h(
      "div",
      { class: "check" },
      h("input", { type: "checkbox", id, checked, onchange: (e: Event) => set((e.target as HTMLInputElement).checked) }),
      h("label", { for: id }, label),
    );
  const input = h("input", {
    type: "search",
    id: "search-leads",
    name: "query",
    placeholder: "name, phone or email",
    value: state.query,
    autocomplete: "off",
  });
  const results = h("div", { id: "results", "aria-live": "polite" });
  const form = h(
    "form",
    { role: "search", class: "search", "aria-label": "Leads" },
    h("div", { class: "field" }, h("label", { for: "search-leads" }, "Search leads"), input),
    h(
      "fieldset",
      { class: "filters" },
      h("legend", {}, "Filters"),
      checkbox("f-opted-out", "Opted out", state.opted_out, (v) => (state.opted_out = v)),
      checkbox("f-stopped", "Stopped", state.stopped, (v) => (state.stopped = v)),
      checkbox("f-dnd-sms", "DND texts", state.dnd.sms, (v) => (state.dnd.sms = v)),
      checkbox("f-dnd-email", "DND email", state.dnd.email, (v) => (state.dnd.email = v)),
      checkbox("f-dnd-call", "DND calls", state.dnd.call, (v) => (state.dnd.call = v)),
    ),
    h("button", { type: "submit", class: "primary", id: "search-button" }, "Search"),
  );
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    state.query = input.value;
    state.cursors = [null];
    void load(results);
  });
  view.replaceChildren(h("h1", { id: "page-title", tabindex: "-1" }, "Lead Manager"), form, results);
  if (state.page) drawResults(results);
  else void load(results);
  const target = focusId ? document.getElementById(focusId) : null;
  (target ?? input).focus();
}

async function load(results: HTMLElement, focusId?: string): Promise<void> {
  results.setAttribute("aria-busy", "true");
  try {
    state.page = await call<ContactsPage>("GET", url());
    showError(null);
    drawResults(results);
    if (focusId) {
      const target = document.getElementById(focusId) as HTMLButtonElement | null;
      const other = document.getElementById(focusId === "next-page" ? "prev-page" : "next-page") as HTMLButtonElement | null;
      if (target && !target.disabled) target.focus();
      else if (other && !other.disabled) other.focus();
    }
  } catch (err) {
    showError((err as Error).message);
  } finally {
    results.removeAttribute("aria-busy");
  }
}

function drawResults(results: HTMLElement): void {
  const page = state.page;
  if (!page) return;
  const rows = page.contacts.map((c) =>
    h(
      "tr",
      {},
      h(
        "th",
        { scope: "row" },
        h("a", { href: `#contact/${encodeURIComponent(c.id)}`, id: `open-${c.id}` }, c.name || c.id),
      ),
      h("td", {}, c.email ?? "—"),
      h("td", {}, c.phones?.cell ?? "—"),
      h("td", {}, c.conversation?.status === "stopped" ? "Stopped" : "Active"),
      h("td", {}, dndSummary(c)),
    ),
  );
  const number = state.cursors.length;
  const prev = h("button", { type: "button", id: "prev-page", disabled: number <= 1 }, "Previous page");
  const next = h("button", { type: "button", id: "next-page", disabled: !page.next_cursor }, "Next page");
  prev.addEventListener("click", () => {
    state.cursors.pop();
    void load(results, "prev-page");
  });
  next.addEventListener("click", () => {
    state.cursors.push(page.next_cursor);
    void load(results, "next-page");
  });
  results.replaceChildren(
    page.contacts.length
      ? h(
          "table",
          { class: "leads" },
          h("caption", {}, `Leads, page ${number}`),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...["Name", "Email", "Cell", "Conversation", "DND"].map((t) => h("th", { scope: "col" }, t)),
            ),
          ),
          h("tbody", {}, ...rows),
        )
      : h("p", {}, "No leads match."),
    h("nav", { class: "pager", "aria-label": "Pages" }, prev, next),
  );
}

export function resetLeads(): void {
  state.page = null;
  state.cursors = [null];
}
