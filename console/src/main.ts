// The rep console: sign in, then the Lead Manager (#) and a contact card (#contact/<id>).

import { whenUnauthorized } from "./api";
import {
  cognitoSignIn,
  currentSession,
  finishCognito,
  forget,
  loadConfig,
  localSignIn,
  noSignIn,
  signOutUrl,
  type Config,
  type Session,
} from "./auth";
import { renderCard } from "./card";
import { h, showError } from "./dom";
import { renderLeads, resetLeads } from "./leads";

const view = document.getElementById("view") as HTMLElement;
const who = document.getElementById("who") as HTMLElement;
let config: Config = { mode: "local" };
let session: Session | null = null;
let lastOpened: string | null = null;

function header(): void {
  if (!session) {
    who.replaceChildren();
    return;
  }
  const out = h("button", { type: "button", id: "sign-out" }, "Sign out");
  out.addEventListener("click", () => signOut());
  who.replaceChildren(h("span", {}, "Signed in as ", h("strong", { id: "current-role" }, session.role)), out);
}

function signIn(notice?: string): void {
  session = null;
  header();
  document.title = "Sign in – Consent console";
  const done = (s: Session) => {
    session = s;
    header();
    route();
  };
  if (config.mode === "cognito") cognitoSignIn(view, config, notice);
  else if (config.mode === "off") noSignIn(view);
  else localSignIn(view, done, notice);
}

function signOut(): void {
  forget();
  resetLeads();
  const url = signOutUrl(config);
  if (url) location.assign(url);
  else {
    history.replaceState(null, "", location.pathname);
    signIn();
  }
}

function route(): void {
  if (!session) return signIn();
  const match = /^#contact\/(.+)$/.exec(location.hash);
  if (match) {
    const id = decodeURIComponent(match[1]);
    lastOpened = id;
    document.title = "Contact – Lead Manager";
    void renderCard(view, id, session.role);
  } else {
    document.title = "Lead Manager – Consent console";
    renderLeads(view, lastOpened ? `open-${lastOpened}` : undefined);
  }
}

whenUnauthorized(() => {
  forget();
  signIn("Your session has ended. Please sign in again.");
});

window.addEventListener("hashchange", () => {
  showError(null);
  route();
});

async function start(): Promise<void> {
  try {
    config = await loadConfig();
  } catch (err) {
    showError(`The console's settings could not be loaded: ${(err as Error).message}`);
    return;
  }
  try {
    if (config.mode === "cognito") session = (await finishCognito(config)) ?? currentSession();
    else session = currentSession();
  } catch (err) {
    showError((err as Error).message);
  }
  header();
  route();
}

void start();
