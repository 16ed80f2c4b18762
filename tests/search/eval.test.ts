import { describe, expect, it } from "vitest";
import { evaluate, parseEvalFile, partOf, type EvalCase, type Ranked } from "@/search/eval";

/** The eval harness's arithmetic on made-up runs, where every figure can be worked out by hand. */
describe("evaluate", () => {
  const cases: EvalCase[] = [
    { q: "first and answered", expect: ["A"] },
    { q: "third, one answer shown", expect: ["B"] },
    { q: "first, not answered", expect: ["C"] },
    { q: "fourth, four shown", expect: ["D"] },
    { q: "not ranked", expect: ["E"] },
    { q: "out of scope, left alone", expect: [] },
    { q: "out of scope, answered", expect: [] },
  ];
  const runs: Record<string, Ranked> = {
    "first and answered": { ranked: [["A"]], presented: 1, firstId: "a" },
    "third, one answer shown": { ranked: [["X"], ["Y"], ["Z", "B"]], presented: 1, firstId: "x" },
    "first, not answered": { ranked: [["C"], ["X"]], presented: 0, firstId: "c" },
    "fourth, four shown": { ranked: [["X"], ["Y"], ["Z"], ["D"]], presented: 4, firstId: "x" },
    "not ranked": { ranked: [], presented: 0 },
    "out of scope, left alone": { ranked: [["X"]], presented: 0, firstId: "x" },
    "out of scope, answered": { ranked: [["X"]], presented: 2, firstId: "x" },
  };
  const run = (q: string) => runs[q] ?? { ranked: [], presented: 0 };

  it("counts top-1, top-3 and reciprocal rank over the in-scope queries, ranked and as presented", () => {
    const metrics = evaluate(cases, run);
    expect(metrics.inScope).toBe(5);
    expect(metrics.outOfScopeCount).toBe(2);
    // Ranked: A and C first, B third (inside the top 3), D fourth (outside it), E nowhere.
    expect(metrics.ranking.top1).toBeCloseTo(2 / 5);
    expect(metrics.ranking.top3).toBeCloseTo(3 / 5);
    expect(metrics.ranking.mrr).toBeCloseTo((1 + 1 / 3 + 1 + 1 / 4) / 5);
    // Presented: only A is shown first; B and C are not shown at all; D is shown fourth.
    expect(metrics.presented.top1).toBeCloseTo(1 / 5);
    expect(metrics.presented.top3).toBeCloseTo(1 / 5);
    expect(metrics.presented.mrr).toBeCloseTo((1 + 1 / 4) / 5);
    expect(metrics.outOfScope).toBeCloseTo(1 / 2);
  });

  it("scores the confidence gate: precision over answered queries, recall over those ranked right", () => {
    const { confidence } = evaluate(cases, run);
    // Answered: A (right), B, D and an out-of-scope query (wrong).
    expect(confidence.precision).toBeCloseTo(1 / 4);
    // Ranked right: A (answered) and C (not).
    expect(confidence.recall).toBeCloseTo(1 / 2);
  });

  it("lists every query not answered right first, with its rank and whether it was answered", () => {
    expect(evaluate(cases, run).misses).toEqual([
      { q: "third, one answer shown", expect: ["B"], got: "x", rank: 3, presented: true },
      { q: "first, not answered", expect: ["C"], got: "c", rank: 1, presented: false },
      { q: "fourth, four shown", expect: ["D"], got: "x", rank: 4, presented: true },
      { q: "not ranked", expect: ["E"], got: undefined, rank: null, presented: false },
      { q: "out of scope, answered", expect: [], got: "x", rank: null, presented: true },
    ]);
  });

  it("counts a share of nothing as whole", () => {
    const metrics = evaluate([], run);
    expect(metrics.inScope).toBe(0);
    expect(metrics.ranking).toEqual({ top1: 1, top3: 1, mrr: 1 });
    expect(metrics.presented).toEqual({ top1: 1, top3: 1, mrr: 1 });
    expect(metrics.outOfScope).toBe(1);
    expect(metrics.confidence).toEqual({ precision: 1, recall: 1 });
    expect(metrics.misses).toEqual([]);
  });
});

describe("parseEvalFile", () => {
  it("reads one case a line and skips blank lines", () => {
    const text = ['{"q":"errcode 40001","expect":["S001-1"]}', "", "   ", '{"q":"天气","expect":[],"src":"https://example.com/a","note":"off topic"}', ""].join("\n");
    expect(parseEvalFile(text)).toEqual([
      { q: "errcode 40001", expect: ["S001-1"] },
      { q: "天气", expect: [], src: "https://example.com/a", note: "off topic" },
    ]);
  });

  it("names the line of the file that is not a valid case", () => {
    const good = '{"q":"a","expect":[]}';
    expect(() => parseEvalFile([good, '{"q":"","expect":[]}'].join("\n"))).toThrow(/^line 2: /);
    expect(() => parseEvalFile([good, good, '{"q":"a","expect":[],"extra":1}'].join("\n"))).toThrow(/^line 3: /);
    expect(() => parseEvalFile('{"q":"a","expect":[],"src":"not a url"}')).toThrow(/^line 1: /);
    // Blank lines count: the line number is the one an editor shows.
    expect(() => parseEvalFile([good, "", '{"q":"a"}'].join("\n"))).toThrow(/^line 3: /);
  });
});

describe("partOf", () => {
  it("tunes on queries without a source", () => {
    expect(partOf({ q: "a", expect: [] })).toBe("tune");
  });

  // Sources found for the first byte of their SHA-256 (the split is at 179 of 256, about 70%).
  it.each([
    ["https://example.com/q/137", 0, "tune"],
    ["https://example.com/q/151", 178, "tune"],
    ["https://example.com/q/111", 179, "check"],
    ["https://example.com/q/865", 255, "check"],
  ])("puts the source %s (first hash byte %i) on the %s side", (src, _byte, part) => {
    expect(partOf({ q: "a", expect: [], src })).toBe(part);
  });
});
