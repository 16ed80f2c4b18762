import fc from "fast-check";
import { expect, it } from "vitest";
import { kthLargest, topScored } from "@/search/top";

it("keeps the k best, best first, however many there are", () => {
  const items = [0.2, 0.9, 0.5, 0.9, 0.1].map((score, id) => ({ id, score }));
  expect(topScored(items, 2).map((i) => i.score)).toEqual([0.9, 0.9]);
  expect(topScored(items, 10).map((i) => i.id)).toEqual([1, 3, 2, 0, 4]);
  expect(topScored([], 3)).toEqual([]);
});

it("keeps the k best of a list many times longer than k, ties in their order", () => {
  // Over 4k items the cut is found with a heap first (fuzz cases are mostly shorter).
  const items = Array.from({ length: 100 }, (_v, id) => ({ id, score: id % 10 }));
  expect(topScored(items, 3).map((i) => i.id)).toEqual([9, 19, 29]);
  expect(topScored(items, 12).map((i) => i.score)).toEqual([9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 8, 8]);
});

it("agrees with a full sort on large lists, ties included", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 400 }), fc.integer({ min: 1, max: 60 }), (raw, k) => {
      const items = raw.map((n, id) => ({ id, score: n / 10 }));
      const expected = [...items].sort((a, b) => b.score - a.score).slice(0, k).map((i) => i.score);
      expect(topScored(items, k).map((i) => i.score)).toEqual(expected);
    }),
  );
});

it("finds the k-th largest value as a full sort would, ties counted", () => {
  expect(kthLargest([0.2, 0.9, 0.5, 0.9, 0.1], 1)).toBe(0.9);
  expect(kthLargest([0.2, 0.9, 0.5, 0.9, 0.1], 2)).toBe(0.9);
  expect(kthLargest([0.2, 0.9, 0.5, 0.9, 0.1], 3)).toBe(0.5);
  expect(kthLargest(Float64Array.from([3, 1, 2]), 3)).toBe(1);
  expect(kthLargest([1, 2], 3)).toBe(-Infinity);
  expect(kthLargest([1, 2], 0)).toBe(-Infinity);
  fc.assert(
    fc.property(fc.array(fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((v) => v + 0), { maxLength: 500 }), fc.integer({ min: 1, max: 80 }), (values, k) => {
      const sorted = [...values].sort((a, b) => b - a);
      expect(kthLargest(values, k)).toBe(k <= values.length ? sorted[k - 1] : -Infinity);
    }),
  );
});
