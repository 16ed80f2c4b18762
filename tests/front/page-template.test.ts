import fc from "fast-check";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fillGzipTemplate, fillTemplate, nonceTemplate } from "@/front/page-template";
import { createNonce } from "@/serve/csp";

const RENDERED = "YWIyMmNhNGQtOGVkOC00ZmZj";

describe("a page kept with a fresh nonce for each answer", () => {
  it("puts the new nonce in every place of the old one, plain and gzipped", () => {
    const page = Buffer.from(`<script nonce="${RENDERED}">a</script><p>${"排障".repeat(500)}</p><script nonce="${RENDERED}">push("${RENDERED}")</script>`);
    const template = nonceTemplate(page, RENDERED, true);
    const nonce = createNonce();
    const expected = page.toString("utf8").replaceAll(RENDERED, nonce);
    expect(fillTemplate(template, nonce).toString("utf8")).toBe(expected);
    expect(gunzipSync(fillGzipTemplate(template, nonce) ?? Buffer.alloc(0)).toString("utf8")).toBe(expected);
  });

  it("gzips any page to exactly the page, whatever text surrounds the nonce (back-references included)", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 300 }), { minLength: 1, maxLength: 8 }), fc.boolean(), (pieces, repeatNonceLikeText) => {
        // Text that shares most of its bytes with a nonce tempts the compressor to refer back into one.
        const filler = repeatNonceLikeText ? RENDERED.slice(0, 20) : "";
        const page = Buffer.from(pieces.map((p) => `${p}${filler}`).join(RENDERED));
        const template = nonceTemplate(page, RENDERED, true);
        const nonce = createNonce();
        const gzip = fillGzipTemplate(template, nonce);
        const expected = page.toString("utf8").replaceAll(RENDERED, nonce);
        expect(fillTemplate(template, nonce).toString("utf8")).toBe(expected);
        if (gzip) expect(gunzipSync(gzip).toString("utf8")).toBe(expected);
        else expect(/[\u0001-\u001f]/.test(page.toString("utf8"))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("sends uncompressed a page that holds the control characters standing in for the nonce", () => {
    const template = nonceTemplate(Buffer.from(`a\u0001b${RENDERED}c`), RENDERED, true);
    expect(template.gzip).toBeNull();
    expect(fillGzipTemplate(template, createNonce())).toBeNull();
  });

  it("costs no more than twice the page, counted", () => {
    const page = Buffer.from(`${"<p>排障知识库</p>".repeat(2000)}<script nonce="${RENDERED}"></script>`);
    const template = nonceTemplate(page, RENDERED, true);
    expect(template.bytes).toBeLessThan(page.length * 2);
    expect(template.bytes).toBeGreaterThan(page.length - RENDERED.length);
  });
});
