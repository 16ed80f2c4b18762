import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `src/urls.ts` builds and parses every product URL. This test keeps it that way: no other file in
 * src/ or scripts/ writes a product path, a cause or step anchor, or a wizard key by hand.
 */
const ROOT = path.resolve(import.meta.dirname, "..");
const HAND_BUILT: readonly [string, RegExp][] = [
  // (`/entry/<id>` in a message to authors is documentation, not a link.)
  ["a product path in a string", /["'`]\/(?:entry|area|system|wizard|search)(?:\/(?!<)|[?#"'`]|\$\{)/],
  ["a cause anchor", /#cause-\$\{|["'`]cause-\$\{/],
  ["a step anchor", /["'`#]step-\$\{/],
  ["a wizard key", /\}~\$\{/],
];

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))
    .filter((file) => file !== path.join("src", "urls.ts"));
}

describe("URL ownership", () => {
  it("no file but src/urls.ts builds product URLs", async () => {
    const offences: string[] = [];
    for (const file of [...(await sources("src")), ...(await sources("scripts"))]) {
      const lines = (await readFile(path.join(ROOT, file), "utf8")).split("\n");
      lines.forEach((line, i) => {
        if (/^\s*(?:\/\/|\*|\/\*)/.test(line)) return;
        for (const [what, pattern] of HAND_BUILT) if (pattern.test(line)) offences.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
      });
    }
    expect(offences).toEqual([]);
  });

  it("the patterns catch what they are for", () => {
    const caught = (line: string) => HAND_BUILT.some(([, p]) => p.test(line));
    for (const line of ['href={`/entry/${id}`}', 'base="/area"', '"/search?q=" + q', "`#cause-${c}`", "id={`step-${s.id}`}", "`${id}~${cause}`", "fetch(`/wizard/${k}`)"]) {
      expect(caught(line), line).toBe(true);
    }
    expect(caught('fetch("/api/search")')).toBe(false);
  });
});
