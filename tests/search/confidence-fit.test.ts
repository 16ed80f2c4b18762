import { describe, expect, it } from "vitest";
import { fitLogistic } from "@/search/confidence";

/**
 * fitLogistic as `npm run fit:confidence` uses it, on made-up rows whose classes overlap (so the
 * unpenalised optimum is finite): the weights it returns apply to raw features, and without a
 * penalty they are the maximum-likelihood ones, where the gradient of the log loss vanishes.
 */
const rows = [
  [0.1, 20, 1],
  [0.3, 35, 1],
  [0.4, 10, 1],
  [0.5, 50, 1],
  [0.6, 15, 1],
  [0.7, 45, 1],
  [0.8, 30, 1],
  [0.9, 25, 1],
];
const labels = [0, 0, 1, 0, 1, 1, 0, 1];

const predict = (fit: { weights: number[]; bias: number }, row: readonly number[]) => 1 / (1 + Math.exp(-(fit.bias + row.reduce((s, v, j) => s + v * (fit.weights[j] ?? 0), 0))));

describe("fitLogistic", () => {
  it("without a penalty, reaches the maximum-likelihood weights on the raw features", () => {
    const fit = fitLogistic(rows, labels, { l2: 0 });
    const residuals = rows.map((row, i) => predict(fit, row) - (labels[i] ?? 0));
    // The bias's gradient and each varying feature's gradient are zero at the optimum.
    expect(Math.abs(residuals.reduce((s, r) => s + r, 0))).toBeLessThan(1e-3);
    for (const j of [0, 1]) expect(Math.abs(residuals.reduce((s, r, i) => s + r * (rows[i]?.[j] ?? 0), 0)), `feature ${j}`).toBeLessThan(1e-3 * (j === 1 ? 50 : 1));
    expect(fit.weights[0]).toBeGreaterThan(0);
  });

  it("gives a constant feature no weight, and does not let it spoil the others", () => {
    const fit = fitLogistic(rows, labels, { l2: 0 });
    expect(fit.weights[2]).toBe(0);
    expect(fit.weights.every(Number.isFinite)).toBe(true);
    const without = fitLogistic(
      rows.map((r) => r.slice(0, 2)),
      labels,
      { l2: 0 },
    );
    expect(fit.weights[0]).toBeCloseTo(without.weights[0] ?? 0, 6);
    expect(fit.bias).toBeCloseTo(without.bias, 6);
  });

  it("makes the same predictions whatever the units of a feature", () => {
    const fit = fitLogistic(rows, labels);
    const scaled = fitLogistic(
      rows.map(([a = 0, b = 0, c = 0]) => [a * 100 + 7, b, c]),
      labels,
    );
    rows.forEach((row, i) => expect(predict(scaled, [(row[0] ?? 0) * 100 + 7, row[1] ?? 0, row[2] ?? 0]), `row ${i}`).toBeCloseTo(predict(fit, row), 9));
  });

  it("shrinks the weights with a penalty", () => {
    const free = fitLogistic(rows, labels, { l2: 0 });
    const penalised = fitLogistic(rows, labels, { l2: 0.5 });
    expect(Math.abs(penalised.weights[0] ?? 0)).toBeLessThan(Math.abs(free.weights[0] ?? 0));
    expect(Math.abs(penalised.weights[0] ?? 0)).toBeGreaterThan(0);
  });

  it("returns zero weights for no rows", () => {
    expect(fitLogistic([], [])).toEqual({ weights: [], bias: 0 });
  });
});
