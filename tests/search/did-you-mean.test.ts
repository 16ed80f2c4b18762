import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildSearchIndex } from "@/search/build-index";
import { createSearcher } from "@/search/rank";

const content = await buildContent(path.resolve("content"));
if (!content.graph) throw new Error("content has errors");
const searcher = createSearcher(buildSearchIndex(content.graph));

describe("did you mean", () => {
  it("offers whole words the knowledge base writes, never the stems it indexes", () => {
    expect(searcher.search("whitlist").didYouMean).toBe("whitelist");
    expect(searcher.search("certificat expird").didYouMean).toBe("certificate expired");
    expect(searcher.search("permision denid").didYouMean).toBe("permission denied");
    expect(searcher.search("redirct_uri").didYouMean).toBe("redirect_uri");
  });

  it("leaves a word alone when the knowledge base knows it in another form", () => {
    // "rebooted" and "configured" are indexed as the stems "reboot" and "configur": not misspellings.
    expect(searcher.search("rebooted redirct_uri").didYouMean).toBe("rebooted redirect_uri");
    expect(searcher.search("configured redirct_uri").didYouMean).toBe("configured redirect_uri");
  });
});
