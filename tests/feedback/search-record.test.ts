import { describe, expect, it } from "vitest";
import { csvField, insightsCsv } from "@/feedback/export";
import type { InsightsReport } from "@/feedback/insights";
import { cut, searchRow, searchTemplate, signatureCandidate } from "@/feedback/search-record";
import type { SearchResponse } from "@/search/rank";

const keep = new Set(["8092"]);
const response = (confident: boolean, ids: string[] = []): SearchResponse => ({
  query: "",
  confident,
  results: confident ? ids.map((id) => ({ id }) as SearchResponse["results"][number]) : [],
  suggestions: confident ? [] : ids.map((id) => ({ id }) as SearchResponse["results"][number]),
  truncated: false,
  lines: 1,
  facets: { area: [], system: [], kind: [] },
});

describe("what is kept of a search", () => {
  it("groups queries that differ only in their volatile parts", () => {
    const a = searchTemplate("connect ECONNREFUSED 10.0.0.5:3306 at 2026-11-21 10:00:01", keep);
    const b = searchTemplate("connect ECONNREFUSED 192.168.1.9:3306 at 2026-11-22 23:59:59", keep);
    expect(a).toBe(b);
    expect(a).toBe("connect econnrefused <ip> at <time>");
    // Error codes and the knowledge base's own numbers stay.
    expect(searchTemplate("errcode 40001 on port 8092, retry 3", keep)).toBe("errcode 40001 on port 8092, retry <num>");
  });

  it("represents a pasted log by its error lines", () => {
    const log = ["$ docker logs gptlink", "Starting server on :8092", "PDOException: SQLSTATE[HY000] [2002] Connection refused", "retrying in 5s"].join("\n");
    expect(searchTemplate(log, keep)).toBe("pdoexception: sqlstate[hy000] [<num>] connection refused");
    expect(signatureCandidate(log)).toBe("PDOException: SQLSTATE[HY000] [2002] Connection refused");
  });

  it("masks secrets before anything is stored, and cuts long queries", () => {
    const row = searchRow({
      query: `GET /cgi-bin/token?appid=wx1&secret=abcdef0123456789 errcode 40013\n${"x".repeat(5000)}`,
      response: response(false, ["a", "b", "a"]),
      source: "page",
      session: null,
      keepNumbers: keep,
    });
    expect(row.query).not.toContain("abcdef0123456789");
    expect(row.template).not.toContain("abcdef0123456789");
    expect(row.query).toContain("secret=***");
    expect(Array.from(row.query)).toHaveLength(2000);
    expect(row).toMatchObject({ source: "page", confident: false, shown: ["a", "b"] });
    expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("cuts by characters, never inside one", () => {
    expect(cut("😀😀😀", 2)).toBe("😀😀");
  });
});

describe("CSV export", () => {
  it("quotes what needs it and defuses spreadsheet formulas from the public", () => {
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("=HYPERLINK(\"http://evil\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    expect(csvField("-1+2")).toBe("'-1+2");
    expect(csvField(0.5)).toBe("0.5000");
    expect(csvField(3)).toBe("3");
    expect(csvField(null)).toBe("");
  });

  it("writes one table, a section per kind of row", () => {
    const report: InsightsReport = {
      generatedAt: "2026-11-22T00:00:00.000Z",
      totals: { searches: 1, confidentSearches: 0, votes: { yes: 1, no: 1, rate: 0.5 }, walks: { solved: 1, unsolved: 0, abandoned: 0 } },
      failedSearches: [{ template: "flux <num>", count: 2, lastSeen: "2026-11-21T10:00:00.000Z", example: "flux 42", candidate: "flux 42", fromWizard: 0 }],
      entries: [
        {
          id: "e",
          title: "条目",
          kind: "problem",
          votes: { yes: 1, no: 1, rate: 0.5 },
          wizard: { solved: 1, unsolved: 0, abandoned: 0, solveRate: 1 },
          opened: 3,
          causes: [{ id: "c", title: "原因", votes: { yes: 0, no: 0, rate: null }, solved: 1, authorPosition: 1, position: 1, estimate: 0.6, shownShare: null }],
        },
      ],
      exits: [{ step: "triage", question: "你遇到了什么问题？", wizard: "引导式排查", abandoned: 2, unsolved: 0 }],
      daily: { days: 1, searches: [{ day: "2026-11-21", total: 1, confident: 0 }], votes: [{ day: "2026-11-21", helpful: 1, unhelpful: 1 }] },
    };
    expect(insightsCsv(report).split("\r\n")).toEqual([
      "section,key,label,count,yes,no,rate,solved,unsolved,abandoned,last_seen,detail",
      "failed_search,flux <num>,flux 42,2,,,,,,,2026-11-21T10:00:00.000Z,flux 42",
      "entry,e,条目,3,1,1,0.5000,1,0,0,,",
      "cause,e#c,原因,,0,0,,1,,,,position 1 (author 1); estimate 0.600",
      "exit,triage,你遇到了什么问题？,,,,,,0,2,,引导式排查",
      "searches_day,2026-11-21,,1,0,,,,,,,",
      "votes_day,2026-11-21,,,1,1,,,,,,",
      "",
    ]);
  });
});
