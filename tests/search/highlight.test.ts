import { describe, expect, it } from "vitest";
import { highlight } from "@/search/highlight";

const marked = (text: string, terms: string[]) =>
  highlight(text, terms)
    .filter((r) => r.mark)
    .map((r) => r.text);

describe("highlight", () => {
  it("marks a stemmed English term to the end of the word it starts", () => {
    expect(marked("Error: connect ECONNREFUSED; Connection refused", ["connect", "econnrefus"])).toEqual(["connect", "ECONNREFUSED", "Connection"]);
  });

  it("marks Chinese, codes and identifiers exactly, ignoring concept markers and masks", () => {
    expect(marked("errcode 40164，回调地址 redirect_uri 不一致", ["40164", "回调", "redirect_uri", "~concept", "<ip>"])).toEqual(["40164", "回调", "redirect_uri"]);
    expect(marked("4016499", ["40164"])).toEqual(["40164"]);
  });

  it("returns the text unmarked when nothing is asked", () => {
    expect(highlight("plain", [])).toEqual([{ text: "plain", mark: false }]);
  });
});
