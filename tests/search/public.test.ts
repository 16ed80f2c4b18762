import { describe, expect, it } from "vitest";
import { toPublicResponse } from "@/search/public";
import type { SearchHit, SearchResponse } from "@/search/rank";

/** The JSON of `/api/search` and `npm run search`, on a made-up response: what a caller can rely on. */
const bare: SearchHit = {
  id: "p",
  title: "端口不通",
  kind: "problem",
  url: "/entry/p",
  area: "deploy",
  areaLabel: "部署",
  system: "docker",
  systemLabel: "Docker",
  score: 12.5,
  matched: ["econnrefused"],
};
const full: SearchHit = { ...bare, cause: "c", causeTitle: "没有监听", line: 2, lineText: "connect ECONNREFUSED", snippet: "对方没有监听", explain: "你连的是 db:3306" };
const facets = { area: [{ value: "deploy", count: 1 }], system: [], kind: [] };
const response = (over: Partial<SearchResponse>): SearchResponse => ({ query: "q", confident: true, results: [], suggestions: [], truncated: false, lines: 1, facets, ...over });

describe("toPublicResponse", () => {
  it("masks secrets in the echoed query", () => {
    expect(toPublicResponse(response({ query: "SMTP_PASS=myAuthCode123 login failed" })).query).toBe("SMTP_PASS=*** login failed");
  });

  it("keeps every field of a hit that has them", () => {
    const json = toPublicResponse(response({ results: [full], suggestions: [bare], truncated: true, lines: 3, didYouMean: "redis", neighbour: { id: "n", title: "N", hint: "h", signature: "s" } }));
    expect(json).toEqual({
      query: "q",
      confident: true,
      results: [{ id: "p", title: "端口不通", cause: "c", causeTitle: "没有监听", score: 12.5, line: 2, lineText: "connect ECONNREFUSED", url: "/entry/p", kind: "problem", area: "deploy", areaLabel: "部署", system: "docker", systemLabel: "Docker", matched: ["econnrefused"], snippet: "对方没有监听", explain: "你连的是 db:3306" }],
      suggestions: [{ id: "p", title: "端口不通", score: 12.5, url: "/entry/p", kind: "problem", area: "deploy", areaLabel: "部署", system: "docker", systemLabel: "Docker", matched: ["econnrefused"] }],
      truncated: true,
      lines: 3,
      didYouMean: "redis",
      neighbour: { id: "n", title: "N", hint: "h", signature: "s" },
      facets,
    });
  });

  it("leaves out the optional fields a response does not have, rather than sending them empty", () => {
    const json = toPublicResponse(response({ confident: false, suggestions: [bare] }));
    expect(Object.keys(json).sort()).toEqual(["confident", "facets", "lines", "query", "results", "suggestions", "truncated"]);
    expect(Object.keys(json.suggestions[0]!).sort()).toEqual(["area", "areaLabel", "id", "kind", "matched", "score", "system", "systemLabel", "title", "url"]);
    expect(json.confident).toBe(false);
  });
});
