import { describe, expect, it } from "vitest";
import model from "@/search/confidence-model.json";
import { FEATURE_DIRECTIONS, fitLogistic, parseConfidenceModel, probability, reliabilityOf, wordingOf, wordOdds, type ConfidenceModel, type FeatureVector } from "@/search/confidence";

const zero = Object.fromEntries(Object.keys(FEATURE_DIRECTIONS).map((k) => [k, 0])) as Record<keyof typeof FEATURE_DIRECTIONS, number>;
const x = (values: Partial<FeatureVector>): FeatureVector => ({ ...zero, ...values });

describe("confidence model", () => {
  it("is a logistic function of its weighted features", () => {
    const m: ConfidenceModel = { features: ["score", "whole"], weights: [2, 1], bias: -1, threshold: 0.5 };
    expect(probability(m, x({ score: 0.5, whole: 0 }))).toBeCloseTo(0.5);
    expect(probability(m, x({ score: 1, whole: 1 }))).toBeCloseTo(1 / (1 + Math.exp(-2)));
  });

  it("fits a separable toy set and is deterministic", () => {
    const rows = [[0.1], [0.2], [0.3], [0.7], [0.8], [0.9]];
    const labels = [0, 0, 0, 1, 1, 1];
    const a = fitLogistic(rows, labels);
    expect(a).toEqual(fitLogistic(rows, labels));
    const p = (v: number) => 1 / (1 + Math.exp(-(a.bias + (a.weights[0] ?? 0) * v)));
    expect(p(0.1)).toBeLessThan(0.3);
    expect(p(0.9)).toBeGreaterThan(0.7);
    expect(p(0.5)).toBeGreaterThan(0.3);
    expect(p(0.5)).toBeLessThan(0.7);
  });

  it("shrinks an entry's record towards the prior: an entry with none gets the prior, a long record nearly its own share", () => {
    const table = { prior: 0.7, strength: 5, entries: { few: [0, 1], many: [10, 100], none: [0, 0] } } as const;
    expect(reliabilityOf(table, "unknown")).toBeCloseTo(0.7);
    expect(reliabilityOf(table, "none")).toBeCloseTo(0.7);
    expect(reliabilityOf(table, "few")).toBeCloseTo(3.5 / 6);
    expect(reliabilityOf(table, "many")).toBeCloseTo(13.5 / 105);
    expect(reliabilityOf({ ...table, strength: 0 }, "many")).toBeCloseTo(0.1);
  });

  it("gives a word the log-odds of a right first result among the queries using it, against all queries', smoothed by one", () => {
    const totals = { right: 8, wrong: 2 };
    expect(wordOdds(totals, [6, 0])).toBeCloseTo(Math.log(7 / 10) - Math.log(1 / 4));
    expect(wordOdds(totals, [0, 2])).toBeCloseTo(Math.log(1 / 10) - Math.log(3 / 4));
    // A word used as often in right and wrong reports as the reports themselves tells nothing.
    expect(wordOdds({ right: 10, wrong: 10 }, [3, 3])).toBeCloseTo(0);
    expect(wordOdds(totals, [6, 0])).toBeGreaterThan(0);
    expect(wordOdds(totals, [0, 2])).toBeLessThan(0);
  });

  it("reads the wording of a query as the mean odds of the words the table knows, 0 when it knows none", () => {
    const odds = new Map([["mysql", 1], ["proxy", -2]]);
    const of = (words: string[]) => wordingOf((w) => odds.get(w), words);
    expect(of(["mysql", "proxy", "unknown"])).toBeCloseTo(-0.5);
    expect(of(["mysql"])).toBe(1);
    expect(of(["unknown", "other"])).toBe(0);
    expect(of([])).toBe(0);
  });

  it("the stored model reads as a model, each feature weighted in its stated direction", () => {
    const stored = parseConfidenceModel(model, "confidence-model.json");
    stored.features.forEach((name, i) => {
      expect(Math.sign(stored.weights[i] ?? 0)).toBe(FEATURE_DIRECTIONS[name]);
    });
  });

  it("a broken model is refused with what is wrong and where", () => {
    const good = { features: ["score"], weights: [1], bias: 0, threshold: 0.5, reliability: { prior: 0.5, strength: 5, entries: { a: [1, 2] } }, wording: { right: 3, wrong: 1, words: { mysql: [2, 1] } } };
    expect(parseConfidenceModel(good, "m.json").reliability.entries.a).toEqual([1, 2]);
    const broken = (change: object, message: RegExp) => expect(() => parseConfidenceModel({ ...good, ...change }, "m.json"), JSON.stringify(change)).toThrow(message);
    broken({ features: ["score", "nonsense"], weights: [1, 1] }, /m\.json[\s\S]*features\[1\]/);
    broken({ weights: [1, 2] }, /one weight per feature/);
    broken({ threshold: 1.5 }, /threshold/);
    broken({ reliability: { prior: 0.5, strength: 5, entries: { a: [3, 2] } } }, /right more often[\s\S]*reliability\.entries\.a/);
    broken({ reliability: undefined }, /reliability/);
    broken({ wording: undefined }, /wording/);
    broken({ wording: { right: 3, wrong: 1, words: { mysql: [2, -1] } } }, /wording\.words\.mysql/);
    broken({ wording: { right: 3, wrong: 1.5, words: {} } }, /wording\.wrong/);
    broken({ extra: 1 }, /extra/);
  });
});
