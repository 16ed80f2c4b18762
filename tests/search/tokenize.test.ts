import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold } from "@/search/normalize";
import { conceptTerms, GROUPS } from "@/search/synonyms";
import { anchors, termList, terms } from "@/search/tokenize";

const t = (s: string) => terms(fold(s)).all;

describe("terms", () => {
  it("keeps identifiers whole and split", () => {
    expect(t("APP_URL")).toEqual(expect.arrayContaining(["app_url", "app", "url"]));
    expect(t("net::ERR_CONNECTION_CLOSED")).toEqual(expect.arrayContaining(["net::err_connection_closed", "net", "err", "connect", "close"]));
    expect(t("redirect_uri")).toEqual(expect.arrayContaining(["redirect_uri", "redirect", "uri"]));
  });
  it("meets English word forms at their stem, but leaves codes, short words and identifiers as written", () => {
    expect(t("containers rebooted, not starting")).toEqual(expect.arrayContaining(t("container reboot not start")));
    expect(t("connection refused")).toEqual(t("connecting refuses"));
    expect(t("ECONNREFUSED 40164 uri")).toEqual(expect.arrayContaining(["40164", "uri"]));
    expect(t("redirect_uri_mismatch")).toContain("redirect_uri_mismatch");
  });
  it("gives Chinese words and every bigram", () => {
    const all = t("企业可信IP");
    expect(all).toEqual(expect.arrayContaining(["企业", "可信", "业可", "ip"]));
  });
  it("handles mixed Chinese and English and full-width input the same way", () => {
    expect(t("ＡｐｐＩＤ参数错误")).toEqual(t("AppID 参数错误"));
  });
  it("drops stop words and filler", () => {
    const all = t("请问 这个 怎么办 啊 the error");
    expect(all).not.toContain("怎么办");
    expect(all).not.toContain("the");
    expect(all).toContain("error");
  });
  it("is the same function at index and query time, except that long fields may drop bigrams", () => {
    const text = fold("容器反复退出 RestartPolicy=none");
    expect(new Set(termList(text))).toEqual(new Set(terms(text).all));
    expect(termList(text, { bigrams: false }).every((term) => terms(text).words.has(term))).toBe(true);
  });
  it("never yields placeholders or single Latin letters", () => {
    const all = t("2024-05-01 12:00:01 a b 10.0.0.1 83716c526776");
    expect(all.filter((x) => x.startsWith("<") || x.length < 2)).toEqual([]);
  });
});

describe("anchors", () => {
  it("uses context-free pieces only", () => {
    expect(anchors("url not in domain list")).toEqual(["url", "not", "in", "domain", "list"]);
    expect(anchors("服务器错误")).toEqual(["服务", "务器", "器错", "错误"]);
  });
});

describe("conceptTerms", () => {
  it("maps aliases to one concept and prefers the longest name", () => {
    expect(conceptTerms("企微 自建应用")).toEqual(["~企业微信"]);
    expect(conceptTerms("企业微信")).toEqual(["~企业微信"]);
    expect(conceptTerms("wx 登录")).toEqual(expect.arrayContaining(["~微信", "~登录"]));
    // Users' words for what the content calls 可信IP, 回复 and 开机.
    expect(conceptTerms("要添加的信任ip太多了")).toContain("~可信");
    expect(conceptTerms("只能发送出去 收不到回信")).toContain("~回复");
    expect(conceptTerms("will it start after reboot")).toContain("~开机");
  });
  it("matches Latin names only as whole words", () => {
    expect(conceptTerms("docker logs")).toContain("~日志");
    expect(conceptTerms("catalogs")).toEqual([]);
  });
});

/** conceptTerms as it was, blanking each claimed name in a new copy of the text: quadratic on a paste full of names. */
function blankingConceptTerms(folded: string): string[] {
  const index = new Map<string, number>();
  GROUPS.forEach((group, i) => group.forEach((name) => index.set(name, i)));
  const names = [...index.keys()].sort((a, b) => b.length - a.length);
  let rest = folded;
  const found = new Set<string>();
  for (const name of names) {
    let at = rest.indexOf(name);
    while (at >= 0) {
      const end = at + name.length;
      const bounded = !/^[a-z0-9 ._-]+$/.test(name) || (!/[a-z0-9]/.test(rest[at - 1] ?? " ") && !/[a-z0-9]/.test(rest[end] ?? " "));
      if (bounded) {
        found.add(`~${GROUPS[index.get(name) ?? 0]?.[0] ?? name}`);
        rest = rest.slice(0, at) + " ".repeat(name.length) + rest.slice(end);
      }
      at = rest.indexOf(name, bounded ? at : at + 1);
    }
  }
  return [...found];
}

describe("conceptTerms in linear time", () => {
  it("finds what blanking each name in a copy of the text found", () => {
    const pieces = [...new Set(GROUPS.flat()), "a", "1", " ", ".", "_", "-", "x", "日", "企业", "微"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(conceptTerms(text)).toEqual(blankingConceptTerms(text));
      }),
      { numRuns: 5_000, seed: 3 },
    );
  });
});
