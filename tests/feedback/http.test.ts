import { describe, expect, it } from "vitest";
import { ADMIN_COOKIE, adminCookieHeaders, carriesAdminCredentials, checkAccess, cookieValueFor, sameSecret } from "@/feedback/admin";
import { cookieValue, fromOtherSite, identifyClient, readBody } from "@/feedback/http";
import { createRateLimiter } from "@/feedback/rate-limit";
import { createSessionCodec, SESSION_COOKIE } from "@/feedback/session";

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://kb.example/api/feedback", { method: "POST", body, headers: { host: "kb.example", ...headers } });

describe("request bodies", () => {
  it("reads JSON, JSON sent as text (sendBeacon), and HTML forms", async () => {
    expect(await readBody(post('{"a":1}', { "content-type": "application/json" }), 100)).toEqual({ ok: true, form: false, value: { a: 1 } });
    expect(await readBody(post('{"a":1}', { "content-type": "text/plain;charset=UTF-8" }), 100)).toEqual({ ok: true, form: false, value: { a: 1 } });
    expect(await readBody(post("entry=x&helpful=yes", { "content-type": "application/x-www-form-urlencoded" }), 100)).toEqual({
      ok: true,
      form: true,
      value: { entry: "x", helpful: true },
    });
  });

  it("answers 413 past the limit, declared or not, and 400 for broken JSON", async () => {
    const declared = await readBody(post("{}", { "content-length": "100000" }), 100);
    expect(declared.ok || declared.response.status).toBe(413);
    const actual = await readBody(post(`"${"a".repeat(200)}"`), 100);
    expect(actual.ok || actual.response.status).toBe(413);
    const broken = await readBody(post("{nope"), 100);
    expect(broken.ok || broken.response.status).toBe(400);
    if (!broken.ok) expect(await broken.response.json()).toEqual({ error: { code: "invalid_json", message: "请求体不是合法的 JSON" } });
  });
});

describe("writes from other sites", () => {
  it("are refused by Sec-Fetch-Site, or by Origin when a browser sends no Sec-Fetch-Site", () => {
    expect(fromOtherSite(post("", { "sec-fetch-site": "same-origin", origin: "http://kb.example" }))).toBe(false);
    expect(fromOtherSite(post("", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }))).toBe(true);
    expect(fromOtherSite(post("", { origin: "https://evil.example" }))).toBe(true);
    expect(fromOtherSite(post("", { origin: "null" }))).toBe(true);
    expect(fromOtherSite(post("", { origin: "http://kb.example" }))).toBe(false);
    // Behind a proxy that rewrites Host but says which host was asked for.
    expect(fromOtherSite(post("", { origin: "https://kb.example", host: "127.0.0.1:3000", "x-forwarded-host": "kb.example" }))).toBe(false);
    // curl and other tools send neither.
    expect(fromOtherSite(post(""))).toBe(false);
  });
});

describe("the anonymous session", () => {
  const codec = createSessionCodec("test key");

  it("issues signed ids and only accepts ids it signed", () => {
    const { id, cookie } = codec.issue();
    expect(codec.verify(cookie)).toBe(id);
    expect(createSessionCodec("another key").verify(cookie)).toBeNull();
    expect(codec.verify(`${id}.AAAAAAAAAAAAAAAAAAAAAA`)).toBeNull();
    for (const bad of ["", "x", "x.y.z", `${id}.`, `.${cookie}`]) expect(codec.verify(bad)).toBeNull();
  });

  it("keys the rate limit by a genuine session, else by the address the front saw", () => {
    const { id, cookie } = codec.issue();
    const known = identifyClient(post("", { cookie: `theme=1; ${SESSION_COOKIE}=${cookie}`, "x-forwarded-for": "10.0.0.1" }), codec, false);
    expect(known).toEqual({ key: `s:${id}`, session: id, setCookie: null });
    // A forged id is ignored: the client is its address (the last hop, which the front wrote), and gets a real id.
    const forged = identifyClient(post("", { cookie: `${SESSION_COOKIE}=made.up`, "x-forwarded-for": "1.2.3.4, 10.0.0.2" }), codec, true);
    expect(forged.key).toBe("a:10.0.0.2");
    expect(forged.setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{22}\\.[\\w-]{22}; Path=/api/; HttpOnly; SameSite=Lax; Secure$`));
    expect(cookieValue("a=1; b = 2", "b")).toBe("2");
  });
});

describe("the rate limit", () => {
  it("allows a burst of the per-minute rate, then one write per 60/rate seconds, per client", () => {
    const limiter = createRateLimiter({ perMinute: 3, maxClients: 10 });
    const at = 1_000_000;
    expect([1, 2, 3, 4].map(() => limiter.take("a", at))).toEqual([true, true, true, false]);
    expect(limiter.take("b", at)).toBe(true);
    expect(limiter.take("a", at + 19_000)).toBe(false);
    expect(limiter.take("a", at + 20_000)).toBe(true);
    expect(createRateLimiter({ perMinute: 0, maxClients: 1 }).take("a")).toBe(true);
  });
});

describe("insights access", () => {
  const token = "s3cret-token-0123456789";
  const none = { authorization: null, cookie: null };

  it("is disabled without ADMIN_TOKEN, whatever is presented", () => {
    expect(checkAccess(undefined, none)).toBe("disabled");
    expect(checkAccess(undefined, { authorization: `Bearer ${token}`, cookie: null })).toBe("disabled");
  });

  it("is granted to the Bearer token or the login cookie, and to nothing else", () => {
    expect(checkAccess(token, none)).toBe("denied");
    expect(checkAccess(token, { authorization: "Bearer wrong-token-0123456789", cookie: null })).toBe("denied");
    expect(checkAccess(token, { authorization: `Basic ${token}`, cookie: null })).toBe("denied");
    expect(checkAccess(token, { authorization: `Bearer ${token}`, cookie: null })).toBe("granted");
    expect(checkAccess(token, { authorization: `bearer  ${token} `, cookie: null })).toBe("granted");
    expect(checkAccess(token, { authorization: null, cookie: cookieValueFor(token) })).toBe("granted");
    // The cookie holds a value derived from the token, not the token: the token itself is not a cookie.
    expect(checkAccess(token, { authorization: null, cookie: token })).toBe("denied");
    expect(checkAccess("another-token-0123456789", { authorization: null, cookie: cookieValueFor(token) })).toBe("denied");
  });

  it("compares secrets of any length", () => {
    expect(sameSecret("a", "a")).toBe(true);
    expect(sameSecret("a", "ab")).toBe(false);
    expect(sameSecret("", token)).toBe(false);
  });

  it("sets an HttpOnly, SameSite=Strict cookie sent only to the insights page and API", () => {
    const headers = adminCookieHeaders(token, true);
    expect(headers).toHaveLength(2);
    for (const header of headers) {
      expect(header).toMatch(new RegExp(`^${ADMIN_COOKIE}=${cookieValueFor(token)}; Path=/(api/)?insights; Max-Age=28800; HttpOnly; SameSite=Strict; Secure$`));
    }
    expect(carriesAdminCredentials({ cookie: `x=1; ${ADMIN_COOKIE}=abc` })).toBe(true);
    expect(carriesAdminCredentials({ authorization: "Bearer x" })).toBe(true);
    expect(carriesAdminCredentials({ cookie: "theme=dark" })).toBe(false);
  });
});
