import { describe, expect, it } from "vitest";
import { bestSnippet, quotable, sentences } from "@/search/snippets";

describe("bestSnippet", () => {
  const weights = new Map([
    ["端口", 3],
    ["被占用", 2],
    ["docker", 1],
  ]);
  const matched = new Set(weights.keys());
  const snippets = [quotable("Docker 起不来", -1), quotable("端口被占用时先停掉旧容器", 0), quotable("Docker 端口映射写错了", 1)];

  it("quotes the text holding the most weight of what was asked, found in its folded form", () => {
    expect(quotable("Docker  端口", 2)).toEqual({ text: "Docker  端口", cause: 2, folded: "docker端口" });
    expect(bestSnippet(snippets, -1, matched, weights)).toBe("端口被占用时先停掉旧容器");
    expect(bestSnippet(snippets, -1, new Set(["docker"]), weights)).toBe("Docker 起不来");
  });

  it("prefers the texts of the cause the hit points at, and skips other causes' texts", () => {
    // Cause 1's own text weighs 4 × 1.5 = 6 against cause 0's 5, which is not even considered.
    expect(bestSnippet(snippets, 1, matched, weights)).toBe("Docker 端口映射写错了");
    expect(bestSnippet(snippets, 0, new Set(["docker"]), weights)).toBe("Docker 起不来");
    // Cause 0's text would weigh 5 against 3 × 1.5, but it belongs to another cause.
    expect(bestSnippet(snippets, 1, new Set(["端口", "被占用"]), weights)).toBe("Docker 端口映射写错了");
    // Boosted, cause 0's text (5 × 1.5) beats an entry text holding 6.
    const entryHeavy = [quotable("端口 被占用 docker", -1), quotable("端口被占用", 0)];
    expect(bestSnippet(entryHeavy, 0, matched, weights)).toBe("端口被占用");
    expect(bestSnippet(entryHeavy, -1, matched, weights)).toBe("端口 被占用 docker");
  });

  it("quotes nothing when no text shares a word with the query, or a word has no weight", () => {
    expect(bestSnippet(snippets, -1, new Set(["磁盘"]), weights)).toBeNull();
    expect(bestSnippet(snippets, -1, new Set(["起不来"]), weights)).toBeNull();
    expect(bestSnippet([], -1, matched, weights)).toBeNull();
  });

  it("keeps the first of two texts that weigh the same", () => {
    expect(bestSnippet([quotable("docker a", -1), quotable("docker b", -1)], -1, new Set(["docker"]), weights)).toBe("docker a");
  });
});

describe("sentences", () => {
  it("splits after Chinese and ASCII sentence ends, trimming and dropping empty pieces", () => {
    expect(sentences("容器起来了。页面报错！为什么？原因有三；一是端口. Really? Yes!  ")).toEqual(["容器起来了。", "页面报错！", "为什么？", "原因有三；", "一是端口. Really?", "Yes!"]);
    expect(sentences("   ")).toEqual([]);
  });

  it("cuts a long sentence to the limit with an ellipsis", () => {
    expect(sentences(`${"长".repeat(200)}。短句。`)).toEqual([`${"长".repeat(159)}…`, "短句。"]);
    expect(sentences("一二三四五。", 5)).toEqual(["一二三四…"]);
    expect(sentences("一二三四。", 5)).toEqual(["一二三四。"]);
  });
});
