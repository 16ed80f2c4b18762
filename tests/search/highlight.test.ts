import { describe, expect, it } from "vitest";
import { highlight } from "@/search/highlight";

const show = (text: string, terms: string[]) => highlight(text, terms).map((r) => (r.mark ? `[${r.text}]` : r.text)).join("");

describe("highlight", () => {
  it("marks every occurrence of each term, whatever its case, and keeps the text whole", () => {
    expect(highlight("Access token expired, access TOKEN again", ["token"])).toEqual([
      { text: "Access ", mark: false },
      { text: "token", mark: true },
      { text: " expired, access ", mark: false },
      { text: "TOKEN", mark: true },
      { text: " again", mark: false },
    ]);
    expect(show("端口被占用", ["端口", "占用"])).toBe("[端口]被[占用]");
  });

  it("marks a stemmed English term to the end of the word it starts, and codes and identifiers exactly", () => {
    expect(show("Error: connect ECONNREFUSED; Connection refused", ["connect", "econnrefus"])).toBe("Error: [connect] [ECONNREFUSED]; [Connection] refused");
    expect(show("errcode 4016499 redirect_uri_x", ["40164", "redirect_uri"])).toBe("errcode [40164]99 [redirect_uri]_x");
  });

  it("merges overlapping and adjacent terms into one run", () => {
    expect(highlight("errcode 40001", ["errcode", "code 4", "40001"])).toEqual([{ text: "errcode 40001", mark: true }]);
    expect(show("aaaa", ["aa"])).toBe("[aaaa]");
  });

  it("ignores empty terms, concept markers and masks, and returns the text as one plain run without terms", () => {
    expect(highlight("docker <ip> ~net", ["", "~net", "<ip>"])).toEqual([{ text: "docker <ip> ~net", mark: false }]);
    expect(highlight("docker", [])).toEqual([{ text: "docker", mark: false }]);
    expect(highlight("", ["x"])).toEqual([]);
  });

  it("uses at most the 20 longest terms", () => {
    const terms = Array.from({ length: 21 }, (_, i) => `t${String(i).padStart(2, "0")}`).concat("t21 long");
    const text = terms.join(" ");
    const marked = highlight(text, terms).filter((r) => r.mark).map((r) => r.text);
    expect(marked).toHaveLength(20);
    expect(marked[0]).toBe("t00");
    // The longest term is kept; of the 21 short ones, the last by the stable sort is dropped.
    expect(marked).toContain("t21 long");
    expect(marked).not.toContain("t20");
  });
});
