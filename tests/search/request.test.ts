import { describe, expect, it } from "vitest";
import { MAX_REQUEST_BYTES, parseSearchRequest } from "@/search/request";

describe("parseSearchRequest", () => {
  it("refuses a missing or blank query", () => {
    for (const q of [null, undefined, "", " \n\t "]) expect(parseSearchRequest(q, null)).toMatchObject({ ok: false, status: 400, code: "missing_query" });
  });

  it("refuses a query over 256 KB, counted in UTF-8 bytes, and takes one at the limit", () => {
    expect(MAX_REQUEST_BYTES).toBe(256 * 1024);
    expect(parseSearchRequest("x".repeat(MAX_REQUEST_BYTES), null)).toMatchObject({ ok: true, limit: undefined });
    const han = "错".repeat(MAX_REQUEST_BYTES / 3 + 1);
    expect(parseSearchRequest(han, null)).toEqual({ ok: false, status: 413, code: "query_too_large", message: "搜索内容超过 256 KB，请只粘贴报错附近的日志" });
  });

  it("takes an absent limit as none, and a number or a numeric string as that number", () => {
    for (const limit of [null, undefined, ""]) expect(parseSearchRequest("端口", limit)).toEqual({ ok: true, query: "端口", limit: undefined });
    expect(parseSearchRequest("端口", 7)).toEqual({ ok: true, query: "端口", limit: 7 });
    expect(parseSearchRequest("端口", "12")).toEqual({ ok: true, query: "端口", limit: 12 });
  });

  it("refuses a limit that is not a finite number", () => {
    for (const limit of ["ten", "Infinity", Number.NaN]) {
      expect(parseSearchRequest("端口", limit)).toEqual({ ok: false, status: 400, code: "invalid_limit", message: "limit 必须是 1 到 50 之间的数字" });
    }
  });
});
