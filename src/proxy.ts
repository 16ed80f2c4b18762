import { readFileSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { pageCacheControl } from "@/serve/cache-policy";
import { createNonce, pagePolicy } from "@/serve/csp";
import { CspManifestSchema, EMPTY_MANIFEST, scriptAllowance, type CspManifest } from "@/serve/csp-manifest";
import { errorAnswer, MALFORMED_URL } from "@/serve/errors";
import { classify } from "@/serve/routes";
import { prepareUrlQuery } from "@/search/query";

/**
 * Runs before routing, on every request, and applies src/serve:
 * - a URL whose percent-encoding is broken (`/entry/%E0%A4%A`) gets a plain 400 — left alone,
 *   decoding the route parameters throws inside the framework and the user gets a 500;
 * - a URL whose query string holds a secret or more than the search limit is redirected to its
 *   cut and masked form (src/search/query.ts) before any page renders the request URL;
 * - the Content-Security-Policy: a page the build prerendered allows the hashes the build recorded
 *   for its scripts; every other page gets a fresh nonce, which Next.js reads from the request's
 *   policy and puts on the scripts it renders. Under `next dev` every page is rendered on request,
 *   so every page gets a nonce (the manifest of an earlier build is ignored there);
 * - the Cache-Control of pages that are a function of their path (cache-policy.ts).
 */
const dev = process.env.NODE_ENV === "development";

let manifest: CspManifest | null = null;
function recorded(): CspManifest {
  if (dev) return EMPTY_MANIFEST;
  if (manifest === null) {
    try {
      manifest = CspManifestSchema.parse(JSON.parse(readFileSync(path.join(process.cwd(), ".next", "csp-hashes.json"), "utf8")));
    } catch {
      // Without the manifest every page gets a nonce; a prerendered page then has scripts the policy does not allow.
      console.error("proxy: .next/csp-hashes.json is missing or invalid (run `npm run build`, which writes it)");
      manifest = EMPTY_MANIFEST;
    }
  }
  return manifest;
}

export function proxy(request: NextRequest) {
  const url = new URL(request.url);
  const target = classify(`${url.pathname}${url.search}`);
  if (!target.ok) {
    const answer = errorAnswer(400, { api: url.pathname.startsWith("/api/"), wording: MALFORMED_URL });
    return new NextResponse(answer.body, { status: answer.status, headers: answer.headers });
  }

  // A query string holding a secret or more than the limit never reaches a page (see prepareUrlQuery).
  const query = prepareUrlQuery(url.searchParams);
  if (query) {
    const prepared = request.nextUrl.clone();
    prepared.search = query.toString();
    return NextResponse.redirect(prepared, 307);
  }

  const allowance = target.route.kind === "page" ? scriptAllowance(recorded(), target.path) : ({ kind: "hashes", hashes: [] } as const);
  const cacheControl = pageCacheControl(target);
  let response: NextResponse;
  let policy: string;
  if (allowance.kind === "hashes") {
    policy = pagePolicy({ hashes: allowance.hashes, dev });
    response = NextResponse.next();
  } else {
    policy = pagePolicy({ nonce: createNonce(), hashes: allowance.hashes, dev });
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", policy);
  if (cacheControl) response.headers.set("Cache-Control", cacheControl);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
