import { describe, expect, it } from "vitest";
import { fold, normalizeLine } from "@/search/normalize";
import { anchors, stem, termList, terms } from "@/search/tokenize";

/** Exactly which terms a short text gives, where tokenize.test.ts checks that some are there. */
const all = (text: string) => terms(fold(text)).all;

describe("terms of Chinese text", () => {
  it("keeps the segmenter's words of two or more characters apart from the bigrams", () => {
    const t = terms(fold("应用程序"));
    expect([...t.words]).toEqual(["应用", "程序"]);
    expect(t.all).toEqual(["应用", "程序", "用程"]);
    expect(termList(fold("应用程序"), { bigrams: false })).toEqual(["应用", "程序", "应用", "程序"]);
    // 防火墙 is cut 防火 + 墙: the lone 墙 is no word.
    expect([...terms(fold("防火墙")).words]).toEqual(["防火"]);
  });

  it("gives a lone Han character no term, and drops bigrams that are stop words", () => {
    expect(all("门")).toEqual([]);
    const t = all("这个怎么");
    expect(t).not.toContain("这个");
    expect(t).not.toContain("怎么");
  });

  it("cuts a long Han run in pieces for the segmenter without losing or repeating its words", () => {
    const words = termList(fold("应用程序".repeat(100)), { bigrams: false }).filter((term) => term === "程序");
    // Two per repetition (the word and the same bigram), give or take the word cut at a piece's edge.
    expect(words.length).toBeGreaterThanOrEqual(198);
    expect(words.length).toBeLessThanOrEqual(200);
  });
});

describe("terms of Latin text", () => {
  it("keeps an identifier whole up to 48 characters, a plain word only by its stem", () => {
    const id48 = `${"abcd_".repeat(9)}abc`;
    expect(all(id48)).toContain(id48);
    expect(all(`${id48}d`)).not.toContain(`${id48}d`);
    expect(all("containers")).toEqual(["contain"]);
  });

  it("never turns a mask into a word", () => {
    expect(all("uid=83716c526776 at 10.0.0.1")).toEqual(["uid"]);
  });
});

describe("stem", () => {
  it("stems plain English words longer than three letters only", () => {
    expect(stem("runs")).toBe("run");
    expect(stem("bus")).toBe("bus");
    expect(stem("1runs")).toBe("1runs");
    expect(stem("runs1")).toBe("runs1");
  });
});

describe("anchors", () => {
  it("are Latin words of two or more letters and Han characters, never a mask", () => {
    expect(anchors(normalizeLine("connect 10.0.0.1:3306 failed 错 a"))).toEqual(["connect", "failed", "错"]);
    expect(anchors(normalizeLine("端口被占用"))).toEqual(["端口", "口被", "被占", "占用"]);
  });
});
