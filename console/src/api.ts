// Same-origin JSON calls with the signed-in user's bearer token.

export type Channel = "sms" | "email" | "call";
export const CHANNELS: Channel[] = ["sms", "email", "call"];

export interface OptOut {
  source: string;
  at: string;
  actor: string;
  purposes?: string[];
}

export interface Contact {
  id: string;
  name: string | null;
  email: string | null;
  phones: { cell?: string | null; home?: string | null; work?: string | null };
  country: string | null;
  state?: string | null;
  channel: string;
  opportunity: { name?: string; stage?: string; [key: string]: unknown };
  automations: string[];
  conversation: { status: "active" | "stopped"; stage: string | null };
  dnd: Partial<Record<Channel, boolean>>;
  do_not_email: boolean;
  consent: Partial<Record<Channel, { allowed: boolean; reason: string | null }>>;
  opt_outs: Partial<Record<Channel | "do_not_email", OptOut>>;
}

export interface ContactsPage {
  contacts: Contact[];
  next_cursor: string | null;
}

export interface HistoryRecord {
  seq: number;
  at: string;
  actor: { type: string; id: string | null; role: string | null };
  action: string;
  channel: string | null;
  reason: string | null;
  address?: string | null;
  evidence?: Record<string, unknown>;
}

export interface HistoryPage {
  contact_id: string;
  records: HistoryRecord[];
  next_cursor: string | null;
}

export interface PhoneAnswer {
  number: string | null;
  type: string | null;
  reason: string | null;
  calling_window: { inside: boolean; time_zones: string[]; local_hours: [number, number] } | null;
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
