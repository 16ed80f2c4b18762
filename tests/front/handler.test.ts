import { createHash, randomUUID } from "node:crypto";
import http, { type IncomingMessage, type OutgoingHttpHeaders, type Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { guardConnections } from "@/front/connections";
import { createFront, loggableTarget, type Front, type FrontOptions } from "@/front/handler";

/**
 * The front in front of a stand-in for Next.js that counts its requests and answers like it does:
 * a fresh nonce per rendered page, streamed bodies. What it answers depends on the last segment of
 * the path, so that every case can sit on a route the cache allows (`/entry/<case>`).
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
const INJECTED = "<script>window.__pwned=1</script>";

beforeEach(async () => {
  seen = [];
  resets = 0;
  upstream = http.createServer((req, res) => {
    // Next.js closing an idle keep-alive connection just as the front sends on it.
    if (req.url?.includes("reset-once") && resets++ === 0) {
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
  const name = url.split("?")[0]?.split("/").pop() ?? "";
  const page = (status: number, extra: OutgoingHttpHeaders = {}, injected = "") => {
    res.writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": `default-src 'self'; script-src 'self' 'nonce-${nonce}'`,
      link: `</_next/static/a.css>; rel=preload; as="style"; nonce="${nonce}"`,
      vary: "rsc, next-router-state-tree",
      "cache-control": "no-cache",
      ...extra,
    });
    res.write(`<!doctype html><html><head><script nonce="${nonce}">${SCRIPT}</script></head><body>${injected}`);
    res.end(`<p>${url}</p>${"<p>排障知识库</p>".repeat(200)}<script nonce="${nonce}">self.__next_f.push([1,"${nonce}"])</script></body></html>`);
  };
  if (name === "feedback-cookie") {
    res.writeHead(202, { "content-type": "application/json", "set-cookie": "kb_sid=new; Path=/api/; HttpOnly; SameSite=Lax" });
    res.end("{}");
  } else if (url.startsWith("/api/")) {
    const reply = () => {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ echo: body }));
    };
    if (name === "slow") setTimeout(reply, 300);
    else reply();
  } else if (url.startsWith("/_next/static/") || name === "theme.js") {
    res.writeHead(200, { "content-type": "application/javascript; charset=utf-8", "cache-control": "public, max-age=0" });
    res.end("document.documentElement.dataset.theme = localStorage.theme ?? 'light';");
  } else if (name === "slow") {
    setTimeout(() => page(200), 300);
  } else if (name === "wait") {
    setTimeout(() => page(200), 60);
  } else if (name === "missing") {
    page(404);
  } else if (name === "cookie") {
    page(200, { "set-cookie": "session=1" });
  } else if (name === "no-store") {
    page(200, { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" });
  } else if (name === "injected") {
    page(200, {}, INJECTED);
  } else if (name === "prerendered") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": "script-src 'self' 'sha256-abc'", "cache-control": "no-cache" });
    res.end("<!doctype html><p>prerendered</p>");
  } else {
    page(200);
  }
}

async function start(options: Partial<FrontOptions> = {}, port = upstreamPort): Promise<string> {
  front = createFront({ upstream: { host: "127.0.0.1", port }, cacheBytes: 1024 * 1024, ...options });
  frontServer = http.createServer(front.handle);
  frontServer.on("checkContinue", front.checkContinue);
  guardConnections(frontServer);
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
    const req = http.request(`${base}${path}`, { method: init.method ?? "GET", headers: init.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/** Sends `head` (and whatever else `then` writes) on a raw connection; resolves with all the server said once it closes. */
function raw(base: string, head: string, then?: (socket: net.Socket) => void): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1", () => {
      socket.write(head);
      then?.(socket);
    });
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    socket.on("error", reject);
    socket.on("close", () => resolve(text));
  });
}

