import { createHash } from "node:crypto";
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import { gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";
import vary from "vary";
import { SECURITY_HEADERS } from "@/config/security-headers";
import { carriesAdminCredentials } from "@/feedback/admin";
import { inlineScriptHashes, pinScriptHashes } from "./csp";

/**
 * The front: answers repeat requests for pages from memory and hands everything else to the
 * Next.js server behind it, unchanged.
 *
 * Why it exists: every page of this site is a function of its URL and the bundled content, yet
 * Next.js spends about 1.5 ms of CPU on a prerendered page and 6–10 ms on a wizard step or the
 * search page, on one thread. Under 50 concurrent users that queue is the latency. Served from
 * memory, a page costs about what a bare Node server costs.
 *
 * What is cached: a GET without a query string, outside /api/ and /_next/, without the headers
 * the Next.js router sends for client-side navigation, whose answer is a 200 without cookies.
 * A query (search, the triage paste box) can carry anything, so it always goes through.
 */
export interface FrontOptions {
  readonly upstream: { readonly host: string; readonly port: number };
  /** Memory for cached responses; 0 turns caching off. */
  readonly cacheBytes: number;
  /** Upstream answers slower than this get a 504. */
  readonly timeoutMs?: number;
}

export interface FrontStats {
  readonly hits: number;
  /** Renders asked of Next.js for the cache. */
  readonly misses: number;
  /** Requests that waited for a render already under way for the same URL. */
  readonly joined: number;
  readonly passed: number;
  readonly entries: number;
  readonly bytes: number;
}

export interface Front {
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  readonly stats: () => FrontStats;
  readonly close: () => void;
}

/** A whole answer from Next.js; only a cacheable one gets a compressed copy and an ETag. */
interface Stored {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  readonly body: Buffer;
  readonly cache: { readonly gzip: Buffer | null; readonly etag: string; readonly bytes: number } | null;
}

/** Request headers with which the Next.js router asks for something other than the page's HTML. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "next-action", "range"];
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);
const NOT_STORED = new Set([...HOP_BY_HOP, "date", "content-length", "etag", "content-encoding"]);
export const IDLE_MS = 60_000;
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|javascript|manifest\+json)|image\/svg\+xml)/;

export function createFront(options: FrontOptions): Front {
  // Idle connections to Next.js are closed here after IDLE_MS, before Next.js closes them (main.ts
  // gives it a longer keep-alive): a request sent on a connection the other side is closing fails.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128, timeout: IDLE_MS });
  // One page may take an eighth of the budget, so that a few large answers cannot empty it.
  const cache =
    options.cacheBytes > 0
      ? new LRUCache<string, Stored>({ maxSize: options.cacheBytes, maxEntrySize: options.cacheBytes / 8, sizeCalculation: (value) => value.cache?.bytes ?? 1 })
      : null;
  const pending = new Map<string, Promise<Stored>>();
  const timeoutMs = options.timeoutMs ?? 30_000;
  const counts = { hits: 0, misses: 0, joined: 0, passed: 0 };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const key = cache ? cacheKey(req) : null;
    if (!cache || key === null) {
      counts.passed++;
      pass(req, res);
      return;
    }
    const stored = cache.get(key);
    if (stored) {
      counts.hits++;
      send(req, res, stored, "hit");
      return;
    }
    let fill = pending.get(key);
    if (fill) {
      counts.joined++;
    } else {
      counts.misses++;
      fill = fetchWhole(req).finally(() => pending.delete(key));
      pending.set(key, fill);
      fill.then(
        (result) => {
          if (result.cache) cache.set(key, result);
        },
        () => undefined,
      );
    }
    fill.then(
      (result) => send(req, res, result, "miss"),
      (error: unknown) => failed(req, res, error),
    );
  }

  /**
   * Streams a request to Next.js and its answer back. One without a body that failed on a reused
   * connection is sent again, as a page request is.
   */
  function pass(req: IncomingMessage, res: ServerResponse, retry = true): void {
    const bodiless = (req.method === "GET" || req.method === "HEAD") && req.headers["content-length"] === undefined && req.headers["transfer-encoding"] === undefined;
    const upstream = http.request(
      { ...options.upstream, agent, method: req.method, path: req.url, headers: forwarded(req) },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
        pipeline(answer, res, () => undefined);
      },
    );
    upstream.setTimeout(timeoutMs, () => upstream.destroy(new UpstreamTimeout()));
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      if (retry && bodiless && upstream.reusedSocket && error.code === "ECONNRESET" && !res.headersSent) pass(req, res, false);
      else failed(req, res, error);
    });
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    if (bodiless) upstream.end();
    else pipeline(req, upstream, () => undefined);
  }

  /**
   * Fetches a whole page from Next.js, ready to store: identity encoding, policy pinned to hashes.
   * A GET has no body, so one that failed on a reused connection is safe to send again.
   */
  function fetchWhole(req: IncomingMessage, retry = true): Promise<Stored> {
    return new Promise((resolve, reject) => {
      const headers = forwarded(req);
      headers["accept-encoding"] = "identity";
      const upstream = http.request({ ...options.upstream, agent, method: "GET", path: req.url, headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("error", reject);
        answer.on("end", () => resolve(stored(answer, Buffer.concat(chunks))));
      });
      upstream.setTimeout(timeoutMs, () => upstream.destroy(new UpstreamTimeout()));
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (retry && upstream.reusedSocket && error.code === "ECONNRESET") resolve(fetchWhole(req, false));
        else reject(error);
      });
      upstream.end();
    });
  }

  return {
    handle,
    stats: () => ({ ...counts, entries: cache?.size ?? 0, bytes: cache?.calculatedSize ?? 0 }),
    close: () => agent.destroy(),
  };
}

