import { describe, expect, it } from "vitest";
import { cacheKey, carriesCredentials, keepForMs, mayStore, pageCacheControl } from "@/serve/cache-policy";
import { classify, pathTarget, ROUTES } from "@/serve/routes";

describe("the route table", () => {
  it.each([
    ["/", ROUTES.home],
    ["/entry/gptlink-docker-server-error", ROUTES.entry],
    ["/area/docker", ROUTES.area],
    ["/system/gptlink", ROUTES.system],
    ["/wizard", ROUTES.wizard],
    ["/wizard/triage/docker~db", ROUTES.wizard],
    ["/search", ROUTES.search],
    ["/search?q=40001", ROUTES.search],
    ["/api/search", ROUTES.searchApi],
    ["/api/csp-report", ROUTES.cspReport],
    ["/api/health", ROUTES.api],
    ["/api/feedback", ROUTES.feedbackApi],
    ["/api/events", ROUTES.eventsApi],
    ["/api/insights", ROUTES.api],
    ["/api/causes/gptlink-docker-server-error", ROUTES.api],
    ["/feedback?result=accepted", ROUTES.feedback],
    ["/insights", ROUTES.insights],
    ["/insights/login", ROUTES.insights],
    ["/insights/a/b", ROUTES.other],
    ["/_next/static/chunks/a.js", ROUTES.asset],
    ["/theme.js", ROUTES.file],
    ["/sitemap.xml", ROUTES.file],
    ["/entry", ROUTES.other],
    ["/entry/a/b", ROUTES.other],
    ["/search/x", ROUTES.other],
    ["/_next/image", ROUTES.other],
    ["/package.json", ROUTES.other],
  ])("%s is %o", (url, route) => {
    const target = classify(url);
    expect(target.ok && target.route).toBe(route);
  });

  it("decodes the path; every percent-encoded variant has the same canonical form", () => {
    for (const url of ["/entry/ab", "/entry/%61b", "/%65ntry/a%62", "/entry/%61%62"]) expect(classify(url)).toMatchObject({ ok: true, route: ROUTES.entry, path: "/entry/ab", query: "" });
    expect(classify("/entry/%E6%8E%92%E9%9A%9C")).toMatchObject({ path: "/entry/排障" });
  });

  it("gives no canonical form to paths Next.js would not read as the same page", () => {
    for (const url of ["/entry/a%2Fb", "/entry/a/", "/entry//a", "/entry/..", "/entry/%2e%2e", "/entry/a%00", "/entry/a%5Cb"]) {
      expect(classify(url), url).toMatchObject({ ok: true, path: null });
    }
  });

  it("refuses a broken percent-encoding and a target that is not a path", () => {
    expect(classify("/entry/%E0%A4%A")).toEqual({ ok: false, reason: "malformed" });
    expect(classify("/%")).toEqual({ ok: false, reason: "malformed" });
    for (const url of ["*", "http://example.com/", "//example.com/x", ""]) expect(classify(url), url).toEqual({ ok: false, reason: "odd-target" });
  });

  it("keeps the query apart", () => {
    expect(classify("/search?q=a%20b#x")).toMatchObject({ path: "/search", query: "?q=a%20b" });
  });

  it("turns a canonical path back into a request target", () => {
    expect(pathTarget("/entry/排障")).toBe("/entry/%E6%8E%92%E9%9A%9C");
    expect(pathTarget("/wizard/triage/docker~db")).toBe("/wizard/triage/docker~db");
    expect(pathTarget("/")).toBe("/");
  });
});

describe("the cache policy", () => {
  const key = (url: string) => cacheKey(classify(url));

  it("keys an allow-listed route without a query by its canonical path", () => {
    expect(key("/%65ntry/a%62")).toBe("/entry/ab");
    expect(key("/wizard/triage")).toBe("/wizard/triage");
    expect(key("/_next/static/chunks/a.js")).toBe("/_next/static/chunks/a.js");
  });

  it("keeps nothing else", () => {
    for (const url of ["/search?q=1", "/search?", "/api/health", "/api/search", "/entry/a/", "/entry/a%2Fb", "/nope", "/entry/%E0%A4%A"]) expect(key(url), url).toBeNull();
    expect(key(`/wizard/${"a".repeat(3000)}`)).toBeNull();
  });

  it("marks pages that are a function of their path as cacheable with revalidation, and leaves the rest to Next.js", () => {
    expect(pageCacheControl(classify("/wizard/triage"))).toBe("no-cache");
    expect(pageCacheControl(classify("/entry/a"))).toBe("no-cache");
    expect(pageCacheControl(classify("/wizard/triage?q=secret"))).toBeNull();
    expect(pageCacheControl(classify("/search?q=secret"))).toBeNull();
    expect(pageCacheControl(classify("/api/health"))).toBeNull();
    expect(pageCacheControl(classify("/theme.js"))).toBeNull();
  });

  it("never keeps the feedback page or insights, and bounds the bodies of votes and events", () => {
    for (const url of ["/feedback", "/feedback?result=accepted", "/insights", "/insights/login"]) expect(key(url), url).toBeNull();
    expect(pageCacheControl(classify("/insights"))).toBeNull();
    expect(ROUTES.feedbackApi.maxBody).toBe(4 * 1024);
    expect(ROUTES.eventsApi.maxBody).toBe(16 * 1024);
  });

  it("knows a request with credentials, and only those", () => {
    expect(carriesCredentials({ authorization: "Bearer x" })).toBe(true);
    expect(carriesCredentials({ cookie: "theme=dark; kb_admin=abc" })).toBe(true);
    expect(carriesCredentials({ cookie: "kb_admin=abc" })).toBe(true);
    expect(carriesCredentials({ cookie: "kb_sid=abc; not_kb_admin=1" })).toBe(false);
    expect(carriesCredentials({})).toBe(false);
  });

  it("keeps an answer until ten past midnight UTC, when the cause order of the day is in", () => {
    const at = (iso: string) => keepForMs(Date.parse(iso));
    expect(at("2026-11-22T00:00:00Z")).toBe(10 * 60_000);
    expect(at("2026-11-22T00:10:00Z")).toBe(24 * 3_600_000);
    expect(at("2026-11-22T12:10:00Z")).toBe(12 * 3_600_000);
    expect(at("2026-11-22T23:59:59Z")).toBe(10 * 60_000 + 1_000);
  });

  it("stores only a 200 without cookies that allows it", () => {
    expect(mayStore(200, { "cache-control": "no-cache" })).toBe(true);
    expect(mayStore(200, {})).toBe(true);
    expect(mayStore(200, { "cache-control": "public, max-age=31536000, immutable" })).toBe(true);
    expect(mayStore(200, { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" })).toBe(false);
    expect(mayStore(200, { "cache-control": "No-Store" })).toBe(false);
    expect(mayStore(200, { "cache-control": "private" })).toBe(false);
    expect(mayStore(200, { "set-cookie": ["a=1"] })).toBe(false);
    expect(mayStore(404, {})).toBe(false);
  });
});
