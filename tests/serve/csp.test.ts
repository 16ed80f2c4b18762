import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createNonce, NONCE_LENGTH, pagePolicy, policyNonce } from "@/serve/csp";
import { scriptAllowance } from "@/serve/csp-manifest";
import { pageScripts } from "@/serve/script-hashes";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const scriptSrc = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src "));

describe("the Content-Security-Policy", () => {
  it("names a nonce or hashes, never 'unsafe-inline', and 'unsafe-eval' only in development", () => {
    expect(scriptSrc(pagePolicy({ nonce: "abc" }))).toBe("script-src 'self' 'nonce-abc'");
    expect(scriptSrc(pagePolicy({ hashes: ["'sha256-a'"] }))).toBe("script-src 'self' 'sha256-a'");
    expect(scriptSrc(pagePolicy({ nonce: "abc", dev: true }))).toBe("script-src 'self' 'nonce-abc' 'unsafe-eval'");
    expect(pagePolicy({})).toContain("frame-ancestors 'none'");
    expect(pagePolicy({})).toContain("report-uri /api/csp-report; report-to csp");
  });

  it("makes a fresh nonce of fixed length every time, and reads one back from a policy", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(new RegExp(`^[A-Za-z0-9_-]{${NONCE_LENGTH}}$`));
    const nonce = createNonce();
    expect(policyNonce(pagePolicy({ nonce }))).toBe(nonce);
    expect(policyNonce(pagePolicy({ hashes: ["'sha256-a'"] }))).toBeNull();
  });

  it("gives a prerendered page its recorded hashes, and any other page a nonce with the fallback pages' hashes", () => {
    const manifest = { pages: { "/entry/a": ["'sha256-a'"] }, fallback: ["'sha256-404'"] };
    expect(scriptAllowance(manifest, "/entry/a")).toEqual({ kind: "hashes", hashes: ["'sha256-a'", "'sha256-404'"] });
    expect(scriptAllowance(manifest, "/wizard/triage")).toEqual({ kind: "nonce", hashes: ["'sha256-404'"] });
    expect(scriptAllowance(manifest, null)).toEqual({ kind: "nonce", hashes: ["'sha256-404'"] });
  });
});

describe("the hashes the build records", () => {
  const bootstrap = "(self.__next_f=self.__next_f||[]).push([0])";
  const payload = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])';
  const turbopack = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[1]});';

  it("hashes each of Next.js's own inline scripts once, and skips external scripts and JSON-LD", () => {
    const html = [
      `<script>${bootstrap}</script>`,
      '<script src="/_next/static/a.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"FAQPage"}</script>',
      `<script id="_R_">${turbopack}</script>`,
      `<script>${payload}</script>`,
      `<script>${payload}</script>`,
    ].join("");
    expect(pageScripts(html)).toEqual({ hashes: [sha(bootstrap), sha(turbopack), sha(payload)], foreign: [] });
  });

  it.each([
    ["a plain script", "<script>alert(1)</script>"],
    ["code dressed as an RSC chunk", '<script>self.__next_f.push([1]);alert(1);(1)</script>'],
    ["a module", '<script type="module">import("/x.js")</script>'],
    ["two statements", '<script>self.__next_f.push([1]);alert(1);</script>'],
    ["a script with an odd type that still runs", '<script type="text/javascript">alert(1)</script>'],
  ])("refuses %s", (_name, html) => {
    const scripts = pageScripts(`<html><script>${bootstrap}</script>${html}</html>`);
    expect(scripts.hashes).toEqual([sha(bootstrap)]);
    expect(scripts.foreign).toHaveLength(1);
  });
});