const scriptSrc = (headers: IncomingMessage["headers"]) => String(headers["content-security-policy"] ?? "");
const nonceOf = (headers: IncomingMessage["headers"]) => /'nonce-([^']+)'/.exec(scriptSrc(headers))?.[1] ?? null;
const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("the caching front", () => {
  it("renders a page once and answers repeats from memory, the same page with a nonce of its own", async () => {
    const base = await start();
    const first = await request(base, "/wizard/triage");
    const second = await request(base, "/wizard/triage");
    expect(first.status).toBe(200);
    expect([first.headers["x-cache"], second.headers["x-cache"]]).toEqual(["miss", "hit"]);
    expect(seen).toHaveLength(1);
    const [a, b] = [nonceOf(first.headers), nonceOf(second.headers)];
    expect(a).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(b).not.toBe(a);
    expect(second.body.toString("utf8").replaceAll(String(b), "N")).toBe(first.body.toString("utf8").replaceAll(String(a), "N"));
    // The nonce of the page, of the policy and of the Link header agree in every answer.
    expect(second.body.toString("utf8").match(/nonce="([^"]+)"/g)?.every((attribute) => attribute === `nonce="${b}"`)).toBe(true);
    expect(second.headers.link).toContain(`nonce="${b}"`);
    expect(second.body.toString("utf8")).toContain(`self.__next_f.push([1,"${b}"])`);
  });

  it("never allows an inline script that was injected into a cached page", async () => {
    const base = await start();
    await request(base, "/wizard/injected");
    const cached = await request(base, "/wizard/injected");
    expect(cached.headers["x-cache"]).toBe("hit");
    const html = cached.body.toString("utf8");
    expect(html).toContain(INJECTED);
    const policy = scriptSrc(cached.headers);
    // Allowed inline scripts carry the policy's nonce or have a hash it names; the injected one does neither.
    expect(policy).not.toContain(sha("window.__pwned=1"));
    expect(policy).not.toMatch(/'sha256-|'unsafe-inline'/);
    expect(INJECTED).not.toContain("nonce=");
    const allowed = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].filter(([, attributes]) => attributes?.includes(`nonce="${nonceOf(cached.headers)}"`));
    expect(allowed.map(([, , body]) => body)).not.toContain("window.__pwned=1");
    expect(allowed).toHaveLength(2);
  });

  it("keeps the policy of a page without a nonce as Next.js sent it", async () => {
    const base = await start();
    await request(base, "/entry/prerendered");
    const cached = await request(base, "/entry/prerendered");
    expect(cached.headers["x-cache"]).toBe("hit");
    expect(cached.headers["content-security-policy"]).toBe("script-src 'self' 'sha256-abc'");
  });

  it.each([
    ["a query string", "/search?q=errcode%2040001", {}],
    ["a client-side navigation (RSC)", "/wizard/triage", { rsc: "1" }],
    ["a router prefetch", "/wizard/triage", { "next-router-prefetch": "1" }],
    ["the API", "/api/health", {}],
    ["a route that is not on the list", "/somewhere/else", {}],
    ["a path with an encoded slash", "/entry/a%2Fb", {}],
    ["a path with a trailing slash", "/entry/a/", {}],
  ])("passes %s through to Next.js every time", async (_name, path, headers) => {
    const base = await start();
    await request(base, path, { headers });
    const second = await request(base, path, { headers });
    expect(seen).toHaveLength(2);
    expect(second.headers["x-cache"]).toBeUndefined();
    expect(second.status).toBe(200);
  });

  it.each([
    ["the insights token", { authorization: "Bearer 0123456789abcdef" }],
    ["the insights cookie", { cookie: "theme=dark; kb_admin=abc" }],
  ])("never answers a request with %s from what it kept for anonymous visitors, nor keeps its answer", async (_name, headers) => {
    const base = await start();
    await request(base, "/entry/a");
    expect((await request(base, "/entry/a")).headers["x-cache"]).toBe("hit");
    const withCredentials = [await request(base, "/entry/a", { headers }), await request(base, "/entry/a", { headers })];
    expect(withCredentials.map((r) => r.headers["x-cache"])).toEqual([undefined, undefined]);
    expect(seen).toHaveLength(3);
    expect(front?.stats().entries).toBe(1);
  });

  it("passes the session cookie of a write through, both ways", async () => {
    const base = await start();
    const reply = await request(base, "/api/feedback-cookie", { method: "POST", headers: { cookie: "kb_sid=abc.def" }, body: "{}" });
    expect(seen[0]?.headers.cookie).toBe("kb_sid=abc.def");
    expect(reply.headers["set-cookie"]).toEqual(["kb_sid=new; Path=/api/; HttpOnly; SameSite=Lax"]);
  });

  it("keeps build assets and public files", async () => {
    const base = await start();
    for (const path of ["/_next/static/chunks/a.js", "/theme.js"]) {
      await request(base, path);
      expect((await request(base, path)).headers["x-cache"], path).toBe("hit");
    }
    expect(seen).toHaveLength(2);
  });

  it("never keeps an answer marked no-store, even on a route it may cache", async () => {
    const base = await start();
    const replies = [await request(base, "/wizard/no-store"), await request(base, "/wizard/no-store")];
    expect(replies.map((r) => r.headers["x-cache"])).toEqual(["miss", "miss"]);
    expect(seen).toHaveLength(2);
    expect(front?.stats().entries).toBe(0);
    expect(replies[1]?.headers.etag).toBeUndefined();
  });

  it("keeps percent-encoded variants of one URL as one page, asked of Next.js by its canonical path", async () => {
    const base = await start();
    for (const path of ["/entry/ab", "/entry/%61b", "/%65ntry/a%62", "/entry/%61%62"]) expect((await request(base, path)).status).toBe(200);
    expect(seen.map((s) => s.url)).toEqual(["/entry/ab"]);
    expect(front?.stats()).toMatchObject({ entries: 1, misses: 1, hits: 3 });
  });

  it("stays within its memory budget however many variants are asked for", async () => {
    const base = await start({ cacheBytes: 256 * 1024 });
    for (let i = 0; i < 400; i++) {
      const id = `p${i % 40}`;
      const variant = [...id].map((c, at) => ((i >> at) & 1 ? `%${c.charCodeAt(0).toString(16)}` : c)).join("");
      await request(base, `/entry/${variant}`);
    }
    const stats = front?.stats();
    expect(stats?.bytes).toBeLessThanOrEqual(256 * 1024);
    expect(stats?.entries).toBeLessThanOrEqual(40);
    expect(seen.length).toBeGreaterThanOrEqual(40);
  });

  it("does not keep an error page or a response that sets a cookie", async () => {
    const base = await start();
    for (const path of ["/entry/missing", "/entry/missing", "/entry/cookie", "/entry/cookie"]) await request(base, path);
    expect(seen.map((s) => s.url)).toEqual(["/entry/missing", "/entry/missing", "/entry/cookie", "/entry/cookie"]);
    const missing = await request(base, "/entry/missing");
    expect(missing.status).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
  });

  it("streams a POST body through and the answer back", async () => {
    const base = await start();
    const reply = await request(base, "/api/search", { method: "POST", headers: { "content-type": "application/json" }, body: '{"q":"40001"}' });
    expect(JSON.parse(reply.body.toString("utf8"))).toEqual({ echo: '{"q":"40001"}' });
    expect(seen[0]?.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen[0]?.headers["content-length"]).toBe("13");
  });

  it("sends gzip to clients that accept it, and says so in Vary; the gzip of a nonce page has that answer's nonce", async () => {
    const base = await start();
    await request(base, "/entry/a");
    const reply = await request(base, "/entry/a", { headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(reply.headers["content-encoding"]).toBe("gzip");
    expect(reply.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
    const html = gunzipSync(reply.body).toString("utf8");
    expect(html).toContain("<p>/entry/a</p>");
    expect(html).toContain(`nonce="${nonceOf(reply.headers)}"`);
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

  it("answers a matching If-None-Match with 304, no body and no policy (the browser keeps the one naming its copy's nonce)", async () => {
    const base = await start();
    const { headers } = await request(base, "/entry/a");
    expect(String(headers.etag)).toMatch(/^W\/"/);
    const again = await request(base, "/entry/a", { headers: { "if-none-match": String(headers.etag) } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers["content-security-policy"]).toBeUndefined();
    expect(again.headers.link).toBeUndefined();
  });

  it("renders a page once for many simultaneous first visitors", async () => {
    const base = await start();
    const replies = await Promise.all(Array.from({ length: 10 }, () => request(base, "/entry/wait")));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(front?.stats()).toMatchObject({ misses: 1, joined: 9 });
  });

  it("sends a page request again when Next.js closed the reused connection under it", async () => {
    const base = await start();
    await request(base, "/entry/a");
    const reply = await request(base, "/entry/reset-once");
    expect(reply.status).toBe(200);
    expect(resets).toBe(2);
  });

  it("does the same for a request it passes through", async () => {
    const base = await start();
    await request(base, "/api/health");
    const reply = await request(base, "/entry/reset-once?q=1");
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
    expect(JSON.parse(api.body.toString("utf8"))).toEqual({ error: { code: "upstream_unavailable", message: "服务暂时不可用：请稍后再试。" } });
  });

  it("answers 504 when Next.js takes too long", async () => {
    const base = await start({ timeoutMs: 100 });
    expect((await request(base, "/entry/slow")).status).toBe(504);
    expect((await request(base, "/entry/slow?q=1")).status).toBe(504);
  });

  it("counts what it did", async () => {
    const base = await start();
    await request(base, "/entry/a");
    await request(base, "/entry/a");
    await request(base, "/api/health");
    expect(front?.stats()).toMatchObject({ hits: 1, misses: 1, joined: 0, passed: 1, entries: 1, inFlight: 0 });
  });
});

describe("statuses the front gives itself", () => {
  const securityHeaders = (reply: Reply) => {
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    expect(reply.headers["cross-origin-resource-policy"]).toBe("same-origin");
    expect(reply.headers["content-security-policy"]).toContain("default-src 'none'");
  };

  it.each(["TRACE", "PUT", "DELETE", "PROPFIND"])("%s is 405 with the allowed methods", async (method) => {
    const base = await start();
    const reply = await request(base, "/", { method });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
    securityHeaders(reply);
    expect(seen).toHaveLength(0);
  });

  it("CONNECT is 405 too, answered before the connection is closed", async () => {
    const base = await start();
    const text = await raw(base, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 405 /);
    expect(text).toContain("x-content-type-options: nosniff");
  });

  it("an asterisk or absolute request target is 400", async () => {
    const base = await start();
    for (const line of ["OPTIONS * HTTP/1.1", "GET http://example.com/ HTTP/1.1"]) {
      const text = await raw(base, `${line}\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(text, line).toMatch(/^HTTP\/1\.1 400 /);
      expect(text, line).toContain("x-content-type-options: nosniff");
    }
    expect(seen).toHaveLength(0);
  });

  it("malformed percent-encoding is 400 (JSON under /api/)", async () => {
    const base = await start();
    expect((await request(base, "/entry/%E0%A4%A")).status).toBe(400);
    const api = await request(base, "/api/search%E0");
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body.toString("utf8")).error.code).toBe("malformed_url");
  });

  it("OPTIONS is 204 with the allowed methods", async () => {
    const base = await start();
    const reply = await request(base, "/entry/a", { method: "OPTIONS" });
    expect(reply.status).toBe(204);
    expect(reply.headers.allow).toBe("GET, HEAD, POST, OPTIONS");
  });

  it("a byte range of a kept file is 206; one beyond its end is 416 with the security headers", async () => {
    const base = await start();
    const whole = await request(base, "/theme.js");
    const size = whole.body.length;
    const part = await request(base, "/theme.js", { headers: { range: "bytes=0-7" } });
    expect(part.status).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 0-7/${size}`);
    expect(part.body.toString("utf8")).toBe(whole.body.toString("utf8").slice(0, 8));
    const beyond = await request(base, "/theme.js", { headers: { range: "bytes=99999-" } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers["content-range"]).toBe(`bytes */${size}`);
    securityHeaders(beyond);
    // A range that does not parse, or several at once, get the whole file.
    expect((await request(base, "/theme.js", { headers: { range: "bytes=x-y" } })).status).toBe(200);
    expect((await request(base, "/theme.js", { headers: { range: "bytes=0-1,5-6" } })).status).toBe(200);
    // Ranges are never sent to Next.js, which answers a bad one with a 500.
    expect(seen.every((s) => s.headers.range === undefined)).toBe(true);
  });

  it("a Range with the cache off still gets 416, and a Range elsewhere gets the whole answer", async () => {
    const base = await start({ cacheBytes: 0 });
    expect((await request(base, "/theme.js", { headers: { range: "bytes=99999-" } })).status).toBe(416);
    expect((await request(base, "/api/health", { headers: { range: "bytes=99999-" } })).status).toBe(200);
  });

  it("a URL longer than the limit is 414, then the connection is closed", async () => {
    const base = await start();
    const text = await raw(base, `GET /search?q=${"a".repeat(100 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(text).toMatch(/^HTTP\/1\.1 414 /);
    expect(text).toContain("connection: close");
    expect(seen).toHaveLength(0);
  });
});

describe("request bodies", () => {
  it("a declared Content-Length above the route's limit is 413 at once, before any of the body is sent", async () => {
    const base = await start();
    const text = await raw(base, "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 10000000\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('"code":"query_too_large"');
    expect(seen).toHaveLength(0);
  });

  it.each([
    ["/api/feedback", 4 * 1024],
    ["/api/events", 16 * 1024],
  ])("%s takes a body of at most %d bytes", async (path, limit) => {
    const base = await start();
    const over = await raw(base, `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${limit + 1}\r\n\r\n`);
    expect(over).toMatch(/^HTTP\/1\.1 413 /);
    expect(seen).toHaveLength(0);
    const body = JSON.stringify({ pad: "x".repeat(limit - 10) });
    expect((await request(base, path, { method: "POST", headers: { "content-type": "application/json" }, body })).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("with Expect: 100-continue, a body that is too large is refused before it is sent", async () => {
    const base = await start();
    const text = await raw(base, "POST /api/csp-report HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1000000\r\n\r\n");
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("a chunked body that grows past the limit is 413", async () => {
    const base = await start();
    const chunk = "x".repeat(20 * 1024);
    const text = await raw(base, "POST /api/csp-report HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", (socket) => {
      socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`);
    });
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(seen).toHaveLength(0);
  });

  it("a body that does not arrive in time is 408 and the connection is closed; Next.js never sees it", async () => {
    const base = await start({ bodyTimeoutMs: 200 });
    const text = await raw(base, "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nerrcode");
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toContain("x-content-type-options: nosniff");
    expect(seen).toHaveLength(0);
  });

  it("130 slow POSTs hold no connection to Next.js: a page and the health check still answer", async () => {
    const base = await start();
    const { port } = new URL(base);
    const sockets = await Promise.all(
      Array.from(
        { length: 130 },
        () =>
          new Promise<net.Socket>((resolve) => {
            const socket = net.connect(Number(port), "127.0.0.1", () => {
              socket.write("POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 200000\r\n\r\nerrcode 40001 ");
              resolve(socket);
            });
            socket.on("error", () => undefined);
          }),
      ),
    );
    try {
      expect((await request(base, "/api/health")).status).toBe(200);
      expect((await request(base, "/entry/a")).status).toBe(200);
      expect(seen.map((s) => s.url)).toEqual(["/api/health", "/entry/a"]);
      expect(front?.stats().upstream.running).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});

describe("each client's share of the connections to Next.js", () => {
  const as = (client: string) => ({ "x-client": client });
  const clientKey = (req: IncomingMessage) => String(req.headers["x-client"] ?? "?");

  it("a client's requests beyond its share wait in its own line; another client's go straight through", async () => {
    const base = await start({ clientKey, perClient: 2 });
    const slow = Array.from({ length: 6 }, () => request(base, "/api/slow", { headers: as("greedy") }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(front?.stats().upstream).toEqual({ running: 2, waiting: 4 });
    const other = await request(base, "/api/health", { headers: as("someone-else") });
    expect(other.status).toBe(200);
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(front?.stats().upstream).toEqual({ running: 0, waiting: 0 });
  });

  it("past its line's length a client gets 429", async () => {
    const base = await start({ clientKey, perClient: 1, clientQueue: 1 });
    const replies = await Promise.all(Array.from({ length: 4 }, () => request(base, "/api/slow", { headers: as("greedy") })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 429, 429]);
    const refused = replies.find((r) => r.status === 429);
    expect(refused?.headers["retry-after"]).toBe("1");
    expect(refused?.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("loggableTarget", () => {
  it("keeps the path, masked, and only the size of the query", () => {
    expect(loggableTarget("/search?q=SMTP_PASS%3Dhunter2")).toBe("/search?<21 bytes>");
    expect(loggableTarget("/entry/password=hunter2")).toBe("/entry/password=***");
    expect(loggableTarget(`/entry/${"a".repeat(300)}`)).toHaveLength(200);
  });
});