function cacheKey(req: IncomingMessage): string | null {
  const url = req.url ?? "";
  if (req.method !== "GET" || !url.startsWith("/") || url.includes("?")) return null;
  if (url.startsWith("/api/") || url.startsWith("/_next/")) return null;
  if (ROUTER_HEADERS.some((name) => req.headers[name] !== undefined)) return null;
  // What a request with credentials sees (the insights page) is neither served from nor kept for others.
  if (carriesAdminCredentials(req.headers)) return null;
  return url;
}

function stored(answer: IncomingMessage, body: Buffer): Stored {
  const status = answer.statusCode ?? 502;
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && !NOT_STORED.has(name)) headers[name] = value;
  }
  const type = String(headers["content-type"] ?? "");
  const policy = headers["content-security-policy"];
  if (type.startsWith("text/html") && typeof policy === "string") {
    headers["content-security-policy"] = pinScriptHashes(policy, inlineScriptHashes(body.toString("utf8")));
  }
  if (status !== 200 || headers["set-cookie"] !== undefined || answer.headers["content-encoding"] !== undefined) return { status, headers, body, cache: null };
  const gzip = COMPRESSIBLE.test(type) && body.length > 1024 ? gzipSync(body) : null;
  if (gzip) headers.vary = vary.append(String(headers.vary ?? ""), "Accept-Encoding");
  const etag = `"${createHash("sha1").update(body).digest("base64url")}"`;
  return { status, headers, body, cache: { gzip, etag, bytes: body.length + (gzip?.length ?? 0) + 1024 } };
}

function send(req: IncomingMessage, res: ServerResponse, stored: Stored, state: "hit" | "miss"): void {
  if (res.headersSent || res.destroyed) return;
  const headers: OutgoingHttpHeaders = { ...stored.headers, "x-cache": state };
  let body = stored.body;
  if (stored.cache) {
    headers.etag = stored.cache.etag;
    if (req.headers["if-none-match"] === stored.cache.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    if (stored.cache.gzip && new Negotiator(req).encoding(["gzip", "identity"]) === "gzip") {
      headers["content-encoding"] = "gzip";
      body = stored.cache.gzip;
    }
  }
  headers["content-length"] = body.length;
  res.writeHead(stored.status, headers).end(body);
}

function failed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  console.error(`front: ${req.method} ${(req.url ?? "").slice(0, 200)} failed upstream: ${error instanceof Error ? error.message : String(error)}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = error instanceof UpstreamTimeout ? 504 : 502;
  const message = status === 504 ? "服务响应超时，请稍后再试。" : "服务暂时不可用，请稍后再试。";
  const api = (req.url ?? "").startsWith("/api/");
  const body = api
    ? JSON.stringify({ error: { code: status === 504 ? "upstream_timeout" : "upstream_unavailable", message } })
    : `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${message}</title></head><body><h1>${message}</h1><p><a href="/">回到首页</a></p></body></html>`;
  const headers: OutgoingHttpHeaders = {
    "content-type": api ? "application/json; charset=utf-8" : "text/html; charset=utf-8",
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "cache-control": "no-store",
  };
  for (const { key, value } of SECURITY_HEADERS) headers[key.toLowerCase()] = value;
  res.writeHead(status, headers).end(body);
}

function forwarded(req: IncomingMessage): OutgoingHttpHeaders {
  const headers = withoutHopByHop(req.headers);
  const client = req.socket.remoteAddress;
  if (client) headers["x-forwarded-for"] = headers["x-forwarded-for"] ? `${String(headers["x-forwarded-for"])}, ${client}` : client;
  return headers;
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const kept: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) kept[name] = value;
  }
  return kept;
}

class UpstreamTimeout extends Error {
  constructor() {
    super("upstream timed out");
  }
}
