// Sign-in: a role picker against /console/local-token (local), or Cognito's Hosted UI with
// Authorization Code + PKCE. The token and role live in sessionStorage.

import { call, setToken } from "./api";
import { h, showError } from "./dom";

export type Config =
  | { mode: "local" }
  | { mode: "off" }
  | { mode: "cognito"; domain: string; client_id: string; redirect_uri: string };

export interface Session {
  token: string;
  role: string;
}

export const ROLES = ["rep", "manager", "support", "admin"] as const;
const TOKEN = "console.token";
const ROLE = "console.role";
const VERIFIER = "console.pkce_verifier";
const STATE = "console.pkce_state";
const BASE = import.meta.env.BASE_URL; // "/console/"

export async function loadConfig(): Promise<Config> {
  return call<Config>("GET", `${BASE}config.json`);
}

export function currentSession(): Session | null {
  const token = sessionStorage.getItem(TOKEN);
  const role = sessionStorage.getItem(ROLE);
  if (!token || !role) return null;
  setToken(token);
  return { token, role };
}

function keep(token: string, role: string): Session {
  sessionStorage.setItem(TOKEN, token);
  sessionStorage.setItem(ROLE, role);
  setToken(token);
  return { token, role };
}

export function forget(): void {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(ROLE);
  setToken(null);
}

export function signOutUrl(config: Config): string | null {
  if (config.mode !== "cognito") return null;
  const q = new URLSearchParams({ client_id: config.client_id, logout_uri: config.redirect_uri });
  return `${config.domain}/logout?${q}`;
}

const SENIORITY = ["admin", "manager", "support", "rep"];

/** The console role of a JWT: its most senior `cognito:groups` entry. */
export function roleOf(jwt: string): string | null {
  try {
    const part = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), "=")), (c) =>
      c.charCodeAt(0),
    );
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as { "cognito:groups"?: string[] };
    // As the service does (handlers/http.py _SENIORITY): several groups act as the most senior.
    const groups = claims["cognito:groups"] ?? [];
    return SENIORITY.find((role) => groups.includes(role)) ?? null;
  } catch {
    return null;
  }
}

// ---- local: the role picker --------------------------------------------------------------

export function localSignIn(view: HTMLElement, done: (s: Session) => void, notice?: string): void {
  const radios = ROLES.map((role, i) =>
    h(
      "div",
      { class: "radio" },
      h("input", { type: "radio", name: "role", id: `role-${role}`, value: role, checked: i === 0 }),
      h("label", { for: `role-${role}` }, role),
    ),
  );
  const button = h("button", { type: "submit", class: "primary" }, "Sign in");
  const form = h(
    "form",
    { class: "card narrow", "aria-labelledby": "signin-title" },
    h("h1", { id: "signin-title" }, "Sign in"),
    notice ? h("p", {}, notice) : null,
    h("p", { class: "hint" }, "Local mode: pick the role to sign in with."),
    h("fieldset", {}, h("legend", {}, "Role"), ...radios),
    button,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const role = (form.querySelector<HTMLInputElement>("input[name=role]:checked")?.value ?? "rep").trim();
    button.disabled = true;
    try {
      const { token } = await call<{ token: string }>("GET", `${BASE}local-token?role=${encodeURIComponent(role)}`);
      showError(null);
      done(keep(token, role));
    } catch (err) {
      showError((err as Error).message);
      button.disabled = false;
    }
  });
  view.replaceChildren(form);
  form.querySelector<HTMLInputElement>("input[name=role]")?.focus();
}

/** A deployment without its own user pool (CreateUserPool=false) has no console sign-in. */
export function noSignIn(view: HTMLElement): void {
  view.replaceChildren(
    h(
      "section",
      { class: "card narrow", "aria-labelledby": "signin-title" },
      h("h1", { id: "signin-title" }, "Sign-in is not set up"),
      h(
        "p",
        {},
        "This deployment brings its own identity provider, so the console has no sign-in page. " +
          "Deploy with CreateUserPool=true to use it (README, Sign-in).",
      ),
    ),
  );
}

// ---- cognito: Authorization Code + PKCE --------------------------------------------------

function base64url(bytes: Uint8Array): string {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function randomString(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export function cognitoSignIn(view: HTMLElement, config: Extract<Config, { mode: "cognito" }>, notice?: string): void {
  const button = h("button", { type: "button", class: "primary" }, "Sign in");
  button.addEventListener("click", async () => {
    const verifier = randomString();
    const state = randomString();
    sessionStorage.setItem(VERIFIER, verifier);
    sessionStorage.setItem(STATE, state);
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
    const q = new URLSearchParams({
      response_type: "code",
      client_id: config.client_id,
      redirect_uri: config.redirect_uri,
      scope: "openid email profile",
      state,
      code_challenge: base64url(new Uint8Array(digest)),
      code_challenge_method: "S256",
    });
    location.assign(`${config.domain}/oauth2/authorize?${q}`);
  });
  view.replaceChildren(
    h(
      "section",
      { class: "card narrow", "aria-labelledby": "signin-title" },
      h("h1", { id: "signin-title" }, "Sign in"),
      notice ? h("p", {}, notice) : null,
      h("p", {}, "Sign in with your company account."),
      button,
    ),
  );
  button.focus();
}

/** Back from the Hosted UI with ?code=…&state=…: trade the code for tokens. */
export async function finishCognito(config: Extract<Config, { mode: "cognito" }>): Promise<Session | null> {
  const params = new URLSearchParams(location.search);
  const code = params.get("code");
  if (!code) return null;
  const verifier = sessionStorage.getItem(VERIFIER);
  const state = sessionStorage.getItem(STATE);
  sessionStorage.removeItem(VERIFIER);
  sessionStorage.removeItem(STATE);
  history.replaceState(null, "", location.pathname + location.hash);
  if (!verifier || params.get("state") !== state) throw new Error("The sign-in could not be verified. Please try again.");
  const response = await fetch(`${config.domain}/oauth2/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      client_id: config.client_id,
      code,
      redirect_uri: config.redirect_uri,
      code_verifier: verifier,
    }),
  });
  if (!response.ok) throw new Error("The sign-in failed. Please try again.");
  const tokens = (await response.json()) as { access_token: string; id_token?: string };
  const role = roleOf(tokens.access_token) ?? (tokens.id_token ? roleOf(tokens.id_token) : null);
  if (!role) throw new Error("Your account has no console role (Cognito group). Ask an admin.");
  return keep(tokens.access_token, role);
}
