import { describe, expect, it } from "vitest";
import { boundQuery, queryUnits } from "@/search/lines";

describe("boundQuery", () => {
  it("keeps a query within the limit as it is", () => {
    expect(boundQuery("端口被占用", 15)).toEqual({ text: "端口被占用", truncated: false });
  });

  it("keeps the end of a longer paste, from its first whole line", () => {
    expect(boundQuery("first line\nsecond line\nthird", 15)).toEqual({ text: "third", truncated: true });
    expect(boundQuery("aaaa\nbb\ncc", 6)).toEqual({ text: "bb\ncc", truncated: true });
  });

  it("keeps the first line whole when the cut falls right after a line break", () => {
    expect(boundQuery("aaaa\nbb\ncc", 5)).toEqual({ text: "bb\ncc", truncated: true });
    expect(boundQuery("x\n错误 502\nok", 13)).toEqual({ text: "错误 502\nok", truncated: true });
  });

  it("keeps the cut-off tail of a single line, without the half of a character the cut split", () => {
    // 3 bytes per Han character: the last 7 bytes start one byte into 二.
    expect(boundQuery("一二三四", 7)).toEqual({ text: "三四", truncated: true });
    expect(boundQuery("abcdef", 3)).toEqual({ text: "def", truncated: true });
    // A break that ends the kept bytes leaves no line after it: the tail is kept as it is.
    expect(boundQuery("abc\n", 3)).toEqual({ text: "bc\n", truncated: true });
  });
});

describe("queryUnits", () => {
  it("searches a one-line query whole, trimmed, without a line number", () => {
    expect(queryUnits("  端口被占用  ", 10)).toEqual([{ text: "端口被占用" }]);
    expect(queryUnits("x\n端口被占用\n", 10)).toEqual([{ text: "端口被占用" }]);
    // Nothing long enough to search alone: the whole text, trimmed.
    expect(queryUnits(" a\nb ", 10)).toEqual([{ text: "a\nb" }]);
  });

  it("numbers the lines of a paste, 1-based with short lines counted, and weighs errors above output above commands", () => {
    expect(queryUnits("$ docker ps\r\nx\rstarting gptlink\nok\nError: connection refused", 10)).toEqual([
      { text: "$ docker ps", line: 1, salience: 0.5 },
      { text: "starting gptlink", line: 3, salience: 0.75 },
      { text: "ok", line: 4, salience: 0.75 },
      { text: "Error: connection refused", line: 5, salience: 1 },
    ]);
  });

  it("searches lines that differ only in volatile parts once, and keeps the last lines of a long paste", () => {
    const paste = ["2024-05-11 03:15:01 retry 1", "2024-05-11 03:15:02 retry 2", "ok one", "ok two", "ok three"].join("\n");
    expect(queryUnits(paste, 10).map((u) => [u.line, u.text])).toEqual([
      [1, "2024-05-11 03:15:01 retry 1"],
      [3, "ok one"],
      [4, "ok two"],
      [5, "ok three"],
    ]);
    expect(queryUnits(paste, 2).map((u) => u.line)).toEqual([4, 5]);
  });
});
