import http, { type Server } from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { guardConnections } from "@/front/connections";

/** A server with small limits, guarded as the front's is, to see what a client gets when it crosses them. */
let server: Server;
let port: number;

beforeEach(async () => {
  server = http.createServer({ maxHeaderSize: 16 * 1024, headersTimeout: 300, requestTimeout: 300, connectionsCheckingInterval: 50 }, (_req, res) => res.end("ok"));
  guardConnections(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Writes `data` (as fast as the server reads it), and resolves with what the server said before closing; never a reset. */
function send(data: string | Buffer, endAfter = true): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(data, () => {
        if (endAfter) socket.end();
      });
    });
    let text = "";
    socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    socket.on("error", reject);
    socket.on("close", () => resolve(text));
  });
}

describe("answers for requests that never parse", () => {
  it("a 4 MB URL gets 414 with the security headers, not a reset", async () => {
    const text = await send(`GET /search?q=${"a".repeat(4 * 1024 * 1024)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(text).toMatch(/^HTTP\/1\.1 414 URI Too Long\r\n/);
    expect(text).toContain("x-content-type-options: nosniff");
    expect(text).toContain("connection: close");
  });

  it("headers over the limit get 431, whether one is long or there are many", async () => {
    const cookie = await send(`GET / HTTP/1.1\r\nHost: x\r\nCookie: ${"c".repeat(200 * 1024)}\r\n\r\n`);
    expect(cookie).toMatch(/^HTTP\/1\.1 431 /);
    expect(cookie).toContain("content-security-policy: default-src 'none'");
    const many = await send(`GET / HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 1000 }, (_, i) => `X-H${i}: ${"v".repeat(40)}\r\n`).join("")}\r\n`);
    expect(many).toMatch(/^HTTP\/1\.1 431 /);
  });

  it("a request line that does not parse gets 400, JSON under /api/", async () => {
    expect(await send("GET / HTTP/1.1 extra\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 /);
    const api = await send("GET /api/search?q=a b HTTP/1.1\r\n\r\n");
    expect(api).toMatch(/^HTTP\/1\.1 400 /);
    expect(api).toContain('{"error":{"code":"bad_request"');
  });

  it("headers that arrive too slowly get 408", async () => {
    const text = await send("GET / HTTP/1.1\r\nHost: x\r\n", false);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(text).toContain("x-frame-options: DENY");
  });

  it("a well-formed request is untouched", async () => {
    expect(await send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*ok$/);
  });
});
