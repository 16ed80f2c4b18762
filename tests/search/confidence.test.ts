import { describe, expect, it } from "vitest";
import model from "@/search/confidence-model.json";
import { FEATURE_DIRECTIONS, fitLogistic, probability, type ConfidenceModel, type FeatureVector } from "@/search/confidence";

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

  it("the stored model uses known features, each weighted in its stated direction", () => {
    const stored = model as ConfidenceModel;
    expect(stored.features.length).toBe(stored.weights.length);
    stored.features.forEach((name, i) => {
      expect(Object.keys(FEATURE_DIRECTIONS)).toContain(name);
      expect(Math.sign(stored.weights[i] ?? 0)).toBe(FEATURE_DIRECTIONS[name]);
    });
    expect(stored.threshold).toBeGreaterThan(0);
    expect(stored.threshold).toBeLessThan(1);
  });
});
