import fc from "fast-check";
import { expect, it } from "vitest";
import { topScored } from "@/search/rank";

it("keeps the k best, best first, however many there are", () => {
  const items = [0.2, 0.9, 0.5, 0.9, 0.1].map((score, id) => ({ id, score }));
  expect(topScored(items, 2).map((i) => i.score)).toEqual([0.9, 0.9]);
  expect(topScored(items, 10).map((i) => i.id)).toEqual([1, 3, 2, 0, 4]);
  expect(topScored([], 3)).toEqual([]);
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
