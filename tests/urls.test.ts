import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  areaUrl,
  contentEditUrl,
  causeAnchor,
  entryUrl,
  parseEntryUrl,
  parseWizardKey,
  parseWizardPath,
  parseWizardQuery,
  searchUrl,
  stepAnchor,
  systemUrl,
  taxonomyUrl,
  wizardKey,
  wizardUrl,
} from "@/urls";

const slug = fc.stringMatching(/^[a-z0-9]+(?:-[a-z0-9]+){0,3}$/);

describe("urls", () => {
  it("entry and cause URLs parse back to what built them", () => {
    fc.assert(
      fc.property(slug, fc.option(slug, { nil: null }), (id, cause) => {
        expect(parseEntryUrl(entryUrl(id, cause))).toEqual({ id, cause });
      }),
    );
    expect(entryUrl("a", "b")).toBe(`/entry/a#${causeAnchor("b")}`);
  });

  it("refuses what is not an entry link", () => {
    for (const url of ["/entry/", "/entry/a/b", "/search?q=x", "https://example.com/entry/a", "/entry/a#other", "#cause-x"]) {
      expect(parseEntryUrl(url)).toBeNull();
    }
  });

  it("wizard keys and locations round-trip", () => {
    fc.assert(
      fc.property(slug, fc.option(slug, { nil: null }), fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9.~-]{0,20}$/), { maxLength: 8 }), (entry, cause, answers) => {
        const start = wizardKey(entry, cause);
        expect(parseWizardKey(start)).toEqual({ id: entry, cause });
        const path = wizardUrl({ start, answers });
        expect(path.startsWith("/wizard/")).toBe(true);
        expect(parseWizardPath(path.split("/").slice(2))).toEqual({ start, answers });
      }),
    );
  });

  it("search URLs carry the query encoded", () => {
    expect(searchUrl()).toBe("/search");
    const url = searchUrl({ q: "a&b=c #d 中文" });
    expect(new URL(url, "http://x").searchParams.get("q")).toBe("a&b=c #d 中文");
    expect(searchUrl({ mode: "log" })).toBe("/search?mode=log");
  });

  it("decodes an escaped id in a content link, and keeps a malformed escape for the unknown-entry message", () => {
    expect(parseEntryUrl("/entry/a%2Db")).toEqual({ id: "a-b", cause: null });
    expect(parseEntryUrl("/entry/a%E0%A4%A")).toEqual({ id: "a%E0%A4%A", cause: null });
  });

  it("refuses wizard paths that are too long, malformed or not plausible keys", () => {
    const answers = (n: number) => Array.from({ length: n }, () => "y");
    expect(parseWizardPath(["p", ...answers(200)])?.answers).toHaveLength(200);
    expect(parseWizardPath(["p", ...answers(201)])).toBeNull();
    for (const bad of [["%ZZ"], ["p", "%E0%A4%A"], ["Upper"], ["p", ""], ["-p"], ["p", "a/b"]]) {
      expect(parseWizardPath(bad), bad.join("/")).toBeNull();
    }
    expect(parseWizardPath(undefined)).toEqual({ start: "triage", answers: [] });
    expect(parseWizardPath(["p%7Ec"])).toEqual({ start: "p~c", answers: [] });
  });

  it("builds area, system and anchor URLs", () => {
    expect(areaUrl("docker")).toBe("/area/docker");
    expect(systemUrl("wechat-api")).toBe("/system/wechat-api");
    expect(taxonomyUrl("area", "x")).toBe(areaUrl("x"));
    expect(taxonomyUrl("system", "x")).toBe(systemUrl("x"));
    expect(stepAnchor("prepare")).toBe("step-prepare");
    expect(causeAnchor("port")).toBe("cause-port");
  });

  it("fills an edit-link pattern with the file's path, escaped", () => {
    const source = { path: "entries/docker/a b#c.md", file: "/srv/kb/content/entries/docker/a b#c.md" };
    expect(contentEditUrl("https://github.com/o/r/edit/main/content/{path}", source)).toBe("https://github.com/o/r/edit/main/content/entries/docker/a%20b%23c.md");
    expect(contentEditUrl("vscode://file/{file}", source)).toBe("vscode://file/srv/kb/content/entries/docker/a%20b%23c.md");
  });
});

describe("wizard URL query", () => {
  it("carries log evidence and the earlier answer, and reads them back", () => {
    const evidence = [{ cause: "migrate-not-run", line: 3, text: "SQLSTATE[42S02]: Base table or view not found: 1146 & more #x" }];
    const url = wizardUrl({ start: "gptlink-tables-not-created", answers: ["n"], evidence }, { was: "y" });
    const parsed = new URL(url, "http://x");
    expect(parsed.pathname).toBe("/wizard/gptlink-tables-not-created/n");
    expect(parseWizardQuery({ e: parsed.searchParams.getAll("e"), was: parsed.searchParams.get("was") ?? undefined })).toEqual({ evidence, was: "y" });
    expect(wizardUrl({ start: "a", answers: [] })).toBe("/wizard/a");
  });

  it("drops what does not parse instead of failing", () => {
    expect(parseWizardQuery({ e: ["no-dots", "Bad.1.x", "a.0.x", "a.1.", "a.1.line\nbreak"], was: "../x" })).toEqual({ evidence: [], was: null });
    expect(parseWizardQuery({ e: Array.from({ length: 50 }, (_, i) => `c.${i + 1}.t`) }).evidence).toHaveLength(5);
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()))), (query) => void parseWizardQuery(query)));
  });
});
