import { createHash } from "node:crypto";
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import { gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";
import rangeParser from "range-parser";
import vary from "vary";
import { cacheKey, carriesCredentials, keepForMs, mayStore } from "@/serve/cache-policy";
import { createNonce, policyNonce } from "@/serve/csp";
import { errorAnswer, isApiTarget, MALFORMED_URL, type ErrorAnswer } from "@/serve/errors";
import { securityHeaders } from "@/serve/headers";
import { BODY_TIMEOUT_MS, CLIENT_IN_FLIGHT, CLIENT_QUEUE, MAX_URL_BYTES, UPSTREAM_SOCKETS, UPSTREAM_TIMEOUT_MS } from "@/serve/limits";
import { classify, pathTarget, ROUTES, type Target } from "@/serve/routes";
import { maskSecrets } from "@/search/secrets";
import { readBody } from "./body";
import { createClientLimit } from "./client-limit";
import { ALLOWED_METHODS, closeWith } from "./connections";
import { exact, fillGzipTemplate, fillTemplate, nonceTemplate, type NonceTemplate } from "./page-template";

/**
 * The front: answers repeat requests for pages from memory and hands everything else to the
 * Next.js server behind it, after checking what it may ask of it.
 *
 * Why it exists: every page of this site is a function of its URL and the bundled content, yet
 * Next.js spends about 1.5 ms of CPU on a prerendered page and 6–10 ms on a wizard step or the
 * search page, on one thread. Under 50 concurrent users that queue is the latency. Served from
 * memory, a page costs about what a bare Node server costs.
 *
 * What is cached is decided by src/serve (routes.ts, cache-policy.ts): a GET of an allow-listed
 * route without a query string, under the canonical form of its path, when the answer is a 200
 * that allows it. Every other request is checked (method, target, size, body in time, the
 * client's share of the upstream connections) and then streamed to Next.js and back.
 */
export interface FrontOptions {
  readonly upstream: { readonly host: string; readonly port: number };
  /** Memory for cached responses; 0 turns caching off. */
  readonly cacheBytes: number;
  /** Upstream answers slower than this get a 504. */
  readonly timeoutMs?: number;
  readonly bodyTimeoutMs?: number;
  /** Who is asking, for the per-client limit (main.ts trusts X-Forwarded-For from the proxies in TRUST_PROXY). */
  readonly clientKey?: (req: IncomingMessage) => string;
  readonly perClient?: number;
  readonly clientQueue?: number;
}

export interface FrontStats {
  /** Requests received since start. */
  readonly received: number;
  readonly hits: number;
  /** Renders asked of Next.js for the cache. */
  readonly misses: number;
  /** Requests that waited for a render already under way for the same URL. */
  readonly joined: number;
  readonly passed: number;
  readonly entries: number;
  readonly bytes: number;
  /** Requests received and not yet answered. */
  readonly inFlight: number;
  /** Requests sent to Next.js, and those waiting in their client's line. */
  readonly upstream: { readonly running: number; readonly waiting: number };
}

export interface Front {
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** For `checkContinue`: refuses a body that is too large before the client sends it. */
  readonly checkContinue: (req: IncomingMessage, res: ServerResponse) => void;
  readonly stats: () => FrontStats;
  /** From now on every answer closes its connection (shutdown.ts). */
  readonly drain: () => void;
  /** Resolves when no request is in flight. */
  readonly idle: () => Promise<void>;
  readonly close: () => void;
}

/** A whole answer from Next.js. */
interface Stored {
  readonly status: number;
  readonly headers: OutgoingHttpHeaders;
  /** Null for a page kept as a nonce template. */
  readonly body: Buffer | null;
  readonly template: NonceTemplate | null;
  /** Set for an answer that may be kept: its compressed copy (pages without a nonce), ETag and cost. */
  readonly keep: { readonly gzip: Buffer | null; readonly etag: string; readonly bytes: number } | null;
}

/** Request headers with which the Next.js router asks for something other than the page's HTML. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "next-action"];
const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer"]);
/** Ranges are the front's to answer (send()); Next.js answers a bad one with a 500. */
const NOT_FORWARDED = new Set([...HOP_BY_HOP, "range", "if-range", "expect"]);
const NOT_STORED = new Set([...HOP_BY_HOP, "date", "content-length", "etag", "content-encoding"]);
export const IDLE_MS = 60_000;
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|javascript|manifest\+json)|image\/svg\+xml)/;

