import { describe, expect, it } from "vitest";
import { pickCause } from "@/search/causes";

const terms = (...t: string[]) => new Set(t);
const weights = new Map([
  ["端口", 3],
  ["占用", 2],
  ["磁盘", 1],
]);

describe("pickCause", () => {
  it("picks the cause whose words answer clearly more of the line", () => {
    expect(pickCause([terms("磁盘"), terms("端口", "占用"), terms()], weights, 6)).toBe(1);
    expect(pickCause([terms("端口", "占用"), terms("磁盘")], weights, 6)).toBe(0);
  });

  it("picks none when two causes answer about as much (the best must exceed 1.25 × the second)", () => {
    expect(pickCause([terms("端口"), terms("占用", "磁盘")], weights, 6)).toBe(-1);
    // 2.5 against 2: exactly 1.25 times is not enough, a little more is.
    const close = new Map([
      ["a", 2.5],
      ["b", 2],
    ]);
    expect(pickCause([terms("b"), terms("a")], close, 5)).toBe(-1);
    expect(pickCause([terms("b"), terms("a")], new Map([...close, ["a", 2.51]]), 5)).toBe(1);
    // The second best is remembered also when it comes after the best.
    expect(pickCause([terms("a"), terms("b")], close, 5)).toBe(-1);
    // ... and a weaker third cause does not replace it.
    const three = new Map([
      ["a", 5],
      ["b", 4.5],
      ["c", 1],
    ]);
    expect(pickCause([terms("a"), terms("b"), terms("c")], three, 10)).toBe(-1);
  });

  it("picks none when even the best answers less than 30% of the line", () => {
    expect(pickCause([terms("磁盘"), terms()], weights, 10)).toBe(-1);
    // Exactly 30% is enough.
    expect(pickCause([terms("端口"), terms()], weights, 10)).toBe(0);
  });

  it("picks none without causes or without a line", () => {
    expect(pickCause([], weights, 6)).toBe(-1);
    expect(pickCause([terms("端口")], weights, 0)).toBe(-1);
    expect(pickCause([terms("端口")], weights, -1)).toBe(-1);
  });

  it("picks a single cause that answers enough", () => {
    expect(pickCause([terms("端口")], weights, 6)).toBe(0);
  });
});
