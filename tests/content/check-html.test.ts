import { describe, expect, it } from "vitest";
import { isExternal, unsafeProtocol } from "@/content/plugins/remark-check-html";

describe("unsafeProtocol", () => {
  it.each([
    ["javascript:alert(1)", "javascript"],
    ["  JaVaScRiPt:alert(1)", "javascript"],
    ["java\tscript:alert(1)", "javascript"],
    ["java\nscript:alert(1)", "javascript"],
    ["data:text/html,<script>", "data"],
    ["VBScript:msgbox", "vbscript"],
  ])("%j is %s", (url, protocol) => {
    expect(unsafeProtocol(url)).toBe(protocol);
  });
  it.each(["https://example.com/", "/entry/x#cause-y", "#step", "mailto:a@b.c", "javascript", "./data:x", "datas:x"])("%j is fine", (url) => {
    expect(unsafeProtocol(url)).toBeNull();
  });
});

describe("isExternal", () => {
  it.each(["https://img.example.com/a.png", "http://x/y", "//cdn.example.com/a.png", " HTTPS://X/"])("%j is another host", (url) => {
    expect(isExternal(url)).toBe(true);
  });
  it.each(["/fw.png", "fw.png", "./a/b.png", "#x"])("%j is this site", (url) => {
    expect(isExternal(url)).toBe(false);
  });
});
