import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { e2ePort, startFront, waitUntilHealthy } from "../helpers/front-process";

/**
 * The serving path as deployed (front.mjs and Next.js behind it): statuses for hostile requests,
 * the Content-Security-Policy of cached and prerendered pages, the cache policy, slow clients,
 * shutdown under load, and refusing to start with broken content.
 */
const PORT = e2ePort(0);

/** Writes `head` on a raw connection (then whatever `then` writes); resolves with all the server said before closing. */
function raw(head: string | Buffer, then?: (socket: net.Socket) => void, port = PORT): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(head);
      then?.(socket);
    });
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    socket.on("error", reject);
    socket.on("close", () => resolve(text));
  });
}

const status = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
const withSecurityHeaders = (text: string) => {
  expect(text).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
  expect(text).toMatch(/\r\ncontent-security-policy: [^\r]*frame-ancestors 'none'/i);
  expect(text).toMatch(/\r\ncross-origin-resource-policy: same-origin\r\n/i);
};

test.describe("statuses for hostile requests, each with the security headers", () => {
  test("TRACE and CONNECT are 405", async () => {
    for (const head of ["TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"]) {
      const text = await raw(head);
      expect(status(text), head).toBe(405);
      withSecurityHeaders(text);
    }
  });

  test("odd request targets are 400", async () => {
    for (const line of ["OPTIONS * HTTP/1.1", "GET * HTTP/1.1", "GET http://example.com/ HTTP/1.1"]) {
      const text = await raw(`${line}\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(status(text), line).toBe(400);
      withSecurityHeaders(text);
    }
  });

  test("a Range beyond the end of /theme.js is 416; a good one is 206", async ({ request }) => {
    const size = (await (await request.get("/theme.js")).body()).length;
    const beyond = await request.get("/theme.js", { headers: { Range: "bytes=99999-" } });
    expect(beyond.status()).toBe(416);
    expect(beyond.headers()["content-range"]).toBe(`bytes */${size}`);
    expect(beyond.headers()["x-content-type-options"]).toBe("nosniff");
    const part = await request.get("/theme.js", { headers: { Range: "bytes=0-9" } });
    expect(part.status()).toBe(206);
    expect((await part.body()).length).toBe(10);
  });

  test("a 4 MB URL is 414 and a 200 KB header 431 — answered, not reset", async () => {
    const url = await raw(`GET /search?q=${"a".repeat(4 * 1024 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(status(url)).toBe(414);
    withSecurityHeaders(url);
    const header = await raw(`GET / HTTP/1.1\r\nHost: x\r\nCookie: ${"c".repeat(200 * 1024)}\r\n\r\n`);
    expect(status(header)).toBe(431);
    withSecurityHeaders(header);
  });

  test("a declared Content-Length over the limit is 413 at once, before the body", async () => {
    const text = await raw("POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 50000000\r\n\r\n");
    expect(status(text)).toBe(413);
    expect(text).toContain('"code":"query_too_large"');
    withSecurityHeaders(text);
  });
});

test.describe("slow clients", () => {
  test("130 slow POSTs do not hold up health or search, and each gets 408 once its time is up", async ({ request }) => {
    test.setTimeout(90_000);
    const sockets: net.Socket[] = [];
    const answers = Array.from(
      { length: 130 },
      () =>
        new Promise<string>((resolve) => {
          const socket = net.connect(PORT, "127.0.0.1", () => socket.write("POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nerrcode 40001 "));
          sockets.push(socket);
          let text = "";
          socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
          socket.on("error", () => resolve(`error ${text}`));
          socket.on("close", () => resolve(text));
        }),
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect((await request.get("/api/health")).status()).toBe(200);
      expect((await request.get("/api/search?q=errcode%2040001")).status()).toBe(200);
      expect((await request.post("/api/search", { data: { q: "Connection refused 3306" } })).status()).toBe(200);
      const statuses = (await Promise.all(answers)).map(status);
      expect(statuses).toEqual(Array(130).fill(408));
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});

test.describe("the Content-Security-Policy names only the app's own scripts", () => {
  const manifest = JSON.parse(readFileSync(".next/standalone/.next/csp-hashes.json", "utf8")) as { pages: Record<string, string[]>; fallback: string[] };
  const scriptSrc = (csp: string | undefined) => (csp ?? "").split(";").find((d) => d.trim().startsWith("script-src")) ?? "";

  test("a prerendered page allows exactly the hashes the build recorded for it, and no nonce", async ({ request }) => {
    for (const url of ["/", "/entry/wechat-pay-appid-vs-mp-appid", "/area/docker"]) {
      const response = await request.get(url);
      const sources = scriptSrc(response.headers()["content-security-policy"]).trim().split(/\s+/).slice(1);
      expect(sources, url).not.toContainEqual(expect.stringMatching(/nonce|unsafe/));
      expect(new Set(sources), url).toEqual(new Set(["'self'", ...(manifest.pages[url] ?? ["missing"]), ...manifest.fallback]));
    }
  });

  test("a page rendered on request gets a nonce and only the fallback pages' recorded hashes", async ({ request }) => {
    const response = await request.get("/search?q=40001");
    const sources = scriptSrc(response.headers()["content-security-policy"]).trim().split(/\s+/).slice(1);
    expect(sources.filter((s) => s.startsWith("'nonce-"))).toHaveLength(1);
    expect(sources.filter((s) => s.startsWith("'sha256-")).sort()).toEqual([...manifest.fallback].sort());
  });

  test("violations can be reported; a report over the size limit is refused", async ({ request }) => {
    const report = { "csp-report": { "document-uri": "http://x/search?q=secret", "violated-directive": "script-src-elem", "blocked-uri": "inline" } };
    const ok = await request.post("/api/csp-report", { data: JSON.stringify(report), headers: { "content-type": "application/csp-report" } });
    expect(ok.status()).toBe(204);
    const big = await request.post("/api/csp-report", { data: "x".repeat(64 * 1024), headers: { "content-type": "application/csp-report" } });
    expect(big.status()).toBe(413);
  });
});

test.describe("the cache policy", () => {
  test("percent-encoded variants of one URL are one cached page", async ({ request }) => {
    const variants = ["/system/chatgpt-on-wechat", "/system/chatgpt%2Don%2Dwechat", "/%73ystem/chatgpt-on-wechat"];
    const replies = [];
    for (const url of variants) replies.push(await request.get(url));
    expect(replies.map((r) => r.status())).toEqual([200, 200, 200]);
    expect(replies.slice(1).map((r) => r.headers()["x-cache"])).toEqual(["hit", "hit"]);
  });

  test("nothing marked no-store is ever answered from the cache", async ({ request }) => {
    for (const url of ["/", "/wizard", "/wizard/triage", "/search", "/search?q=40001", "/wizard?q=40001", "/entry/no-such-entry", "/api/health", "/theme.js"]) {
      for (let i = 0; i < 2; i++) {
        const headers = (await request.get(url)).headers();
        if (headers["x-cache"] === "hit") expect(headers["cache-control"] ?? "", url).not.toMatch(/no-store|private/);
      }
    }
  });
});

test.describe("stopping and starting", () => {
  test("SIGTERM under load: every request in flight is answered, then the process exits 0", async () => {
    test.setTimeout(180_000);
    const front = startFront(51, { SHUTDOWN_TIMEOUT: "60" });
    try {
      await waitUntilHealthy(front.base);
      const ids = [...(await (await fetch(`${front.base}/sitemap.xml`)).text()).matchAll(/\/entry\/([^<]+)<\/loc>/g)].map((m) => m[1] ?? "");
      expect(ids.length).toBeGreaterThan(40);
      const start = (await front.stats()).received;
      const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
      const get = (url: string) => call("GET", url, null, agent);
      const requests: Promise<number>[] = [
        ...ids.map((id) => get(`/wizard/${id}`)),
        ...ids.map((id) => get(`/entry/${id}`)),
        ...ids.slice(0, 30).map((id) => get(`/search?q=${encodeURIComponent(id.replaceAll("-", " "))}`)),
        ...ids.slice(0, 30).map((id) => call("POST", "/api/search", JSON.stringify({ q: id.replaceAll("-", " ") }), agent)),
        // Slow bodies: sent in five pieces over two seconds.
        ...[1, 2, 3].map(() => call("POST", "/api/search", "SMTP 535 authentication failed ".repeat(5), null, 400)),
      ];
      const total = requests.length;
      // Signal once every request has reached the front.
      for (let i = 0; i < 600 && (await front.stats()).received < start + total; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      const before = await front.stats();
      expect(before.received - start).toBe(total);
      front.child.kill("SIGTERM");
      const statuses = await Promise.all(requests.map((r) => r.catch((error: Error) => `failed: ${error.message}`)));
      agent.destroy();
      expect(statuses.filter((s) => typeof s !== "number" || s >= 500)).toEqual([]);
      expect(await front.exited).toBe(0);
      expect(front.output()).toContain("排障知识库: stopped.");
      console.log(`SIGTERM under load: ${total} requests, ${before.inFlight} in flight at the signal, ${statuses.filter((s) => s === 200).length} answered 200, none failed`);

      function call(method: string, url: string, body: string | null, via: http.Agent | null, pieceMs = 0): Promise<number> {
        return new Promise((resolve, reject) => {
          const req = http.request(`${front.base}${url}`, { method, agent: via ?? false, headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {} }, (res) => {
            res.resume();
            res.on("end", () => resolve(res.statusCode ?? 0));
            res.on("error", reject);
          });
          req.on("error", reject);
          if (!body) {
            req.end();
          } else if (pieceMs === 0) {
            req.end(body);
          } else {
            const piece = Math.ceil(body.length / 5);
            req.flushHeaders();
            for (let i = 0; i < 5; i++) setTimeout(() => (i === 4 ? req.end(body.slice(i * piece)) : req.write(body.slice(i * piece, (i + 1) * piece))), i * pieceMs);
          }
        });
      }
    } finally {
      front.child.kill("SIGKILL");
    }
  });

  test("Next.js never outlives the front, even when the front is killed with SIGKILL", async () => {
    test.setTimeout(120_000);
    const front = startFront(53);
    try {
      await waitUntilHealthy(front.base);
      const child = readdirSync("/proc").find((pid) => /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ")[1] === String(front.child.pid));
      expect(child).toBeDefined();
      front.child.kill("SIGKILL");
      await expect.poll(() => existsSync(`/proc/${child}/stat`) && !readFileSync(`/proc/${child}/stat`, "utf8").split(") ")[1]?.startsWith("Z"), { timeout: 30_000 }).toBe(false);
    } finally {
      front.child.kill("SIGKILL");
    }
  });

  test("broken content stops the server at start-up with file:line and exit code 1", async () => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(path.join(tmpdir(), "kb-broken-"));
    try {
      const modules = path.resolve(".next/standalone/node_modules");
      cpSync(".next/standalone", dir, { recursive: true, filter: (source) => path.resolve(source) !== modules });
      symlinkSync(modules, path.join(dir, "node_modules"));
      const file = path.join(dir, "content/entries/docker/gptlink-docker-server-error.md");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^kind: problem$/m, "kind: mystery"));
      const front = startFront(52, {}, dir);
      expect(await front.exited).toBe(1);
      expect(front.output()).toContain("cannot start: the content does not build");
      expect(front.output()).toMatch(/content\/entries\/docker\/gptlink-docker-server-error\.md:\d+:\d+ {2}error/);
      expect(front.output()).toContain("the Next.js server stopped (exit code 1)");
      expect(await fetch(`http://127.0.0.1:${e2ePort(52)}/api/health`).catch(() => null)).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
