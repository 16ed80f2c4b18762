import { describe, expect, it } from "vitest";
import { niceCeiling, stackedBars } from "@/feedback/charts";

describe("chart geometry", () => {
  it("rounds the scale up to 1, 2 or 5 × 10ⁿ", () => {
    expect([0, 1, 3, 7, 10, 11, 180, 501].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 200, 1000]);
  });

  it("stacks each day's values from the baseline, in proportion", () => {
    const size = { width: 140, height: 120, left: 40, bottom: 10, top: 10 };
    const chart = stackedBars(
      [
        { label: "2026-11-01", values: [6, 4] },
        { label: "2026-11-02", values: [0, 0] },
      ],
      size,
    );
    expect(chart.max).toBe(10);
    const [first, second] = chart.bars;
    // Plot area: 100 px tall from y=10 to y=110; two slots of 50 px from x=40.
    expect(first).toMatchObject({ x: 47.5, width: 35, total: 10 });
    expect(first?.segments).toEqual([
      { series: 0, value: 6, y: 50, height: 60 },
      { series: 1, value: 4, y: 10, height: 40 },
    ]);
    expect(second?.segments.every((s) => s.height === 0 && s.y === 110)).toBe(true);
    expect(chart.ticks).toEqual([
      { value: 0, y: 110 },
      { value: 5, y: 60 },
      { value: 10, y: 10 },
    ]);
  });

  it("draws a middle line only at a whole number", () => {
    expect(stackedBars([{ label: "d", values: [3] }]).ticks.map((t) => t.value)).toEqual([0, 5]);
    expect(stackedBars([{ label: "d", values: [7] }]).ticks.map((t) => t.value)).toEqual([0, 5, 10]);
  });

  it("labels about six days whatever the range, and survives no data", () => {
    expect(stackedBars(Array.from({ length: 30 }, (_, i) => ({ label: String(i), values: [i] }))).labelEvery).toBe(5);
    const empty = stackedBars([]);
    expect(empty.bars).toEqual([]);
    expect(empty.max).toBe(1);
  });
});
