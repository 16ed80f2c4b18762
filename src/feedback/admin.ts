import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { INSIGHTS_API, INSIGHTS_PAGE } from "@/urls";

/**
 * Who may read /insights and /api/insights: whoever presents ADMIN_TOKEN, as
 * `Authorization: Bearer <token>` or through the login form, which sets the `kb_admin` cookie.
 * The cookie holds a value derived from the token, not the token, so that it says nothing about
 * the token if it leaks, and stops working when the token changes. Every comparison takes the
 * same time whatever the input.
 */
export const ADMIN_COOKIE = "kb_admin";
/** The cookie is sent only to the insights page and its API, for eight hours. */
export const ADMIN_COOKIE_PATHS = [INSIGHTS_PAGE, INSIGHTS_API] as const;
const COOKIE_SECONDS = 8 * 60 * 60;

export type Access = "disabled" | "denied" | "granted";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Constant-time equality of two strings of any length (compared as SHA-256 digests). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function cookieValueFor(token: string): string {
  return createHmac("sha256", token).update("paizhang-kb insights session v1").digest("base64url");
}

export function checkAccess(token: string | undefined, request: { authorization: string | null; cookie: string | null }): Access {
  if (!token) return "disabled";
  const bearer = /^Bearer\s+(.+)$/i.exec(request.authorization ?? "")?.[1]?.trim();
  if (bearer !== undefined && sameSecret(bearer, token)) return "granted";
  if (request.cookie !== null && sameSecret(request.cookie, cookieValueFor(token))) return "granted";
  return "denied";
}

export function adminCookieHeaders(token: string, secure: boolean): string[] {
  return ADMIN_COOKIE_PATHS.map(
    (path) => `${ADMIN_COOKIE}=${cookieValueFor(token)}; Path=${path}; Max-Age=${COOKIE_SECONDS}; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`,
  );
}

export function clearAdminCookieHeaders(secure: boolean): string[] {
  return ADMIN_COOKIE_PATHS.map((path) => `${ADMIN_COOKIE}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Strict${secure ? "; Secure" : ""}`);
}

/** True when a request carries credentials that a shared cache must not answer for (used by the front). */
export function carriesAdminCredentials(headers: { authorization?: string | undefined; cookie?: string | undefined }): boolean {
  return headers.authorization !== undefined || (headers.cookie ?? "").includes(`${ADMIN_COOKIE}=`);
}
