import { describe, expect, it } from "vitest";
import { fold, looksLikeErrorCode, normalizeLine } from "@/search/normalize";
import { MAX_URL_VALUE_CHARS, prepareQuery, prepareUrlQuery } from "@/search/query";
import { SEARCH_CONFIG } from "@/search/config";

/** Folding and masking details, and how a query and a URL's values are cut and masked. */
describe("fold and maskVolatile", () => {
  it("trims the text and drops zero-width characters", () => {
    expect(fold("  Redis  ")).toBe("redis");
    expect(fold("a\u200bb\ufeff")).toBe("ab");
  });

  it("keeps a URL's path without its trailing slashes, the host masked", () => {
    expect(normalizeLine("GET https://api.example.com/cgi-bin/token/ failed")).toBe("get https://<host>/cgi-bin/token failed");
    expect(normalizeLine("GET https://api.example.com/// failed")).toBe("get https://<host> failed");
  });

  it("masks a dotted number whole", () => {
    expect(normalizeLine("version 10.25 and 1.2.3")).toBe("version <num> and <num>");
  });

  it("takes five-digit codes from 40000 up, and only whole numbers, for error codes", () => {
    expect(looksLikeErrorCode("40164")).toBe(true);
    expect(looksLikeErrorCode("401640")).toBe(false);
    expect(looksLikeErrorCode("140164")).toBe(false);
  });
});

describe("prepareQuery and prepareUrlQuery", () => {
  it("still says a query was cut when its secret is masked afterwards", () => {
    const query = prepareQuery(`${"x ".repeat(SEARCH_CONFIG.maxQueryBytes)}password=hunter2`);
    expect(query.truncated).toBe(true);
    expect(query.text.endsWith("password=***")).toBe(true);
  });

  it("masks a secret parameter whole, leaves an empty one and the others as they are", () => {
    expect(prepareUrlQuery(new URLSearchParams("q=hello&password=abc&token="))?.toString()).toBe("q=hello&password=***&token=");
    expect(prepareUrlQuery(new URLSearchParams("q=hello&token="))).toBeNull();
  });

  it("cuts a long value from the start until its encoded form fits, keeping as much as fits", () => {
    const value = prepareUrlQuery(new URLSearchParams({ q: `${"错".repeat(3000)} password=abc` }))?.get("q") ?? "";
    expect(value.endsWith("password=***")).toBe(true);
    expect(encodeURIComponent(value).length).toBeLessThanOrEqual(MAX_URL_VALUE_CHARS);
    expect(encodeURIComponent(value).length).toBeGreaterThan(MAX_URL_VALUE_CHARS * 0.8);
  });
});
