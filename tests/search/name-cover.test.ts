import { expect, it } from "vitest";
import { nameCover } from "@/search/confidence";

const idf = (weights: Record<string, number>) => (term: string) => weights[term] ?? null;

it("is the largest idf share of one of the entry's names that the query asks for", () => {
  const termIdf = idf({ redis: 1, refused: 3, smtp: 2, auth: 2 });
  const names = [new Set(["redis", "refused"]), new Set(["smtp", "auth"])];
  expect(nameCover(names, new Map([["redis", 1]]), termIdf)).toBe(0.25);
  expect(nameCover(names, new Map([["refused", 3]]), termIdf)).toBe(0.75);
  // Half of one name is more than a quarter of the other.
  expect(nameCover(names, new Map([["redis", 1], ["smtp", 2]]), termIdf)).toBe(0.5);
  expect(nameCover(names, new Map([["smtp", 2], ["auth", 2]]), termIdf)).toBe(1);
});

it("ignores terms the index does not know, and names with none it knows", () => {
  const termIdf = idf({ redis: 2 });
  expect(nameCover([new Set(["redis", "unknown"])], new Map([["redis", 2]]), termIdf)).toBe(1);
  expect(nameCover([new Set(["unknown"])], new Map([["unknown", 5]]), termIdf)).toBe(0);
  expect(nameCover([], new Map([["redis", 2]]), termIdf)).toBe(0);
});
