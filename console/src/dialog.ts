// A modal <dialog> to confirm an action: Escape or Cancel says no; focus starts on Cancel.

import { h, nextId } from "./dom";

export interface Confirm {
  title: string;
  body: string;
  confirm: string;
  cancel?: string;
  note?: boolean;
}

export function confirmDialog(options: Confirm): Promise<{ ok: boolean; note: string }> {
  const titleId = nextId("dialog-title");
  const bodyId = nextId("dialog-body");
  const note = options.note ? h("textarea", { id: "dialog-note", rows: 2, maxlength: 500 }) : null;
  const cancel = h("button", { type: "button", id: "dialog-cancel", autofocus: true }, options.cancel ?? "Cancel");
  const confirm = h("button", { type: "button", id: "dialog-confirm", class: "danger" }, options.confirm);
  const dialog = h(
    "dialog",
    { "aria-labelledby": titleId, "aria-describedby": bodyId, class: "confirm" },
    h("h2", { id: titleId }, options.title),
    h("p", { id: bodyId }, options.body),
    note ? h("div", { class: "field" }, h("label", { for: "dialog-note" }, "Note (optional)"), note) : null,
    h("div", { class: "row" }, cancel, confirm),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    let ok = false;
    cancel.addEventListener("click", () => dialog.close());
    confirm.addEventListener("click", () => {
      ok = true;
      dialog.close();
    });
    dialog.addEventListener("close", () => {
      const text = note?.value.trim() ?? "";
      dialog.remove();
      resolve({ ok, note: text });
    });
    dialog.showModal();
    cancel.focus();
  });
}
