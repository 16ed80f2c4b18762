import { createHash, randomUUID } from "node:crypto";
import http, { type IncomingMessage, type OutgoingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFront, type Front, type FrontOptions } from "@/front/handler";

/**
 * The front in front of a stand-in for Next.js that counts its requests and answers like it does:
 * a fresh nonce per rendered page, streamed bodies, gzip when asked.
 */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

let upstream: Server;
let upstreamPort: number;
let seen: Seen[];
let resets: number;
let front: Front | null;
let frontServer: Server | null;

const SCRIPT = "self.__next_f=self.__next_f||[]";

beforeEach(async () => {
  seen = [];
  resets = 0;
  upstream = http.createServer((req, res) => {
    // Next.js closing an idle keep-alive connection just as the front sends on it.
    if (req.url?.startsWith("/reset-once") && resets++ === 0) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      answer(req.url ?? "", body, res);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamPort = (upstream.address() as AddressInfo).port;
  front = null;
  frontServer = null;
});

afterEach(async () => {
  front?.close();
  await Promise.all([close(upstream), frontServer ? close(frontServer) : null]);
});

function answer(url: string, body: string, res: http.ServerResponse): void {
  const nonce = Buffer.from(randomUUID()).toString("base64");
  const page = (status: number, extra: OutgoingHttpHeaders = {}) => {
    res.writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `default-src 'self'; script-src 'self' 'nonce-${nonce}'`,
      vary: "rsc, next-router-state-tree",
      ...extra,
    });
    res.write(`<!doctype html><html><head><script nonce="${nonce}">${SCRIPT}</script></head><body>`);
    res.end(`<p>${url}</p>${"<p>排障知识库</p>".repeat(200)}</body></html>`);
  };
  if (url.startsWith("/slow")) {
    setTimeout(() => page(200), 300);
  } else if (url.startsWith("/wait")) {
    setTimeout(() => page(200), 60);
  } else if (url === "/missing") {
    page(404);
  } else if (url === "/cookie") {
    page(200, { "set-cookie": "session=1" });
  } else if (url === "/api/feedback-cookie") {
    res.writeHead(202, { "content-type": "application/json", "set-cookie": "kb_sid=new; Path=/api/; HttpOnly; SameSite=Lax" });
    res.end("{}");
  } else if (url.startsWith("/api/")) {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ echo: body }));
  } else {
    page(200);
  }
}

