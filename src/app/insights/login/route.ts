import type { NextRequest } from "next/server";
import { env } from "@/config/env";
import { adminCookieHeaders, sameSecret } from "@/feedback/admin";
import { fromOtherSite, NO_STORE, readBody } from "@/feedback/http";
import { createRateLimiter } from "@/feedback/rate-limit";
import { isSecure } from "@/feedback/server";
import { INSIGHTS_PAGE, insightsUrl } from "@/urls";

export const dynamic = "force-dynamic";

// Ten tries a minute per address: the token is long enough that this only keeps the logs quiet.
const attempts = createRateLimiter({ perMinute: 10, maxClients: 10_000 });

/** The login form of /insights: a right token sets the HttpOnly, SameSite=Strict cookie. */
export async function POST(request: NextRequest) {
  const token = env().ADMIN_TOKEN;
  if (!token) return new Response("Not Found", { status: 404, headers: NO_STORE });
  const again = (error: string) => new Response(null, { status: 303, headers: { ...NO_STORE, Location: `${INSIGHTS_PAGE}?error=${error}` } });
  if (fromOtherSite(request)) return again("cross-site");
  if (!attempts.take(request.headers.get("x-forwarded-for")?.split(",").pop()?.trim() ?? "unknown")) return again("rate");
  const body = await readBody(request, 4096);
  const given = body.ok && body.form ? (body.value as { token?: unknown }).token : undefined;
  if (typeof given !== "string" || !sameSecret(given.trim(), token)) return again("token");
  const headers = new Headers({ ...NO_STORE, Location: insightsUrl() });
  for (const cookie of adminCookieHeaders(token, isSecure(request))) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}
