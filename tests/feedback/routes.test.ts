import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FeedbackService } from "@/feedback/service";
import { pgliteDirectory } from "../helpers/database";

/**
 * The HTTP endpoints, called as Next.js calls them. Each block imports the routes afresh, since
 * the configuration (ADMIN_TOKEN) is read once per module registry.
 */
const TOKEN = "route-test-token-0123456789";
const BASE = "http://kb.test";
const tmp = pgliteDirectory();

const request = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new NextRequest(`${BASE}${path}`, { method: init.method ?? "GET", headers: { host: "kb.test", ...init.headers }, ...(init.body !== undefined ? { body: init.body } : {}) });

async function routes() {
  vi.resetModules();
  return {
    insights: await import("@/app/api/insights/route"),
    login: await import("@/app/insights/login/route"),
    feedback: await import("@/app/api/feedback/route"),
    events: await import("@/app/api/events/route"),
    health: await import("@/app/api/health/route"),
    server: await import("@/feedback/server"),
  };
}

let service: FeedbackService | null = null;

beforeAll(() => {
  vi.stubEnv("DATA_DIR", tmp.dir);
  vi.stubEnv("FEEDBACK_RATE", "0");
});

afterAll(async () => {
  await service?.close();
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("paizhang-kb.feedback")];
  tmp.cleanup();
  vi.unstubAllEnvs();
});

describe("insights when ADMIN_TOKEN is not set", () => {
  it("answers 404 to everyone", async () => {
    vi.stubEnv("ADMIN_TOKEN", "");
    const { insights, login } = await routes();
    const response = await insights.GET(request("/api/insights", { headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    const form = await login.POST(request("/insights/login", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `token=${TOKEN}` }));
    expect(form.status).toBe(404);
  });
});

describe("with ADMIN_TOKEN set", () => {
  let r: Awaited<ReturnType<typeof routes>>;

  beforeAll(async () => {
    vi.stubEnv("ADMIN_TOKEN", TOKEN);
    r = await routes();
    service = r.server.feedback();
    for (let i = 0; i < 2400 && service.state().status !== "ok"; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(service.state().status).toBe("ok");
  }, 150_000);

  it("refuses no token and a wrong one with 401, and gives the right Bearer token the report", async () => {
    const none = await r.insights.GET(request("/api/insights"));
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toContain("Bearer");
    expect((await r.insights.GET(request("/api/insights", { headers: { authorization: "Bearer wrong-token-0123456789" } }))).status).toBe(401);
    const right = await r.insights.GET(request("/api/insights", { headers: { authorization: `Bearer ${TOKEN}` } }));
    expect(right.status).toBe(200);
    expect(right.headers.get("cache-control")).toBe("no-store");
    expect(await right.json()).toHaveProperty("failedSearches");
  });

  it("logs in with the form: a wrong token gets no cookie, the right one a cookie that opens the API", async () => {
    const post = (token: string) =>
      r.login.POST(request("/insights/login", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "sec-fetch-site": "same-origin" }, body: `token=${encodeURIComponent(token)}` }));
    const wrong = await post("nope");
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toBe("/insights?error=token");
    expect(wrong.headers.getSetCookie()).toEqual([]);

    const right = await post(TOKEN);
    expect(right.headers.get("location")).toBe("/insights");
    const cookies = right.headers.getSetCookie();
    expect(cookies).toHaveLength(2);
    for (const cookie of cookies) expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
    const value = cookies[0]!.split(";")[0]!;
    expect(value).not.toContain(TOKEN);
    const withCookie = await r.insights.GET(request("/api/insights?format=csv", { headers: { cookie: value } }));
    expect(withCookie.status).toBe(200);
    expect(withCookie.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await withCookie.text()).split("\r\n")[0]).toBe("section,key,label,count,yes,no,rate,solved,unsolved,abandoned,last_seen,detail");
    expect((await r.insights.GET(request("/api/insights", { headers: { cookie: "kb_admin=forged" } }))).status).toBe(401);
  });

  it("takes a vote and a wizard outcome, with a session cookie, and the report counts them", async () => {
    const json = { "content-type": "application/json", "sec-fetch-site": "same-origin" };
    const vote = await r.feedback.POST(request("/api/feedback", { method: "POST", headers: json, body: JSON.stringify({ entry: "gptlink-docker-server-error", helpful: true }) }));
    expect(vote.status).toBe(202);
    expect(vote.headers.get("set-cookie")).toMatch(/^kb_sid=[\w-]+\.[\w-]+; Path=\/api\/; HttpOnly; SameSite=Lax$/);
    const solved = await r.events.POST(
      request("/api/events", { method: "POST", headers: json, body: JSON.stringify({ type: "wizard", outcome: "solved", path: "/wizard/gptlink-docker-server-error/y/y" }) }),
    );
    expect(solved.status).toBe(202);
    await service!.drained();
    const report = await (await r.insights.GET(request("/api/insights", { headers: { authorization: `Bearer ${TOKEN}` } }))).json();
    expect(report.totals.votes.yes).toBe(1);
    expect(report.totals.walks.solved).toBe(1);
  });

  it("answers bad writes with JSON errors: 400 unknown id, 413 too large, 403 from another site", async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      r.feedback.POST(request("/api/feedback", { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));
    const unknown = await post(JSON.stringify({ entry: "nope", helpful: true }));
    expect([unknown.status, (await unknown.json()).error.code]).toEqual([400, "unknown_entry"]);
    const large = await post(JSON.stringify({ entry: "gptlink-docker-server-error", helpful: false, reason: "x".repeat(5000) }));
    expect([large.status, (await large.json()).error.code]).toEqual([413, "body_too_large"]);
    const foreign = await post(JSON.stringify({ entry: "gptlink-docker-server-error", helpful: true }), { "sec-fetch-site": "cross-site" });
    expect(foreign.status).toBe(403);
  });

  it("sends a form vote on to the thanks page, and a form outcome on to its step", async () => {
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const vote = await r.feedback.POST(request("/api/feedback", { method: "POST", headers: form, body: "entry=gptlink-docker-server-error&cause=mysql-too-old&helpful=no" }));
    expect(vote.status).toBe(303);
    expect(vote.headers.get("location")).toBe("/feedback?entry=gptlink-docker-server-error&cause=mysql-too-old&helpful=no&result=ok");
    const walk = await r.events.POST(request("/api/events", { method: "POST", headers: form, body: "type=wizard&outcome=solved&path=%2Fwizard%2Fgptlink-docker-server-error%2Fy%2Fy" }));
    expect(walk.status).toBe(303);
    expect(walk.headers.get("location")).toBe("/wizard/gptlink-docker-server-error/y/y");
    const elsewhere = await r.events.POST(request("/api/events", { method: "POST", headers: form, body: "type=wizard&outcome=solved&path=https%3A%2F%2Fevil.example%2F" }));
    expect(elsewhere.status).toBe(400);
  });

  it("reports the database in /api/health", async () => {
    const response = await r.health.GET(request("/api/health?ready=feedback"));
    expect(response.status).toBe(200);
    const health = await response.json();
    expect(health).toMatchObject({ status: "ok", feedback: { status: "ok", driver: "pglite" } });
  });
});
