// Same-origin JSON calls with the signed-in user's bearer token.

import type { components } from "../../clients/typescript/src/schema";

export type Channel = "sms" | "email" | "call";
export const CHANNELS: Channel[] = ["sms", "email", "call"];

// The service's own types, generated from its OpenAPI document into the TypeScript client
// (clients/typescript, `make clients`): a changed contract fails the console's build.
type Schemas = components["schemas"];
export type Contact = Schemas["ContactResponse"];
export interface OptOut {
  source: string;
  at: string;
  actor: string;
}
export type ContactsPage = Schemas["ContactsPage"];
export type HistoryRecord = Schemas["HistoryRecord"];
export type HistoryPage = Schemas["HistoryResponse"];
export type PhoneAnswer = Schemas["PhoneResponse"];
export type UnsubscribeLink = Schemas["UnsubscribeLinkResponse"];
export type Grant = Schemas["GrantOut"];
export type Disclosure = Schemas["Disclosure"];

/** Why a DND or Do Not Email was set (`opt_outs.<key>`; the document types it as a map). */
export function optOut(c: Contact, key: string): OptOut | undefined {
  const raw = c.opt_outs?.[key];
  if (!raw) return undefined;
  const text = (name: string) => (typeof raw[name] === "string" ? (raw[name] as string) : "");
  return { source: text("source"), at: text("at"), actor: text("actor") };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let token: string | null = null;
let onUnauthorized: () => void = () => undefined;

export function setToken(value: string | null): void {
  token = value;
}

export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "The service could not be reached. Check your connection and try again.");
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const err = (data ?? {}) as { error?: string; message?: string };
    if (response.status === 401) {
      onUnauthorized();
      throw new ApiError(401, err.error ?? "unauthorized", "Your session has ended. Please sign in again.");
    }
    if (response.status === 403) {
      throw new ApiError(403, err.error ?? "forbidden", "Your role may not do this.");
    }
    throw new ApiError(response.status, err.error ?? "error", err.message ?? `The request failed (${response.status}).`);
  }
  return data as T;
}

export const enc = encodeURIComponent;
