import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEARCH_CONFIG } from "@/search/config";
import { MAX_URL_VALUE_CHARS, prepareQuery, prepareUrlQuery } from "@/search/query";
import { SECRET_CASES, SECRET_LOG } from "../helpers/secret-log";

const bytes = (text: string) => Buffer.byteLength(text, "utf8");

describe("prepareQuery", () => {
  it("masks every kind of secret in a pasted log", () => {
    const { text, truncated } = prepareQuery(SECRET_LOG);
    expect(truncated).toBe(false);
    for (const c of SECRET_CASES) expect(text, c.kind).not.toContain(c.secret);
  });

  it("cuts a 256 KB paste to its last 20 KB before anything else", () => {
    const paste = `SMTP_PASS=EarlySecret\n${"a.".repeat(128 * 1024)}\nerrcode 40001`;
    const { text, truncated } = prepareQuery(paste);
    expect(truncated).toBe(true);
    expect(bytes(text)).toBeLessThanOrEqual(SEARCH_CONFIG.maxQueryBytes);
    expect(text.endsWith("errcode 40001")).toBe(true);
    expect(text).not.toContain("EarlySecret");
  });

  it("stays within the limit when masks are longer than what they hide", () => {
    const { text, truncated } = prepareQuery("pwd=1\n".repeat(4000));
    expect(truncated).toBe(true);
    expect(bytes(text)).toBeLessThanOrEqual(SEARCH_CONFIG.maxQueryBytes);
  });

  it("is idempotent, so a redirect to the prepared query is the last one", () => {
    const piece = fc.oneof(
      fc.constantFrom(...SECRET_CASES.map((c) => c.line), "\n", " ", "errcode 40001", "日志", "a.", "=", ":", "@", "-p"),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const once = prepareQuery(pieces.join("")).text;
        expect(prepareQuery(once).text).toBe(once);
      }),
      { numRuns: 2_000, seed: 5 },
    );
  });
});

describe("prepareUrlQuery", () => {
  it("leaves a clean query alone", () => {
    expect(prepareUrlQuery(new URLSearchParams({ q: "errcode 40001", mode: "log" }))).toBeNull();
    expect(prepareUrlQuery(new URLSearchParams())).toBeNull();
  });

  it("masks every value, and a value whose name says it is secret", () => {
    const query = prepareUrlQuery(new URLSearchParams({ q: SECRET_LOG, password: "hunter2", mode: "log" }));
    expect(query?.get("mode")).toBe("log");
    expect(query?.get("password")).toBe("***");
    for (const c of SECRET_CASES) expect(query?.toString(), c.kind).not.toContain(encodeURIComponent(c.secret));
  });

  it("cuts a long value to what a Location header can carry, keeping its end", () => {
    const query = prepareUrlQuery(new URLSearchParams({ q: `${"错误".repeat(60_000)} errcode 40001` }));
    const q = query?.get("q") ?? "";
    expect(encodeURIComponent(q).length).toBeLessThanOrEqual(MAX_URL_VALUE_CHARS);
    expect(q.endsWith("errcode 40001")).toBe(true);
  });

  it("is a fixed point, so the redirect it causes is the only one", () => {
    const once = prepareUrlQuery(new URLSearchParams({ q: `${SECRET_LOG}\n${"a.".repeat(70_000)}`, token: "x" }));
    expect(once).not.toBeNull();
    expect(prepareUrlQuery(once ?? new URLSearchParams())).toBeNull();
  });
});
