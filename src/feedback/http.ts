import { env } from "@/config/env";
import { clientBehindFront } from "@/serve/client-address";
import { fromForm } from "./records";
import { SESSION_COOKIE, sessionCookieHeader, type SessionCodec } from "./session";
import { readCappedBody } from "@/serve/read-body";

/**
 * The HTTP side of the write endpoints: bounded bodies, JSON or HTML form, the client key for the
 * rate limit, the anonymous session cookie, and refusing writes sent from other sites.
 */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function jsonError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { ...NO_STORE, ...headers } });
}

export type Body = { ok: true; form: boolean; value: unknown } | { ok: false; response: Response };

/** Reads a JSON or form body of at most `maxBytes`: 413 past it (declared or actual), 400 if unreadable. */
export async function readBody(request: Request, maxBytes: number): Promise<Body> {
  const tooLarge = () => ({ ok: false as const, response: jsonError(413, "body_too_large", `请求体超过 ${maxBytes} 字节`) });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > maxBytes) return tooLarge();
  const text = await readCappedBody(request, maxBytes);
  if (text === null) return tooLarge();
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) return { ok: true, form: true, value: fromForm(new URLSearchParams(text)) };
  try {
    // JSON, also as text/plain (what navigator.sendBeacon sends for a string).
    return { ok: true, form: false, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: jsonError(400, "invalid_json", "请求体不是合法的 JSON") };
  }
}

/**
 * Writes come only from this site's pages, or from tools (which send no Origin). Browsers mark
 * every request with Sec-Fetch-Site; older ones at least send Origin with a POST. Either way a
 * form on another site cannot vote in a visitor's name.
 */
export function fromOtherSite(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site) return site === "cross-site";
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  try {
    const host = new URL(origin).host;
    return host !== request.headers.get("x-forwarded-host") && host !== request.headers.get("host");
  } catch {
    return true; // "null" and other opaque origins
  }
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

export interface Client {
  /** The key of the rate limit: the session when it is genuine, else the address (kept in memory only). */
  readonly key: string;
  /** The anonymous session id to store with a record, if any. */
  readonly session: string | null;
  /** A Set-Cookie header to send when a new session id was made. */
  readonly setCookie: string | null;
}

export function identifyClient(request: Request, sessions: SessionCodec | null, secure: boolean): Client {
  const existing = sessions?.verify(cookieValue(request.headers.get("cookie"), SESSION_COOKIE)) ?? null;
  if (existing) return { key: `s:${existing}`, session: existing, setCookie: null };
  const issued = sessions?.issue() ?? null;
  return {
    key: `a:${peerAddress(request)}`,
    session: issued?.id ?? null,
    setCookie: issued ? sessionCookieHeader(issued.cookie, secure) : null,
  };
}

/** The client's address as the front sees it (TRUST_PROXY decides which forwarded hops count). */
function peerAddress(request: Request): string {
  return clientBehindFront(request.headers.get("x-forwarded-for"), env().TRUST_PROXY);
}
