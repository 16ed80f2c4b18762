import type { NextRequest } from "next/server";
import { clearAdminCookieHeaders } from "@/feedback/admin";
import { NO_STORE } from "@/feedback/http";
import { isSecure } from "@/feedback/server";
import { INSIGHTS_PAGE } from "@/urls";

export const dynamic = "force-dynamic";

/** Forgets the login cookie. */
export function POST(request: NextRequest) {
  const headers = new Headers({ ...NO_STORE, Location: INSIGHTS_PAGE });
  for (const cookie of clearAdminCookieHeaders(isSecure(request))) headers.append("Set-Cookie", cookie);
  return new Response(null, { status: 303, headers });
}
