import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, pinScriptHashes } from "@/front/csp";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("script hashes for a Content-Security-Policy", () => {
  it("hashes each inline script once, and skips external scripts and JSON-LD", () => {
    const html = [
      '<script nonce="abc">self.__next_f=[]</script>',
      '<script src="/_next/static/a.js" async=""></script>',
      '<script type="application/ld+json">{"@type":"FAQPage"}</script>',
      "<script>self.__next_f.push([1])</script>",
      '<script nonce="abc">self.__next_f=[]</script>',
    ].join("");
    expect(inlineScriptHashes(html)).toEqual([sha("self.__next_f=[]"), sha("self.__next_f.push([1])")]);
  });

  it("replaces the nonce of a policy with the hashes", () => {
    const policy = "default-src 'self'; script-src 'self' 'nonce-ZmE3Y2Zm'; object-src 'none'";
    expect(pinScriptHashes(policy, ["'sha256-a'", "'sha256-b'"])).toBe("default-src 'self'; script-src 'self' 'sha256-a' 'sha256-b'; object-src 'none'");
  });

  it("leaves a policy that has no nonce as it is", () => {
    const policy = "default-src 'self'; script-src 'self' 'sha256-a'";
    expect(pinScriptHashes(policy, ["'sha256-b'"])).toBe(policy);
  });
});
