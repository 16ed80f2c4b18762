import { readFileSync } from "node:fs";
import path from "node:path";
import { NextResponse, type NextRequest } from "next/server";
import { prepareUrlQuery } from "./search/query";

/**
 * Runs before routing, on every request:
 * - refuses URLs whose percent-encoding is broken (`/entry/%E0%A4%A`) with a plain 400 — left
 *   alone, decoding the route parameters throws inside the framework and the user gets a 500;
 * - sets the Content-Security-Policy. Pages rendered per request (search, wizard) get a fresh
 *   nonce that Next.js puts on its inline scripts; prerendered pages get the hashes of their own
 *   inline scripts, recorded at build time (`scripts/postbuild.ts`). Either way there is no
 *   'unsafe-inline' and no 'unsafe-eval' for scripts, so inline event handlers never run. The
 *   caching front (src/front) swaps the nonce of a page it keeps for that page's hashes.
 */
const DYNAMIC = /^\/(?:search|wizard|api)(?:\/|$)/;

let hashes: Record<string, string[]> | null = null;
function pageHashes(pathname: string): string[] {
  if (hashes === null) {
    try {
      hashes = JSON.parse(readFileSync(path.join(process.cwd(), ".next", "csp-hashes.json"), "utf8")) as Record<string, string[]>;
    } catch {
      hashes = {};
    }
  }
  const key = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  return [...new Set([...(hashes[key] ?? []), ...(hashes["/_not-found"] ?? [])])];
}

function policy(scriptSources: readonly string[]): string {
  const dev = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptSources.join(" ")}${dev}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const raw = new URL(request.url).pathname;
  try {
    decodeURIComponent(raw);
  } catch {
    if (raw.startsWith("/api/")) {
      return NextResponse.json({ error: { code: "malformed_url", message: "URL 中的百分号编码无效" } }, { status: 400 });
    }
    return new NextResponse(BAD_URL_PAGE, {
      status: 400,
      headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": policy([]) },
    });
  }

  // A query string holding a secret or more than the limit never reaches a page (see prepareUrlQuery).
  const query = prepareUrlQuery(request.nextUrl.searchParams);
  if (query) {
    const url = request.nextUrl.clone();
    url.search = query.toString();
    return NextResponse.redirect(url, 307);
  }

  if (DYNAMIC.test(raw)) {
    const nonce = btoa(crypto.randomUUID());
    const csp = policy([`'nonce-${nonce}'`]);
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    const response = NextResponse.next({ request: { headers } });
    response.headers.set("Content-Security-Policy", csp);
    return response;
  }
  const response = NextResponse.next();
  response.headers.set("Content-Security-Policy", policy(pageHashes(raw)));
  return response;
}

const BAD_URL_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>链接无效 · 排障知识库</title></head>
<body style="font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.7">
<h1>这个链接无效</h1><p>地址里有无法识别的编码，可能是复制时被截断了。</p>
<p><a href="/">回到首页</a> 或 <a href="/search">搜索报错</a>。</p></body></html>`;

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