async function start(options: Partial<FrontOptions> = {}, port = upstreamPort): Promise<string> {
  front = createFront({ upstream: { host: "127.0.0.1", port }, cacheBytes: 1024 * 1024, ...options });
  frontServer = http.createServer(front.handle);
  await new Promise<void>((resolve) => frontServer?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(frontServer.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

interface Reply {
  readonly status: number;
  readonly headers: IncomingMessage["headers"];
  readonly body: Buffer;
}

function request(base: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method: init.method ?? "GET", headers: init.headers ?? {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

describe("the caching front", () => {
  it("renders a page once and answers repeats from memory, byte for byte", async () => {
    const base = await start();
    const first = await request(base, "/wizard/triage");
    const second = await request(base, "/wizard/triage");
    expect(first.status).toBe(200);
    expect([first.headers["x-cache"], second.headers["x-cache"]]).toEqual(["miss", "hit"]);
    expect(second.body.equals(first.body)).toBe(true);
    expect(seen).toHaveLength(1);
  });

  it("pins a cached page's policy to the hashes of its inline scripts instead of one visitor's nonce", async () => {
    const base = await start();
    await request(base, "/wizard/triage");
    const { headers } = await request(base, "/wizard/triage");
    const hash = `'sha256-${createHash("sha256").update(SCRIPT, "utf8").digest("base64")}'`;
    expect(headers["content-security-policy"]).toBe(`default-src 'self'; script-src 'self' ${hash}`);
  });

  it.each([
    ["a query string", "/search?q=errcode%2040001", {}],
    ["a client-side navigation (RSC)", "/wizard/triage", { rsc: "1" }],
    ["a router prefetch", "/wizard/triage", { "next-router-prefetch": "1" }],
    ["the API", "/api/health", {}],
    ["a static asset", "/_next/static/chunk.js", {}],
    ["a request with the insights token", "/insights", { authorization: "Bearer 0123456789abcdef" }],
    ["a request with the insights cookie", "/insights", { cookie: "theme=dark; kb_admin=abc" }],
  ])("passes %s through to Next.js every time", async (_name, path, headers) => {
    const base = await start();
    await request(base, path, { headers });
    const second = await request(base, path, { headers });
    expect(seen).toHaveLength(2);
    expect(second.headers["x-cache"]).toBeUndefined();
    expect(second.status).toBe(200);
  });

  it("streams a POST body through and the answer back", async () => {
    const base = await start();
    const reply = await request(base, "/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: '{"q":"40001"}' });
    expect(JSON.parse(reply.body.toString("utf8"))).toEqual({ echo: '{"q":"40001"}' });
    expect(seen[0]?.headers["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("never answers a request with credentials from what it kept for anonymous visitors", async () => {
    const base = await start();
    await request(base, "/insights");
    expect((await request(base, "/insights")).headers["x-cache"]).toBe("hit");
    const admin = await request(base, "/insights", { headers: { cookie: "kb_admin=abc" } });
    expect(admin.headers["x-cache"]).toBeUndefined();
    expect(seen.map((s) => s.headers.cookie)).toEqual([undefined, "kb_admin=abc"]);
  });

  it("passes the session cookie of a write through, both ways", async () => {
    const base = await start();
    const reply = await request(base, "/api/feedback-cookie", { method: "POST", headers: { cookie: "kb_sid=abc.def" }, body: "{}" });
    expect(seen[0]?.headers.cookie).toBe("kb_sid=abc.def");
    expect(reply.headers["set-cookie"]).toEqual(["kb_sid=new; Path=/api/; HttpOnly; SameSite=Lax"]);
  });

  it("does not keep an error page or a response that sets a cookie", async () => {
    const base = await start();
    for (const path of ["/missing", "/missing", "/cookie", "/cookie"]) await request(base, path);
    expect(seen.map((s) => s.url)).toEqual(["/missing", "/missing", "/cookie", "/cookie"]);
    const missing = await request(base, "/missing");
    expect(missing.status).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
  });

  it("sends gzip to clients that accept it, and says so in Vary", async () => {
    const base = await start();
    await request(base, "/entry/a");
    const reply = await request(base, "/entry/a", { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(reply.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
    expect(gunzipSync(reply.body).toString("utf8")).toContain("<p>/entry/a</p>");
    expect(seen[0]?.headers["accept-encoding"]).toBe("identity");
  });

  it("sends the plain page to a client that refuses gzip", async () => {
    const base = await start();
    await request(base, "/entry/a");
    const reply = await request(base, "/entry/a", { headers: { "accept-encoding": "gzip;q=0, identity" } });
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(reply.body.toString("utf8")).toContain("<p>/entry/a</p>");
  });

  it("stays within its memory budget, dropping the least recently used pages", async () => {
    const base = await start({ cacheBytes: 64 * 1024 });
    for (let i = 0; i < 15; i++) await request(base, `/entry/${i}`);
    const stats = front?.stats();
    expect(stats?.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(stats?.entries).toBeLessThan(15);
    expect((await request(base, "/entry/14")).headers["x-cache"]).toBe("hit");
    expect((await request(base, "/entry/0")).headers["x-cache"]).toBe("miss");
  });

  it("answers a matching If-None-Match with 304 and no body", async () => {
    const base = await start();
    const { headers } = await request(base, "/entry/a");
    const again = await request(base, "/entry/a", { headers: { "if-none-match": String(headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("renders a page once for many simultaneous first visitors", async () => {
    const base = await start();
    const replies = await Promise.all(Array.from({ length: 10 }, () => request(base, "/wait")));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(front?.stats()).toMatchObject({ misses: 1, joined: 9 });
  });

  it("sends a page request again when Next.js closed the reused connection under it", async () => {
    const base = await start();
    await request(base, "/entry/a");
    const reply = await request(base, "/reset-once");
    expect(reply.status).toBe(200);
    expect(resets).toBe(2);
  });

  it("does the same for a request it passes through", async () => {
    const base = await start();
    await request(base, "/api/health");
    const reply = await request(base, "/reset-once?q=1");
    expect(reply.status).toBe(200);
    expect(resets).toBe(2);
  });

  it("with a budget of 0, keeps nothing", async () => {
    const base = await start({ cacheBytes: 0 });
    await request(base, "/entry/a");
    await request(base, "/entry/a");
    expect(seen).toHaveLength(2);
  });

  it("answers 502 with a page, or JSON for the API, when Next.js is down", async () => {
    const base = await start({}, 1);
    const page = await request(base, "/entry/a");
    expect(page.status).toBe(502);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.body.toString("utf8")).toContain("服务暂时不可用");
    const api = await request(base, "/api/search", { method: "POST", body: "{}" });
    expect(api.status).toBe(502);
    expect(JSON.parse(api.body.toString("utf8"))).toEqual({ error: { code: "upstream_unavailable", message: "服务暂时不可用，请稍后再试。" } });
  });

  it("answers 504 when Next.js takes too long", async () => {
    const base = await start({ timeoutMs: 100 });
    expect((await request(base, "/slow")).status).toBe(504);
    expect((await request(base, "/slow?q=1")).status).toBe(504);
  });

  it("counts what it did", async () => {
    const base = await start();
    await request(base, "/entry/a");
    await request(base, "/entry/a");
    await request(base, "/api/health");
    expect(front?.stats()).toMatchObject({ hits: 1, misses: 1, joined: 0, passed: 1, entries: 1 });
  });
});