export function createFront(options: FrontOptions): Front {
  // Idle connections to Next.js are closed here after IDLE_MS, before Next.js closes them (main.ts
  // gives it a longer keep-alive): a request sent on a connection the other side is closing fails.
  const agent = new http.Agent({ keepAlive: true, maxSockets: UPSTREAM_SOCKETS, timeout: IDLE_MS });
  // One page may take an eighth of the budget, so that a few large answers cannot empty it.
  const cache =
    options.cacheBytes > 0
      ? new LRUCache<string, Stored>({ maxSize: options.cacheBytes, maxEntrySize: options.cacheBytes / 8, sizeCalculation: (value, key) => (value.keep?.bytes ?? 1) + key.length * 2 })
      : null;
  const pending = new Map<string, Promise<Stored>>();
  const timeoutMs = options.timeoutMs ?? UPSTREAM_TIMEOUT_MS;
  const bodyTimeoutMs = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;
  const clientKey = options.clientKey ?? ((req: IncomingMessage) => req.socket.remoteAddress ?? "?");
  const limit = createClientLimit({ perClient: options.perClient ?? CLIENT_IN_FLIGHT, queue: options.clientQueue ?? CLIENT_QUEUE, waitMs: timeoutMs });
  const counts = { received: 0, hits: 0, misses: 0, joined: 0, passed: 0 };
  /** Requests received and not yet answered. */
  const answering = new Set<ServerResponse>();
  let draining = false;
  let onIdle: (() => void)[] = [];

  function handle(req: IncomingMessage, res: ServerResponse): void {
    counts.received++;
    answering.add(res);
    res.once("close", () => {
      answering.delete(res);
      if (answering.size === 0) for (const resolve of onIdle.splice(0)) resolve();
    });
    if (draining) res.shouldKeepAlive = false;

    const url = req.url ?? "";
    const method = req.method ?? "";
    const api = isApiTarget(url);
    if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
      answer(req, res, errorAnswer(405, { api, headers: { allow: ALLOWED_METHODS.join(", ") } }));
      return;
    }
    if (Buffer.byteLength(url) > MAX_URL_BYTES) {
      closeWith(req.socket, errorAnswer(414, { api }));
      return;
    }
    const target = classify(url);
    if (!target.ok) {
      answer(req, res, errorAnswer(400, { api, wording: target.reason === "malformed" ? MALFORMED_URL : undefined }));
      return;
    }
    if (method === "OPTIONS") {
      res.writeHead(204, { ...securityHeaders(), allow: ALLOWED_METHODS.join(", "), "cache-control": "no-store" }).end();
      return;
    }
    const declared = req.headers["content-length"];
    if ((declared !== undefined && declared !== "0") || req.headers["transfer-encoding"] !== undefined) {
      if (Number(declared) > target.route.maxBody) {
        closeWith(req.socket, tooLarge(target, api));
        return;
      }
      void readBody(req, target.route.maxBody, bodyTimeoutMs).then((result) => {
        if (result.ok) forward(req, res, result.body);
        else if (result.status === 413) closeWith(req.socket, tooLarge(target, api));
        else if (result.status === 408) closeWith(req.socket, errorAnswer(408, { api }));
      });
      return;
    }
    const key =
      (method === "GET" || method === "HEAD") && !ROUTER_HEADERS.some((name) => req.headers[name] !== undefined) && !carriesCredentials(req.headers) ? cacheKey(target) : null;
    if (key !== null && (cache || req.headers.range !== undefined)) fromCache(req, res, key);
    else forward(req, res, null);
  }

  function checkContinue(req: IncomingMessage, res: ServerResponse): void {
    const target = classify(req.url ?? "");
    if (target.ok && Number(req.headers["content-length"]) > target.route.maxBody) {
      handle(req, res);
      return;
    }
    res.writeContinue();
    handle(req, res);
  }

  function fromCache(req: IncomingMessage, res: ServerResponse, key: string): void {
    const stored = cache?.get(key);
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
      fill = upstreamSlot(req, () => fetchWhole(req, pathTarget(key))).finally(() => pending.delete(key));
      pending.set(key, fill);
      fill.then(
        (result) => {
          if (result.keep) cache?.set(key, result, { ttl: keepForMs(Date.now()) });
        },
        () => undefined,
      );
    }
    fill.then(
      (result) => send(req, res, result, "miss"),
      (error: unknown) => failed(req, res, error),
    );
  }

  /** Runs `task` once the requesting client may send one more request upstream. */
  function upstreamSlot<T>(req: IncomingMessage, task: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      limit.enter(
        clientKey(req),
        (release) => task().then(resolve, reject).finally(release),
        (reason) => reject(new Refused(reason)),
      );
    });
  }

  /** Streams a request (its body already read) to Next.js and the answer back. */
  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer | null): void {
    counts.passed++;
    const state: Passing = { release: null, upstream: null };
    const cancel = limit.enter(
      clientKey(req),
      (release) => {
        state.release = release;
        pass(req, res, body, state);
      },
      (reason) => failed(req, res, new Refused(reason)),
    );
    // One listener for all of it: a client that goes away stops its wait, or its upstream request.
    res.once("close", () => {
      cancel();
      state.release?.();
      if (!res.writableFinished) state.upstream?.destroy();
    });
  }

  /** One without a body that failed on a reused connection is sent again, as a page request is. */
  function pass(req: IncomingMessage, res: ServerResponse, body: Buffer | null, state: Passing, retry = true): void {
    if (res.destroyed) return;
    const headers = forwarded(req);
    if (body) headers["content-length"] = body.length;
    const upstream = http.request({ ...options.upstream, agent, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, withoutHopByHop(answer.headers));
      pipeline(answer, res, () => state.release?.());
    });
    state.upstream = upstream;
    upstream.setTimeout(timeoutMs, () => upstream.destroy(new UpstreamTimeout()));
    upstream.on("error", (error: NodeJS.ErrnoException) => {
      // The client went away (a prefetch the browser cancelled): nothing to answer, nothing to report.
      if (res.destroyed) {
        state.release?.();
        return;
      }
      if (retry && body === null && upstream.reusedSocket && error.code === "ECONNRESET" && !res.headersSent) {
        pass(req, res, body, state, false);
        return;
      }
      state.release?.();
      failed(req, res, error);
    });
    upstream.end(body ?? undefined);
  }

  /** Fetches a whole answer from Next.js, ready to keep. A GET has no body, so one that failed on a reused connection is sent again. */
  function fetchWhole(req: IncomingMessage, path: string, retry = true): Promise<Stored> {
    return new Promise((resolve, reject) => {
      const headers = forwarded(req);
      headers["accept-encoding"] = "identity";
      const upstream = http.request({ ...options.upstream, agent, method: "GET", path, headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("error", reject);
        answer.on("end", () => resolve(stored(answer, Buffer.concat(chunks))));
      });
      upstream.setTimeout(timeoutMs, () => upstream.destroy(new UpstreamTimeout()));
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (retry && upstream.reusedSocket && error.code === "ECONNRESET") resolve(fetchWhole(req, path, false));
        else reject(error);
      });
      upstream.end();
    });
  }

  function send(req: IncomingMessage, res: ServerResponse, stored: Stored, state: "hit" | "miss"): void {
    if (res.headersSent || res.destroyed) return;
    const headers: OutgoingHttpHeaders = { ...stored.headers, "x-cache": state };
    let body: Buffer;
    let gzip: Buffer | null;
    if (stored.template) {
      const nonce = createNonce();
      for (const [name, value] of Object.entries(headers)) headers[name] = replaceIn(value, stored.template.rendered, nonce);
      body = fillTemplate(stored.template, nonce);
      gzip = fillGzipTemplate(stored.template, nonce);
    } else {
      body = stored.body ?? Buffer.alloc(0);
      gzip = stored.keep?.gzip ?? null;
    }
    const etag = stored.keep?.etag;
    if (etag) {
      headers.etag = etag;
      if (matches(req.headers["if-none-match"], etag)) {
        // Only what a 304 may update: a stored page keeps the policy that names its own nonce.
        const kept: OutgoingHttpHeaders = { etag, "x-cache": state };
        for (const name of ["cache-control", "vary"]) if (headers[name] !== undefined) kept[name] = headers[name];
        res.writeHead(304, kept).end();
        return;
      }
    }
    if (!stored.template && stored.status === 200) {
      headers["accept-ranges"] = "bytes";
      const range = req.method === "GET" ? req.headers.range : undefined;
      const ifRange = req.headers["if-range"];
      if (range !== undefined && (ifRange === undefined || ifRange === etag)) {
        const ranges = rangeParser(body.length, range, { combine: true });
        if (ranges === -1) {
          answer(req, res, errorAnswer(416, { api: false, headers: { "content-range": `bytes */${body.length}` } }));
          return;
        }
        if (ranges !== -2 && ranges.type === "bytes" && ranges.length === 1 && ranges[0]) {
          const { start, end } = ranges[0];
          const part = body.subarray(start, end + 1);
          res.writeHead(206, { ...headers, "content-range": `bytes ${start}-${end}/${body.length}`, "content-length": part.length }).end(part);
          return;
        }
      }
    }
    if (gzip && new Negotiator(req).encoding(["gzip", "identity"]) === "gzip") {
      headers["content-encoding"] = "gzip";
      body = gzip;
    }
    headers["content-length"] = body.length;
    res.writeHead(stored.status, headers).end(req.method === "HEAD" ? undefined : body);
  }

  function failed(req: IncomingMessage, res: ServerResponse, error: unknown): void {
    if (!(error instanceof Refused)) {
      console.error(`front: ${req.method} ${loggableTarget(req.url ?? "")} failed upstream: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const api = isApiTarget(req.url);
    if (error instanceof Refused) answer(req, res, errorAnswer(error.reason === "full" ? 429 : 503, { api, headers: { "retry-after": "1" } }));
    else answer(req, res, errorAnswer(error instanceof UpstreamTimeout ? 504 : 502, { api }));
  }

  return {
    handle,
    checkContinue,
    stats: () => ({ ...counts, entries: cache?.size ?? 0, bytes: cache?.calculatedSize ?? 0, inFlight: answering.size, upstream: limit.stats() }),
    drain: () => {
      draining = true;
      // Answers still to be written close their connections too, so that keep-alive clients move on.
      for (const res of answering) res.shouldKeepAlive = false;
    },
    idle: () => (answering.size === 0 ? Promise.resolve() : new Promise((resolve) => onIdle.push(resolve))),
    close: () => {
      agent.destroy();
      onIdle = [];
    },
  };
}

function tooLarge(target: Extract<Target, { ok: true }>, api: boolean): ErrorAnswer {
  // The search API has documented this one as `query_too_large` since it was written.
  const wording = target.route === ROUTES.searchApi ? { code: "query_too_large", title: "搜索内容太大", detail: "请只粘贴报错附近的日志（最多 256 KB）。" } : undefined;
  return errorAnswer(413, { api, wording });
}

function answer(req: IncomingMessage, res: ServerResponse, error: ErrorAnswer): void {
  if (res.headersSent) return;
  const body = Buffer.from(error.body);
  res.writeHead(error.status, { ...error.headers, "content-length": body.length }).end(req.method === "HEAD" ? undefined : body);
}

function stored(answer: IncomingMessage, body: Buffer): Stored {
  const status = answer.statusCode ?? 502;
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && !NOT_STORED.has(name)) headers[name] = value;
  }
  const type = String(headers["content-type"] ?? "");
  const policy = headers["content-security-policy"];
  const rendered = type.startsWith("text/html") && typeof policy === "string" ? policyNonce(policy) : null;
  const keepable = mayStore(status, answer.headers) && answer.headers["content-encoding"] === undefined;
  const compress = keepable && COMPRESSIBLE.test(type) && body.length > 1024;
  if (compress) headers.vary = vary.append(String(headers.vary ?? ""), "Accept-Encoding");
  const template = rendered ? nonceTemplate(body, rendered, compress) : null;
  const kept = template ? null : exact(body);
  if (!keepable) return { status, headers, body: kept, template, keep: null };
  const gzip = kept && compress ? exact(gzipSync(kept)) : null;
  const digest = createHash("sha1");
  if (template) for (const piece of template.pieces) digest.update(piece).update("\0nonce\0");
  else digest.update(body);
  // A page with a nonce differs in every answer, so its tag is weak: the same page, not the same bytes.
  const etag = `${template ? "W/" : ""}"${digest.digest("base64url")}"`;
  const bytes = (template?.bytes ?? 0) + (kept?.length ?? 0) + (gzip?.length ?? 0) + JSON.stringify(headers).length * 2 + 512;
  return { status, headers, body: kept, template, keep: { gzip, etag, bytes } };
}

function replaceIn(value: OutgoingHttpHeaders[string], from: string, to: string): OutgoingHttpHeaders[string] {
  if (typeof value === "string") return value.replaceAll(from, to);
  if (Array.isArray(value)) return value.map((item) => item.replaceAll(from, to));
  return value;
}

/** `If-None-Match` against an ETag, by weak comparison (RFC 9110 §13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === bare);
}

function forwarded(req: IncomingMessage): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !NOT_FORWARDED.has(name)) headers[name] = value;
  }
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

interface Passing {
  /** Set once the client's line lets the request go upstream; calling it twice is harmless. */
  release: (() => void) | null;
  upstream: http.ClientRequest | null;
}

class UpstreamTimeout extends Error {
  constructor() {
    super("upstream timed out");
  }
}

class Refused extends Error {
  constructor(readonly reason: "full" | "timeout") {
    super(`client limit: ${reason}`);
  }
}

/**
 * A request target as it may be logged: the path, cut and masked, and the query string only as
 * its size, since it holds what a visitor typed or pasted.
 */
export function loggableTarget(target: string): string {
  const query = target.indexOf("?");
  const path = maskSecrets((query === -1 ? target : target.slice(0, query)).slice(0, 200));
  return query === -1 ? path : `${path}?<${target.length - query - 1} bytes>`;
}
