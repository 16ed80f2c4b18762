import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The one cookie the product sets for visitors: `kb_sid`, an anonymous random id, signed so that
 * a client cannot make up new ones to get around the rate limit. It lasts until the browser is
 * closed, is only sent to /api/, and is used to let a person change their own vote and to tie one
 * wizard walk together. The key that signs it lives in the database, shared by every instance.
 */
export const SESSION_COOKIE = "kb_sid";

export interface SessionCodec {
  /** A new signed cookie value and the id it carries. */
  issue(): { id: string; cookie: string };
  /** The id in a cookie value, or null when it is malformed or its signature is wrong. */
  verify(cookie: string | undefined | null): string | null;
}

const ID = /^[A-Za-z0-9_-]{22}$/;

export function createSessionCodec(key: string): SessionCodec {
  const sign = (id: string) => createHmac("sha256", key).update(id).digest("base64url").slice(0, 22);
  return {
    issue() {
      const id = randomBytes(16).toString("base64url");
      return { id, cookie: `${id}.${sign(id)}` };
    },
    verify(cookie) {
      if (!cookie) return null;
      const [id, signature, extra] = cookie.split(".");
      if (extra !== undefined || !id || !signature || !ID.test(id)) return null;
      const expected = Buffer.from(sign(id));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
    },
  };
}

/** The Set-Cookie header for a new session id. */
export function sessionCookieHeader(value: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; Path=/api/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
